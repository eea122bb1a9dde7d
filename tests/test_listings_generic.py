"""The generic adapter: classification by title, pagers, sub-columns (seed 000's tree)."""

from giar_crawler.listings import ListingPage, detect_family, generic
from giar_crawler.listings.base import classify
from tests.conftest import FIXTURES

LISTINGS = FIXTURES / "listings"
ROOT = "http://www.dazu.gov.cn/zwgk/zfxxgknb/"


def page(name, url):
    return ListingPage(url, (LISTINGS / name).read_text(encoding="utf-8"))


def test_classification_by_title():
    url = "http://x.gov.cn/a/t20240115_1.html"
    assert classify(url, "某县2023年政府信息公开工作年度报告") == "report"
    assert classify(url, "某县2023年政务公开工作年报") == "report"
    assert classify(url, "2021年度政府网站年度工作报表") is None
    assert classify(url, "某县2023年国民经济和社会发展统计公报") is None
    assert classify(url, "政府信息公开年报") is None  # a column name: no year
    assert classify("http://x.gov.cn/f/2023.pdf", "某县2023年政府信息公开工作年度报告") == "attachment"


def test_report_column_links():
    root = page("generic_column_root.html", ROOT)
    assert detect_family(root).FAMILY == "generic"
    by_url = {link.url: link for link in generic.links(root)}
    report = by_url[ROOT + "qzf/202401/t20240115_1001.html"]
    assert (report.kind, report.date) == ("report", "2024-01-15")
    assert by_url["http://www.dazu.gov.cn/files/2022nb.pdf"].kind == "attachment"
    subs = sorted(u for u, link in by_url.items() if link.kind == "listing")
    assert subs == [ROOT + "2023/", ROOT + "bm/", ROOT + "jz/", ROOT + "qzf/"]
    # Not followed: a notice, the 指南 column (outside this column), another site, pagers.
    assert "http://www.dazu.gov.cn/zwgk/tzgg/t20240110_9.html" not in by_url
    assert "http://www.dazu.gov.cn/zwgk/zfxxgkzn/" not in by_url
    assert "http://www.cq.gov.cn/" not in by_url
    assert ROOT + "index_1.html" not in by_url


def test_sub_column_to_unit_to_report():
    jz = page("generic_column_jz.html", ROOT + "jz/")
    units = {link.title: link.url for link in generic.links(jz) if link.kind == "listing"}
    assert units == {"双路街道办事处": ROOT + "jz/sljd/", "棠香街道办事处": ROOT + "jz/tqjd/"}
    sljd = page("generic_column_sljd.html", ROOT + "jz/sljd/")
    reports = [link for link in generic.links(sljd) if link.kind == "report"]
    assert [r.url for r in reports] == [ROOT + "jz/sljd/202401/t20240116_2001.html",
                                        ROOT + "jz/sljd/202301/t20230116_1501.html"]
    # "双路街道2022年度报告" lacks 信息公开, but in a 年报 column it is a report.
    assert reports[1].title == "双路街道2022年度报告"


def test_sub_columns_only_from_a_report_column():
    text = (LISTINGS / "generic_column_root.html").read_text("utf-8")
    news = ListingPage(ROOT, text.replace("政府信息公开年报", "通知公告"))
    assert not [link for link in generic.links(news) if link.kind == "listing"]


def test_pager_links_and_bounded_guesses():
    root = page("generic_column_root.html", ROOT)
    assert [p.url for p in generic.next_pages(root)] == [ROOT + "index_1.html", ROOT + "index_2.html"]
    # No pager links, "共2页" printed: one guess, index_1, and nothing beyond.
    jz = page("generic_column_jz.html", ROOT + "jz/")
    assert [p.url for p in generic.next_pages(jz)] == [ROOT + "jz/index_1.html"]
    # A later page guesses nothing (only page 1 fans out); no count printed, no guess.
    assert generic.next_pages(page("generic_column_jz.html", ROOT + "jz/index_1.html")) == []
    assert generic.next_pages(page("generic_column_sljd.html", ROOT + "jz/sljd/")) == []


def test_kaipuyun_detected_by_its_tells():
    # Markup quoted in cms_patterns.md §4 (gov.cn article body, Jiangxi county pages).
    tells = ('<div class="pages_content" id="UCAP-CONTENT"><p>…</p></div>',
             '<script>var websiteId = "1", websiteCode = "wzxrmzf", manuscriptId = "7";</script>')
    for text in tells:
        assert detect_family(ListingPage("http://www.wanzai.gov.cn/col/", text)).FAMILY == "kaipuyun"
