"""A whole crawl against a small portal served on 127.0.0.1: pagination, attachments,
stubs and traps. Everything the server answers is defined here."""

from __future__ import annotations

import pytest
import pytest_twisted

from giar_crawler import traps
from tests.conftest import FIXTURES, crawl_settings, run_crawl
from tests.local_site import Site

DOCX = (FIXTURES / "attachments" / "seed004_report.docx").read_bytes()
PDF = (FIXTURES / "attachments" / "seed004_report.pdf").read_bytes()
FILLER = "<p>" + "本页为测试页面。" * 60 + "</p>"  # a real page is kilobytes, a WAF stub is not


def report(title, extra=""):
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<h1>{title}</h1><div class=TRS_Editor><p>一、总体情况</p>{FILLER}{extra}</div>"
            "</body></html>")


def listing(rows, pager="", more=""):
    items = "".join(f'<li><a href="{href}">{title}</a><span>{date}</span></li>'
                    for href, title, date in rows)
    return (f"<html><head><meta charset='utf-8'><title>政府信息公开年报</title></head><body>"
            f"<ul>{items}</ul>{FILLER}{more}<script>{pager}</script></body></html>")


HTML = {"Content-Type": "text/html; charset=utf-8"}


def build(site: Site):
    nb = "/zwgk/nb/"
    r = site.routes
    r[nb] = (200, HTML, listing([
        ("./202401/t20240110_1.html", "某县2023年政府信息公开工作年度报告", "2024-01-10"),
        ("./202301/t20230110_2.html", "某县2022年政府信息公开工作年度报告", "2023-01-10"),
        ("./202201/t20220110_3.html", "某县2021年政府信息公开工作年度报告", "2022-01-10"),
        ("./202101/t20210110_4.html", "某县2020年政府信息公开工作年度报告", "2021-01-10"),
        ("/files/2019nb.pdf", "某县2019年政府信息公开工作年度报告", "2020-01-10"),
        ("/zwgk/tzgg/t20240101_9.html", "关于春节放假的通知", "2024-01-01"),
    ], 'createPageHTML(2, 0, "index", "html");'))
    r[nb + "index_1.html"] = (200, HTML, listing([
        ("./202401/t20240110_1.html", "某县2023年政府信息公开工作年度报告", "2024-01-10"),
        ("./201901/t20190110_5.html", "某县2018年政府信息公开工作年度报告", "2019-01-10"),
    ], 'createPageHTML(2, 1, "index", "html");'))
    r[nb + "202401/t20240110_1.html"] = (200, HTML, report(
        "某县2023年政府信息公开工作年度报告", '<p><a href="/files/2023nb.docx">附件：年报全文</a></p>'))
    # Deleted document: TRS answers a refresh to the parent folder.
    r[nb + "202301/t20230110_2.html"] = (
        200, HTML, '<html><head><meta http-equiv="refresh" content="0;URL=../"></head></html>')
    # WAF: a tiny body first, the page on the retry.
    r[nb + "202201/t20220110_3.html"] = lambda n: (
        (200, HTML, "<html><script>challenge()</script></html>") if n == 1
        else (200, HTML, report("某县2021年政府信息公开工作年度报告")))
    # Redirected to another host.
    r[nb + "202101/t20210110_4.html"] = (302, {"Location": "http://localhost:{port}/ad.html"}, "")
    r["/ad.html"] = (200, HTML, report("广告"))
    r[nb + "201901/t20190110_5.html"] = (200, HTML, report("某县2018年政府信息公开工作年度报告"))
    r["/files/2019nb.pdf"] = (200, {"Content-Type": "application/pdf"}, PDF)
    r["/files/2023nb.docx"] = (200, {"Content-Type": "application/octet-stream"}, DOCX)
    # A pager that never ends: every page links the next one.
    for k in range(1, 60):
        r[f"/loop/list_{k}.html"] = (200, HTML, listing([], "", f'<a href="list_{k + 1}.html">下一页</a>'))
    # A server ignoring the page number: page 2 is page 1 again.
    same = listing([], "", '<a href="?page=2">下一页</a>')
    r["/same/"] = r["/same/?page=2"] = (200, HTML, same)
    # A listing that stays blank however often it is asked.
    r["/blank/"] = (200, HTML, "   \n  ")


def portals_csv(tmp_path, base):
    text = ("name,division_code,province,city,county,level,listing_urls,home_url,cms,needs_browser,source\n"
            f"某县,,测试省,,,county,{base}/zwgk/nb/,,,,test\n"
            f"循环县,,测试省,,,county,{base}/loop/list_1.html,,generic,,test\n"
            f"重复县,,测试省,,,county,{base}/same/,,generic,,test\n"
            f"空白县,,测试省,,,county,{base}/blank/,,,,test\n")
    path = tmp_path / "portals.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.slow
@pytest_twisted.ensureDeferred
async def test_crawl_through_traps(tmp_path):
    with Site() as site:
        build(site)
        settings = crawl_settings(RETRY_BACKOFF_BASE=0.05, GIAR_MAX_LISTING_PAGES=8,
                                  CONCURRENT_REQUESTS_PER_DOMAIN=4)
        items, stats = await run_crawl("county_reports", settings,
                                       portals=portals_csv(tmp_path, site.url))
        hits = dict(site.hits)
    nb = f"{site.url}/zwgk/nb/"
    by_url = {i.url: i for i in items}
    assert sorted(by_url) == sorted([
        nb + "202401/t20240110_1.html",  # listed twice, one record, with its DOCX
        nb + "202201/t20220110_3.html",  # after the WAF stub was retried
        nb + "201901/t20190110_5.html",  # from index_1.html (createPageHTML(2, …))
        f"{site.url}/files/2019nb.pdf",  # a report published only as a file
    ])
    assert len(items) == 4
    with_docx = by_url[nb + "202401/t20240110_1.html"]
    assert with_docx.tables_source == f"attachment:{site.url}/files/2023nb.docx"
    assert [a["status"] for a in with_docx.attachments if a["url"].endswith(".docx")] == ["read"]
    pdf_only = by_url[f"{site.url}/files/2019nb.pdf"]
    assert pdf_only.tables_source == f"attachment:{site.url}/files/2019nb.pdf"
    assert "行政许可\t1837" in pdf_only.text
    assert site.hits["/zwgk/nb/202201/t20220110_3.html"] == 2
    assert "/zwgk/tzgg/t20240101_9.html" not in site.hits  # a notice is not followed

    assert stats["giar/portal/某县/deleted_stubs"] == 1
    assert stats["giar/portal/某县/offsite_redirects"] == 1
    assert stats["giar/waf_stub"] >= 1
    # Bounded: the endless pager stops at the page budget, the repeating one at once.
    assert stats["giar/portal/循环县/listing_pages"] == 8
    assert stats["giar/listing/page_limit"] >= 1
    assert stats["giar/portal/重复县/listing_pages"] == 2
    assert stats["giar/listing/repeated_page"] == 1
    # Crawl summary per portal; the two portals without reports are counted as empty.
    assert stats["giar/portal/某县/reports_parsed"] == 4
    # The blank listing: retried as a WAF stub (1 + RETRY_TIMES asks), then an error.
    assert hits["/blank/"] == 4
    assert stats["giar/portal/空白县/errors"] == 1
    assert stats["giar/portals/total"] == 4
    assert stats["giar/portals/empty"] == 3
    # A crawl of static portals never starts the browser (nor the Playwright driver).
    assert "giar/browser/started" not in stats
    assert not [k for k in stats if k.startswith("playwright/")]


def test_pure_trap_checks():
    assert traps.deleted_stub("http://a.gov.cn/nb/202301/t1.html", "http://a.gov.cn/nb/")
    assert not traps.deleted_stub("http://a.gov.cn/nb/t1.html", "http://a.gov.cn/nb/t2.html")
    assert not traps.offsite_redirect("http://www.a.gov.cn/x", "https://zwgk.a.gov.cn/y")
    assert traps.offsite_redirect("http://www.a.gov.cn/x", "http://www.b.gov.cn/y")
    assert traps.site_root("http://www.zhangshu.gov.cn/zwgk/") == "zhangshu.gov.cn"
    assert traps.is_waf_stub(200, b"<html><script>x()</script></html>", "text/html")
    assert not traps.is_waf_stub(200, b"x" * 400, "text/html")
    assert not traps.is_waf_stub(200, b"%PDF", "application/pdf")


def test_a_small_real_page_is_not_taken_for_a_waf_stub():
    from giar_crawler.traps import is_waf_stub

    challenge = b'<html><script>document.cookie="wzws_cid=1";location.reload()</script></html>'
    blank = b"<html><body></body></html>"
    listing = '<html><body><a href="/r/1.html">2023年年度报告</a></body></html>'.encode("gbk")
    notice = "<p>本栏目暂无内容，请关注本网站政府信息公开年报栏目的后续更新。</p>".encode()
    assert is_waf_stub(200, challenge, "text/html")
    assert is_waf_stub(200, blank, "")
    assert not is_waf_stub(200, listing, "text/html")
    assert not is_waf_stub(200, notice, "text/html; charset=utf-8")
    assert not is_waf_stub(404, blank, "text/html")
