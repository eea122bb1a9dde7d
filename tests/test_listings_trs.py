"""TRS WCM (zhangshu) and the Fujian TRS platform (pingtan) on the real listing samples.

Expected values were read off the sample pages by hand (see fixtures/listings/README.md).
"""

import json
from urllib.parse import parse_qs

from giar_crawler.listings import ListingPage, detect_family, trs_fujian, trs_wcm
from tests.conftest import FIXTURES

LISTINGS = FIXTURES / "listings"
ZHANGSHU_URL = "http://www.zhangshu.gov.cn/zwgk/zhxx/"
PINGTAN_URL = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"


def page(name, url):
    return ListingPage(url, (LISTINGS / name).read_text(encoding="utf-8"))


def test_zhangshu_lists_24_documents_none_a_report():
    listing = page("zhangshu_trs_wcm_listing.html", ZHANGSHU_URL)
    assert detect_family(listing).FAMILY == "trs_wcm"
    records = trs_wcm.links(listing)
    assert len(records) == 24
    assert all(r.kind == "other" for r in records)  # a news column: nothing to fetch
    first = records[0]
    assert first.url == ZHANGSHU_URL + "201710/t20171019_398276.html"
    assert first.title == "江西（樟树）医药产业招商引资推介会举行"
    # The row prints "10-19"; the year comes from t20171019 in the link.
    assert first.date == "2017-10-19"
    last = records[-1]
    assert last.url.endswith("201709/t20170925_396056.html")
    assert last.date == "2017-09-25"  # row "09-25"; its title holds "14-12", not a date


def test_zhangshu_pager_gives_index_1_to_20():
    pages = trs_wcm.next_pages(page("zhangshu_trs_wcm_listing.html", ZHANGSHU_URL))
    # createPageHTML(21, 0, "index", "html"): index.html is page 1, then index_1…index_20.
    assert [p.url for p in pages] == [f"{ZHANGSHU_URL}index_{k}.html" for k in range(1, 21)]
    assert all(p.method == "GET" and p.kind == "listing" for p in pages)


def test_later_trs_pages_fan_out_nothing():
    text = (LISTINGS / "zhangshu_trs_wcm_listing.html").read_text(encoding="utf-8")
    later = ListingPage(ZHANGSHU_URL + "index_3.html",
                        text.replace('createPageHTML(21, 0, "index", "html")',
                                     'createPageHTML(21, 3, "index", "html")'))
    assert trs_wcm.next_pages(later) == []


def test_pager_variants():
    for call, count in (("createPage(34, 0, \"index\", \"html\")", 34),
                        ("var countPage = 5;createPageHTML(countPage, 0, \"index\", \"shtml\")", 5),
                        ("createPageHTML('page_div', 7, 0, 'index', 'html')", 7)):
        listing = ListingPage("http://x.gov.cn/col/", f"<html><script>{call}</script></html>")
        assert trs_wcm.detect(listing)
        assert len(trs_wcm.next_pages(listing)) == count - 1, call


def test_pingtan_first_page_has_ten_reports_and_no_column_link():
    listing = page("pingtan_trs_fujian_listing.html", PINGTAN_URL)
    assert detect_family(listing).FAMILY == "trs_fujian"
    reports = [r for r in trs_fujian.links(listing) if r.kind == "report"]
    assert len(reports) == 10
    assert reports[0].url == PINGTAN_URL + "202603/t20260313_105587.htm"
    assert reports[0].title == "平潭综合实验区2025年度政府信息公开工作年度报告"
    assert reports[0].date == "2026-03-10"  # the listed date, not the t2026-03-13 of the URL
    assert reports[-1].title == "平潭综合实验区2016年度政府信息公开工作年度报告"
    # The left menu's "政府信息公开年报" (nlist.htm) names no year: a column, not a report.
    assert not any(r.url.endswith("nlist.htm") for r in trs_fujian.links(listing))


def test_pingtan_page_two_is_a_post_to_the_search_api():
    pages = trs_fujian.next_pages(page("pingtan_trs_fujian_listing.html", PINGTAN_URL))
    # recordCount '20', prepage 10 → one more page, from POST /fjdzapp/search.
    assert len(pages) == 1
    req = pages[0]
    assert (req.url, req.method, req.kind) == (
        "https://www.pingtan.gov.cn/fjdzapp/search", "POST", "api")
    form = {k: v[0] for k, v in parse_qs(req.body).items()}
    assert form == {"channelid": "200210", "classsql": "chnlid=1813",
                    "sortfield": "-docorderpri,-docreltime", "page": "2", "prepage": "10"}


def test_fujian_search_reply_rows():
    text = (LISTINGS / "pingtan_fjdzapp_search_page2.json").read_text(encoding="utf-8")
    rows = trs_fujian.links_from_reply("https://www.pingtan.gov.cn/fjdzapp/search", text)
    assert len(rows) == 11
    assert sum(r.kind == "report" for r in rows) == 10  # the 指南 row is not a report
    assert rows[0].title == "平潭综合实验区2015年度政府信息公开工作年度报告"
    assert rows[0].date == "2016-01-15"
    assert trs_fujian.next_from_reply("https://www.pingtan.gov.cn/fjdzapp/search", text) == []


def test_fujian_reply_that_is_not_json_lists_nothing():
    url = "https://www.pingtan.gov.cn/fjdzapp/search"
    assert trs_fujian.links_from_reply(url, "<html>请稍后再试</html>") == []
    assert trs_fujian.links_from_reply(url, json.dumps({"data": "oops"})) == []
