"""The bundled fixture portal (fixtures/sites): what each saved page is, as bytes.

Expected values are typed by hand from the seeds/samples and fixtures/README.md, never
copied from the generator's output.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import pytest_twisted

from giar_crawler import listings, registry
from giar_crawler.listings import ListingPage, trs_wcm
from giar_crawler.replay import load_exchange
from tests.conftest import FIXTURES, ROOT, SHARED, crawl_settings, run_crawl

SITES = FIXTURES / "sites"
LISTING = "http://www.fixture-county.test/zwgk/zfxxgknb/"
PAGE_2 = LISTING + "index_1.html"

R000 = "http://www.fixture-county.test/zwgk/zfxxgknb/202401/t20240116_1800123.html"
R001 = ("http://big5.fixture-county.test/gate/big5/www.fixture-county.test"
        "/zwgk/zfxxgknb/202401/t20240126_1800466.html")
R002 = "http://xxgk.fixture-county.test/jdxxgk/lxljd/zfxxgknb/202401/t20240119_1800301.html"
R003 = "http://www.meizhang-farm.test/baogao/gongzuobaogao/603555.html"
R004 = "http://www.fixture-county.test/zwgk/zfxxgknb/202201/t20220120_1500877.html"
PINGTAN = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm"
SHANGHAI = "http://www.fixture-county.test/zwgk/zfxxgknb/202001/t20200131_3000019.html"
REPORTS = {R000, R001, R002, R003, R004, PINGTAN, SHANGHAI}
NOT_REPORTS = {
    "http://www.fixture-county.test/zwgk/zfxxgknb/202403/t20240315_1802210.html",  # news
    "http://www.fixture-county.test/zwgk/zfxxgknb/202402/t20240204_1801734.html",  # notice
    "http://www.fixture-county.test/zwgk/zfxxgknb/202401/t20240122_1800390.html",  # 网站年度报表
    "http://www.fixture-county.test/zwgk/zfxxgknb/202401/t20240131_1800655.html",  # 解读
    "http://www.fixture-county.test/zwgk/zfxxgknb/202201/t20220106_1500120.html",  # 关于做好…的通知
}


def saved(url: str) -> tuple[dict, bytes]:
    exchange = load_exchange(SITES, url)
    assert exchange is not None, f"{url} is not in fixtures/sites"
    return exchange


def header(url: str, name: str) -> str:
    meta, _ = saved(url)
    return {k.lower(): v for k, v in meta["headers"].items()}[name.lower()]


def meta_charset(body: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", body[:4096], re.IGNORECASE)
    return m[1].decode().lower() if m else None


def list_rows(url: str) -> list[tuple[str, str]]:
    """(href, MM-DD) of each row of the TRS list table."""
    tree = lxml.html.fromstring(saved(url)[1].decode("gbk"))
    return [
        (tr.xpath(".//a/@href")[0], tr.xpath(".//span[@class='STYLE12']/text()")[0])
        for tr in tree.xpath("//tr[td/span[@class='STYLE12']][.//a]")
    ]


# --- the registry row -----------------------------------------------------------------------

def test_portals_csv_is_one_county_trs_row_with_the_registry_columns():
    header_line = (FIXTURES / "portals.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header_line.split(",") == registry.COLUMNS
    (row,) = registry.load(FIXTURES / "portals.csv")
    assert row.level == "county"
    assert row.cms == "trs_wcm"
    assert row.listing_urls == (LISTING,)
    assert "fixture" in row.source


# --- the listing ----------------------------------------------------------------------------

def test_listing_spans_two_trs_pages_in_gbk():
    _, first = saved(LISTING)
    _, second = saved(PAGE_2)
    assert saved(LISTING + "index.html")[1] == first  # the column URL and index.html agree
    for body in (first, second):
        assert meta_charset(body) == "gbk"
        body.decode("gbk")  # strict
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
    assert b'createPageHTML(2, 0, "index", "html")' in first
    assert b'createPageHTML(2, 1, "index", "html")' in second
    assert header(LISTING, "Content-Type") == "text/html"  # the charset is only in <meta>


def test_every_listing_row_target_is_saved_and_dated_like_its_url():
    rows = list_rows(LISTING) + list_rows(PAGE_2)
    assert len(list_rows(LISTING)) == 8
    assert len(list_rows(PAGE_2)) == 4
    targets = set()
    for href, month_day in rows:
        assert re.fullmatch(r"\d\d-\d\d", month_day)
        url = ListingPage(LISTING, "").absolute(href)
        saved(url)
        targets.add(url)
        doc = re.search(r"/t20\d\d(\d\d)(\d\d)_\d+\.html?$", url)
        if doc:
            assert month_day == f"{doc[1]}-{doc[2]}", url
    assert targets == REPORTS | NOT_REPORTS


def test_same_column_documents_are_linked_the_trs_way():
    hrefs = [href for href, _ in list_rows(LISTING) + list_rows(PAGE_2)]
    assert "./202401/t20240116_1800123.html" in hrefs
    assert "./202201/t20220120_1500877.html" in hrefs
    assert PINGTAN in hrefs  # off-site documents keep their absolute URL


def test_trs_adapter_finds_the_seven_reports_and_none_of_the_other_rows():
    found = {}
    for url in (LISTING, PAGE_2):
        page = ListingPage(url, saved(url)[1].decode("gbk"))
        found.update({link.url: link.kind for link in trs_wcm.links(page)})
    assert {u for u, kind in found.items() if kind == "report"} == REPORTS
    assert not NOT_REPORTS & {u for u, kind in found.items() if kind == "report"}
    first = ListingPage(LISTING, saved(LISTING)[1].decode("gbk"))
    assert [p.url for p in trs_wcm.next_pages(first)] == [PAGE_2]


@pytest_twisted.ensureDeferred
async def test_offline_crawl_fetches_the_seven_reports_and_nothing_else():
    settings = crawl_settings(REPLAY_DIR=str(SITES), ITEM_PIPELINES={})
    items, stats = await run_crawl("county_reports", settings, portals=str(FIXTURES / "portals.csv"))
    assert sorted(item.url for item in items) == sorted(REPORTS)
    assert stats.get("giar/replay/missing", 0) == 0
    assert stats["giar/replay/hit"] == 2 + 7  # the two listing pages, then only the reports


# --- the second portal: the district platform's 镇街 column (UTF-8, 下一页 pager) -------------

TOWN = "http://xxgk.fixture-county.test/jdxxgk/ndbg/"
TOWN_2 = TOWN + "index_2.html"


def test_township_portal_row_and_pages():
    (row,) = registry.load(FIXTURES / "portals_township.csv")
    assert (row.level, row.listing_urls, row.cms) == ("township", (TOWN,), "")
    first, second = saved(TOWN)[1], saved(TOWN_2)[1]
    for url, body in ((TOWN, first), (TOWN_2, second)):
        assert header(url, "Content-Type") == "text/html; charset=utf-8"
        assert meta_charset(body) == "utf-8"
        body.decode("utf-8")
    assert '<a href="index_2.html">下一页</a>' in first.decode()
    assert "下一页" not in second.decode()
    assert "共2页" in first.decode()


def test_generic_adapter_walks_the_township_column():
    first = ListingPage(TOWN, saved(TOWN)[1].decode())
    second = ListingPage(TOWN_2, saved(TOWN_2)[1].decode())
    adapter = listings.detect_family(first)
    assert adapter.FAMILY == "generic"
    assert {ln.url: ln.date for ln in adapter.links(first) if ln.kind == "report"} == {
        R002: "2024-01-19", R000: "2024-01-16"}
    assert [ln.url for ln in adapter.links(second) if ln.kind == "report"] == [R004]
    assert [p.url for p in adapter.next_pages(first)] == [TOWN_2]
    assert adapter.next_pages(second) == []
    news = "http://xxgk.fixture-county.test/jdxxgk/gzdt/202401/t20240110_1800077.html"
    assert saved(news)[1].decode().count("镇街政务公开工作培训会召开") == 2  # <title> and <h1>


@pytest_twisted.ensureDeferred
async def test_offline_crawl_of_the_township_portal():
    settings = crawl_settings(REPLAY_DIR=str(SITES), ITEM_PIPELINES={})
    portals = str(FIXTURES / "portals_township.csv")
    items, stats = await run_crawl("county_reports", settings, portals=portals)
    assert sorted(item.url for item in items) == sorted([R000, R002, R004])
    assert stats["giar/replay/hit"] == 2 + 3


# --- report pages: encodings and seed words -------------------------------------------------

# url, Content-Type header, <meta> charset, codec that decodes the bytes strictly, seed phrases
PAGES = [
    (R000, "text/html", "gb2312", "gb2312",
     ["365体育网址", "通过政府网站主动公开政府信息43条", "??2.我街道无政务新媒体",
      "????????????????????????????????????2024112", "扫一扫在手机打开当前页"]),
    (R001, "text/html", "big5", "big5hkscs",
     ["當(dāng)前頁(yè)面", "硫市鎮(zhèn)", "156.32萬(wàn)元", "3.1萬(wàn)元", "附件下載:"]),
    (R002, "text/html; charset=utf-8", "utf-8", "utf-8",
     ["推送信息1203篇", "（5） 政府信息公开平台建设", "2、 主动公开政府信息情况"]),
    (R003, "text/html; charset=UTF-8", "utf-8", "utf-8-sig",
     ["美章网", "时间:2022-06-19 08:02:13", "统计期限自年月日起至年12月31日止",
      "https://www.meizhang.comhttps://www.meizhang.com/baogao/gongzuobaogao/603555.html"]),
    (R004, "text/html; charset=utf-8", "gbk", "gbk",
     ["左岭城管中队执法结案共计335起", "第【02】号政府信息公开答复书", "扫一扫在手机上查看当前页面"]),
    (PINGTAN, "text/html", "utf-8", "utf-8",
     ['<meta name="DocId" content="97791"/>', "<div class=TRS_Editor>"]),
    (SHANGHAI, "text/html; charset=gb2312", None, "gb2312",
     ["2019年上海市人民政府办公厅政府信息公开工作年度报告", "251000元"]),
]


@pytest.mark.parametrize(("url", "ctype", "meta", "codec", "phrases"), PAGES)
def test_page_bytes_are_in_the_declared_encoding(url, ctype, meta, codec, phrases):
    _, body = saved(url)
    assert header(url, "Content-Type") == ctype
    assert header(url, "Content-Length") == str(len(body))
    assert meta_charset(body) == meta
    text = body.decode(codec)  # strict
    for phrase in phrases:
        assert phrase in text, phrase


SEED_PAGES = {"000": (R000, "gb2312"), "001": (R001, "big5hkscs"), "002": (R002, "utf-8"),
              "003": (R003, "utf-8-sig"), "004": (R004, "gbk")}


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="needs ../shared/seeds")
@pytest.mark.parametrize("seed", sorted(SEED_PAGES))
def test_every_seed_text_line_is_on_its_page_as_often_as_in_the_seed(seed):
    """No word edited, nothing dropped or doubled (table lines are checked cell by cell below)."""
    url, codec = SEED_PAGES[seed]
    text = next((SHARED / "seeds").glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    tree = lxml.html.fromstring(saved(url)[1].decode(codec))
    for el in tree.xpath("//script|//style|//title"):
        el.drop_tree()
    page = tree.text_content()
    lines = {ln for ln in text.split("\n")
             if len(ln.strip()) >= 6 and "|" not in ln and not ln.startswith("\t")}
    assert len(lines) > 20
    for line in lines:
        assert page.count(line) == text.count(line), line


def test_big5_page_needs_hkscs_for_the_pinyin_tone_letters():
    _, body = saved(R001)
    with pytest.raises(UnicodeDecodeError):
        body.decode("big5")
    assert "(dāng)" in body.decode("big5hkscs")


def test_header_and_meta_disagree_on_seed_004():
    _, body = saved(R004)
    assert "utf-8" in header(R004, "Content-Type")
    assert meta_charset(body) == "gbk"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_content_farm_page_starts_with_a_bom_and_other_pages_do_not():
    assert saved(R003)[1].startswith(b"\xef\xbb\xbf")
    for url in REPORTS - {R003}:
        assert not saved(url)[1].startswith(b"\xef\xbb\xbf"), url


def test_hacked_page_keeps_its_spam_title_and_real_article_title():
    text = saved(R000)[1].decode("gb2312")
    assert "<title>365体育网址</title>" in text
    assert ('<meta name="ArticleTitle" content="重庆市大足区人民政府双路街道办事处'
            '2023年政府信息公开工作年度报告" />') in text


# --- statutory tables rendered from the flattened seed text ---------------------------------

def tables_of(url: str, codec: str):
    tree = lxml.html.fromstring(saved(url)[1].decode(codec))
    # Innermost tables that name a statutory block (004 nests them in a layout table).
    statutory = re.compile(r"第二十|勾稽|行政复议|行政復\(fù\)議")
    return [t for t in tree.iter("table")
            if not t.xpath(".//table") and statutory.search(t.text_content())]


def cells(tr) -> list[str]:
    return [re.sub(r"\s+", "", td.text_content()) for td in tr.xpath("./td")]


@pytest.mark.parametrize(("url", "codec"), [(R000, "gb2312"), (R001, "big5hkscs"),
                                            (R002, "utf-8"), (R004, "gbk")])
def test_seed_tables_have_the_statutory_merged_cells(url, codec):
    t2, t3, t4 = tables_of(url, codec)
    captions = t2.xpath(".//td[@colspan='4' or @colspan='5']")  # 第二十条第（X）项 rows
    assert len(captions) in (4, 5) and all("第二十" in td.text_content() for td in captions)
    assert t3.xpath(".//td[@colspan='3'][@rowspan='3']")  # the 勾稽关系 corner
    (l1,) = t3.xpath(".//td[@rowspan='22']")
    assert "本年度" in l1.text_content()
    assert [td.get("rowspan") for td in t3.xpath(".//td[@rowspan][not(@colspan)]")] == [
        "2", "2", "22", "8", "3", "5", "3"]
    assert [td.get("colspan") for td in t4.xpath("./tbody/tr[1]/td")] == ["5", "10"]
    assert len(t4.xpath("./tbody/tr")) == 4


def test_seed_004_review_row_keeps_the_text_cell():
    *_, t4 = tables_of(R004, "gbk")
    assert cells(t4.xpath("./tbody/tr")[-1]) == [
        "0", "0", "撤销", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]
    # the damaged header words stay as the seed prints them
    assert cells(t4.xpath("./tbody/tr")[1])[:4] == ["结果维持", "结果", "其他果", "尚未"]


def test_seed_000_tables_carry_the_seed_values():
    t2, t3, _ = tables_of(R000, "gb2312")
    rows = [cells(tr) for tr in t2.xpath("./tbody/tr")]
    assert ["行政处罚", "6"] in rows
    assert ["行政事业性收费", "0"] in rows
    t3_rows = [cells(tr) for tr in t3.xpath("./tbody/tr")]
    assert t3_rows[3] == ["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]
    assert t3_rows[2][0] == "商业企业"  # two <p> in one header cell


def test_seed_001_application_rows_hold_the_single_printed_value():
    _, t3, _ = tables_of(R001, "big5hkscs")
    rows = [cells(tr) for tr in t3.xpath("./tbody/tr")]
    assert len(rows) == 28
    assert all(r[-1] == "0" for r in rows[3:])
    assert rows[3] == ["一、本年新收政府信息公開(kāi)申請(qǐng)數(shù)量", "0"]


def test_seed_002_blank_cells_stay_blank():
    t2, t3, _ = tables_of(R002, "utf-8")
    rows = [cells(tr) for tr in t2.xpath("./tbody/tr")]
    assert rows[2] == ["规章", "", "", ""]
    assert ["行政处罚", "627"] in rows
    t3_rows = [cells(tr) for tr in t3.xpath("./tbody/tr")]
    assert t3_rows[8] == ["2.其他法律行政法规禁止公开", "1", "0", "0", "0", "0", "0", "1"]


# --- documentation and regeneration ---------------------------------------------------------

def test_readme_describes_every_saved_url():
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for meta_path in SITES.rglob("*.json"):
        url = re.search(r'"url": "([^"]+)"', meta_path.read_text(encoding="utf-8"))[1]
        assert url in readme, url


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="needs ../shared (seeds, samples)")
def test_generator_rebuilds_the_committed_fixtures_byte_for_byte(tmp_path):
    import runpy

    build = runpy.run_path(str(ROOT / "tools/build_fixtures.py"), run_name="build_fixtures")
    build["build"](tmp_path)
    fresh = {p.relative_to(tmp_path / "sites"): p.read_bytes() for p in (tmp_path / "sites").rglob("*")
             if p.is_file()}
    committed = {p.relative_to(SITES): p.read_bytes() for p in SITES.rglob("*") if p.is_file()}
    assert fresh == committed
    for name in ("portals.csv", "portals_township.csv"):
        assert (tmp_path / name).read_bytes() == (FIXTURES / name).read_bytes()


def test_pingtan_sample_is_served_unchanged():
    sample = SHARED / "samples" / "pingtan_2024_annual_report_trs_fujian.html"
    if not sample.is_file():
        pytest.skip("needs ../shared/samples")
    assert saved(PINGTAN)[1] == Path(sample).read_bytes()
