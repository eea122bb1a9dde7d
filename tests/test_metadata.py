"""Report facts: title, organ, year, published date, level, region, flags. Expected values
are typed from the seed and sample texts."""

from __future__ import annotations

import pytest

from giar_crawler.parsing import metadata
from tests.seedpages import (
    LISTING,
    SAMPLES,
    codes,
    fixture_item,
    process,
    report_page,
    seed_lines,
)

# seed → (page title, URL, expected title, organ, year, year_source, published, level, region,
#         flags that must be present)
SEEDS = {
    "000": (
        "重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告",
        "https://www.dazu.gov.cn/zwgk_175/zfxxgknb/jz/202401/t20240116_12345.html",
        "重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告",
        "重庆市大足区人民政府双路街道办事处", 2023, "title", "2024-01-16", "township",
        "重庆市大足区双路街道", {"source_text_damaged", "date_garbled", "compromised"},
    ),
    "001": (
        "硫市鎮2023年政府信息公開工作年度報告",
        "https://www.hengnan.gov.cn/xxgk/xzxxgkml/lsz/xxgknb/202401/t20240120_1.html",
        "硫市镇2023年政府信息公开工作年度报告", "硫市镇", 2023, "title", "2024-01-20",
        "township", "硫市镇", {"pinyin_glosses"},
    ),
    "002": (
        "2023年政府信息公开工作年度报告",
        "https://www.thnet.gov.cn/gkmlpt/content/9/9470/post_9470001.html",
        "2023年政府信息公开工作年度报告", None, 2023, "title", "2024-01-20", None, None, set(),
    ),
    "003": (
        "区府办信息公开报告范文",
        "https://www.meizhang.com/baogao/gongzuobaogao/603555.html",
        # 区府办 names no agency; the farm's 时间 is its upload time, not a publication date.
        "区府办信息公开报告范文", None, None, None, None, None, None,
        {"content_farm", "not_government_source", "years_blanked"},
    ),
    "004": (
        "左岭街道2021年政府信息公开工作年度报告",
        "http://www.wehdz.gov.cn/zwgk/xxgknb/202201/t20220120_1.html",
        "左岭街道2021年政府信息公开工作年度报告", "左岭街道", 2021, "title", "2024-01-20",
        "township", "左岭街道", set(),
    ),
}


def _seed_item(name: str):
    page_title, url, *_ = SEEDS[name]
    lines = seed_lines(name)
    top = ""
    date, label = "2024-01-20", "发布日期："
    if name == "000":  # spam line and site header sit above the article in the seed
        top, lines = f"<div>{lines[0]}</div>", lines[1:]
        date, label = "", ""
    if name == "003":  # the farm's header and its own date
        top, lines = f"<div>{lines[0]}</div>", lines[3:]
        date, label = "2022-06-19 08:02:13", "时间:"
    page = report_page(lines, page_title, top=top, date=date, date_label=label)
    return process(page.encode("utf-8"), url=url)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_report_facts(name):
    _, _, title, organ, year, year_source, published, level, region, flags = SEEDS[name]
    item = _seed_item(name)
    assert item.title == title
    assert item.organ == organ
    assert (item.year, item.year_source) == (year, year_source)
    assert item.published == published
    assert item.level == level
    assert item.region == region
    assert flags <= codes(item)
    if name != "003":
        assert "not_a_report" not in codes(item)
        assert "content_farm" not in codes(item)


def test_seed_000_published_comes_from_the_page_and_the_sign_off_date_is_flagged():
    item = _seed_item("000")
    assert item.published_source == "page"  # "日期:2024-01-16"
    detail = next(f["detail"] for f in item.flags if f["code"] == "date_garbled")
    assert detail == "2024112"


def test_pingtan_sample_facts():
    body = (SAMPLES / "pingtan_2024_annual_report_trs_fujian.html").read_bytes()
    item = process(body, url="https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm")
    assert item.title == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert item.organ == "平潭综合实验区"
    assert (item.year, item.year_source) == (2024, "title")
    assert (item.published, item.published_source) == ("2025-03-10", "meta")
    assert item.level == "county"
    assert item.region == "平潭综合实验区"
    assert item.flags == []


def test_shanghai_fragment_facts():
    body = (SAMPLES / "shanghai_bgt_2019_annual_report_content_fragment.html").read_bytes()
    item = process(body, url="https://www.shanghai.gov.cn/nw12344/20200131/0001-12344_63780.html")
    assert item.title == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert item.organ == "上海市人民政府办公厅"
    assert (item.year, item.year_source) == (2019, "title")
    assert (item.published, item.published_source) == ("2020-01-31", "page")
    assert item.level == "department"
    assert item.region == "上海市"


def test_year_falls_back_to_text_then_publication():
    lines = ["一、总体情况", "本年度报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。",
             "二、主动公开政府信息情况", "全年主动公开信息100条。"]
    item = process(report_page(lines, "政府信息公开工作年度报告", date="2023-01-28").encode())
    assert (item.year, item.year_source) == (2022, "text")
    lines = ["一、总体情况", "全年主动公开信息100条。", "二、主动公开政府信息情况", "无。"]
    item = process(report_page(lines, "政府信息公开工作年度报告", date="2023-01-28").encode())
    assert (item.year, item.year_source) == (2022, "published")


def test_publication_date_from_meta_page_or_listing():
    lines = ["一、总体情况", "全年主动公开信息100条。", "二、主动公开政府信息情况", "无。"]
    head = '<meta charset="utf-8"><meta name="PubDate" content="2023-01-18 09:30">'
    item = process(report_page(lines, "某县2022年政府信息公开工作年度报告", head=head).encode())
    assert (item.published, item.published_source) == ("2023-01-18", "meta")
    item = process(report_page(lines, "某县2022年政府信息公开工作年度报告", date="", date_label="")
                   .encode(), listed_date="2023-01-19")
    assert (item.published, item.published_source) == ("2023-01-19", "listing")
    head = '<meta charset="utf-8"><meta name="PubDate" content="2024112">'
    item = process(report_page(lines, "某县2022年政府信息公开工作年度报告", head=head,
                               date="", date_label="").encode())
    assert item.published is None
    assert "date_garbled" in codes(item)


@pytest.mark.parametrize(("raw", "expected"), [
    ("2024-01-16", "2024-01-16"), ("2025-03-10 15:35", "2025-03-10"), ("2020年1月31日", "2020-01-31"),
    ("2023/12/5", "2023-12-05"), ("20240116", "2024-01-16"), ("2024112", None), ("2024-13-45", None),
    ("", None), (None, None),
])
def test_parse_date(raw, expected):
    assert metadata.parse_date(raw) == expected


@pytest.mark.parametrize(("title", "organ"), [
    ("重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告", "重庆市大足区人民政府双路街道办事处"),
    ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅"),
    ("武汉市生态环境局2020年政府信息公开工作年度报告", "武汉市生态环境局"),
    ("帽儿山镇2020年度政府信息公开工作年度报告", "帽儿山镇"),
    ("盐亭县人民政府关于2022年政府信息公开工作年度报告", "盐亭县人民政府"),
    ("黑龙江省人民政府2021年政府信息公开年报", "黑龙江省人民政府"),
    ("2023年政府信息公开工作年度报告", None),
    ("拱北海关2023年政府信息公开工作年度报告", "拱北海关"),
    ("关于某某县统计局2023年度政府信息公开工作年度报告的说明", "某某县统计局"),
    ("某某县市场监督管理局政府信息公开工作年度报告（2023年度）", "某某县市场监督管理局"),
    ("某某县人民政府二〇二二年政府信息公开工作年度报告", "某某县人民政府"),
    ("区府办信息公开报告范文", None),  # a level word, not an agency
    ("国家税务总局2022年政府信息公开工作年度报告", "国家税务总局"),
    ("关于印发2024年政务公开工作要点的通知", None),
])
def test_organ_from_title(title, organ):
    assert metadata.organ_from_title(title) == organ


@pytest.mark.parametrize(("organ", "level"), [
    ("重庆市大足区人民政府双路街道办事处", "township"), ("硫市镇人民政府", "township"),
    ("林校路街道", "township"), ("武汉市生态环境局", "department"),
    ("上海市人民政府办公厅", "department"), ("衡南县人民政府", "county"), ("大足区", "county"),
    ("樟树市人民政府", "city"), ("湘西土家族苗族自治州人民政府", "city"), ("湖南省人民政府", "province"),
    ("广西壮族自治区人民政府", "province"), ("重庆市人民政府", "province"), ("北京市", "province"),
    ("衡南縣人民政府", "county"), (None, None),
])
def test_level_of(organ, level):
    assert metadata.level_of(organ) == level


@pytest.mark.parametrize(("organ", "region"), [
    ("重庆市大足区人民政府双路街道办事处", "重庆市大足区双路街道"),
    ("湖南省衡南县硫市镇人民政府", "湖南省衡南县硫市镇"),
    ("武汉市生态环境局", "武汉市"),
    ("重庆市城市管理局", "重庆市"),
    ("上海市人民政府办公厅", "上海市"),
    ("区府办", None),
])
def test_region_of(organ, region):
    assert metadata.region_of(organ) == region


def test_portal_fills_level_and_region_when_the_title_names_no_organ():
    lines = ["一、总体情况", "全年主动公开信息100条。", "二、主动公开政府信息情况", "无。"]
    portal = {"name": "衡南县人民政府", "province": "湖南省", "city": "衡阳市", "county": "衡南县",
              "level": "county"}
    item = process(report_page(lines, "2023年政府信息公开工作年度报告").encode(), portal=portal)
    assert item.organ is None
    assert (item.level, item.region) == ("county", "湖南省衡阳市衡南县")


# --- fixture portal pages (fixtures/README.md lists the facts; typed from there and the pages)

COUNTY = LISTING
# url → (encoding, title, organ, year, published, level, script, flags present)
FIXTURE_REPORTS = {
    COUNTY + "202401/t20240116_1800123.html": (
        "gb18030", "重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告",
        "重庆市大足区人民政府双路街道办事处", 2023, "2024-01-16", "township", "simplified",
        {"compromised", "source_text_damaged", "date_garbled"}),
    "http://big5.fixture-county.test/gate/big5/www.fixture-county.test/zwgk/zfxxgknb/202401/"
    "t20240126_1800466.html": (
        "big5hkscs", "硫市镇2023年政府信息公开工作年度报告", "硫市镇人民政府", 2023, "2024-01-26",
        "township", "traditional", {"pinyin_glosses"}),
    "http://xxgk.fixture-county.test/jdxxgk/lxljd/zfxxgknb/202401/t20240119_1800301.html": (
        "utf-8", "2023年政府信息公开工作年度报告", "林校路街道办事处", 2023, "2024-01-19",
        "township", "simplified", set()),
    "http://www.meizhang-farm.test/baogao/gongzuobaogao/603555.html": (
        "utf-8", "区府办信息公开报告范文", None, None, None, None, "simplified",
        {"content_farm", "not_government_source", "years_blanked"}),
    COUNTY + "202201/t20220120_1500877.html": (
        "gb18030", "左岭街道2021年政府信息公开工作年度报告", "左岭街道办事处", 2021, "2022-01-20",
        "township", "simplified", {"encoding_declared_wrong"}),
    "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm": (
        "utf-8", "平潭综合实验区2024年度政府信息公开工作年度报告", "平潭综合实验区", 2024,
        "2025-03-10", "county", "simplified", set()),
    "http://www.fixture-county.test/zwgk/zfxxgknb/202001/t20200131_3000019.html": (
        "gb18030", "2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019,
        "2020-01-31", "department", "simplified", set()),
}
NOT_REPORTS = (
    COUNTY + "202403/t20240315_1802210.html",  # news of a meeting
    COUNTY + "202402/t20240204_1801734.html",  # holiday notice
    COUNTY + "202401/t20240122_1800390.html",  # website work form (年度报表)
    COUNTY,  # the listing page itself
    # The township portal (fixtures/portals_township.csv): its listing pages and news row.
    "http://xxgk.fixture-county.test/jdxxgk/ndbg/",
    "http://xxgk.fixture-county.test/jdxxgk/ndbg/index_2.html",
    "http://xxgk.fixture-county.test/jdxxgk/gzdt/202401/t20240110_1800077.html",
)
PROBLEMS = {"not_a_report", "content_farm", "compromised", "stage_error", "undecodable"}


@pytest.mark.parametrize("url", sorted(FIXTURE_REPORTS))
def test_fixture_report_facts(url):
    encoding, title, organ, year, published, level, script, flags = FIXTURE_REPORTS[url]
    item = fixture_item(url)
    assert item.encoding == encoding
    assert item.title == title
    assert item.organ == organ
    assert item.year == year
    assert item.published == published
    assert item.level == level
    assert item.script == script
    assert flags <= codes(item)
    assert not (codes(item) - flags) & PROBLEMS
    assert len(item.sections) >= 5
    # Tables 二, 三 and 四 of the statutory format all survive in the body (the farm has none).
    assert len(item.content.findall(".//table")) == (0 if "content_farm" in flags else 3)
    for word in ("扫一扫", "网站标识码", "ICP备", "版权所有", "当前位置", "打印", "关闭"):
        assert word not in item.text, word


@pytest.mark.parametrize("url", NOT_REPORTS)
def test_fixture_pages_that_are_not_reports(url):
    item = fixture_item(url)
    assert "not_a_report" in codes(item)
    assert not item.sections


def test_govcn_unlabelled_date_line():
    body = (SAMPLES / "govcn_ucap_article_fragment_qr_widget.html").read_bytes()
    item = process(body, url="http://www.gov.cn/xinwen/2023-02/26/content_5743376.htm")
    assert item.title == "中国共产党第二十届中央委员会第二次全体会议在北京开始举行"
    assert (item.published, item.published_source) == ("2023-02-26", "page")
    assert "not_a_report" in codes(item)  # news, not an annual report
    assert item.text.startswith("中国共产党第二十届中央委员会第二次全体会议26日下午在北京开始举行。")
    assert "扫一扫" not in item.text and "责任编辑" not in item.text


@pytest.mark.parametrize(("organ_region", "region"), [
    ("林校路街道", "样例省样例市样例区林校路街道"),
    ("样例区林校路街道", "样例省样例市样例区林校路街道"),
    ("上海市", "上海市"),  # another government's report linked from this portal
    ("硫市镇", "样例省样例市样例区硫市镇"),  # 硫市 is not a city
    (None, "样例省样例市样例区"),
])
def test_region_under_the_portal(organ_region, region):
    portal = {"province": "样例省", "city": "样例市", "county": "样例区", "level": "county"}
    assert metadata.full_region(organ_region, portal) == region


def test_year_written_in_chinese_numerals():
    lines = ["一、总体情况", "全年主动公开信息100条。", "二、主动公开政府信息情况", "无。"]
    item = process(report_page(lines, "某某县人民政府二〇二二年政府信息公开工作年度报告").encode())
    assert (item.year, item.year_source, item.organ) == (2022, "title", "某某县人民政府")
