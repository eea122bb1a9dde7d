"""Home-page discovery: from a portal's home page to its annual-report column."""

import json

import pytest
import pytest_twisted

from giar_crawler import discovery, registry
from giar_crawler.parsing.encoding import decode_html
from giar_crawler.replay import load_exchange
from tests.conftest import FIXTURES, SHARED, crawl_settings, run_crawl

SITES = FIXTURES / "discovery"
A, B, C = "http://www.county-a.test", "http://www.county-b.test", "http://www.county-c.test"
D = "http://www.county-d.test"


def replay_fetch(visited=None):
    def fetch(url):
        if visited is not None:
            visited.append(url)
        saved = load_exchange(SITES, url)
        if saved is None:
            return None
        meta, body = saved
        return decode_html(body, meta["headers"].get("Content-Type", "")).text

    return fetch


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("政府信息公开年报", "column"),
        ("政府信息公开工作年度报告", "column"),
        ("年度报告", "column"),
        ("政府信息公開年報", "column"),
        ("政务公开工作年度报告", "column"),
        ("政府信息公开", "hub"),
        ("法定主动公开内容", "hub"),
        ("政务公开", "hub"),
        ("信息公开目录", "hub"),
        ("2022年政府信息公开工作年度报告", None),  # one report, not the column
        ("统计年报", None),
        ("政府网站工作年度报表", None),
        ("政府信息公开指南", None),
        ("依申请公开", None),
        ("关于做好全县政府信息公开和政务公开工作的通知", None),  # news title, not navigation
        ("首页", None),
    ],
)
def test_classify_by_link_text(text, kind):
    found = discovery.classify(text, "http://x.gov.cn/a/")
    assert (found.kind if found else None) == kind


def test_disclosure_hub_outranks_generic_words():
    top = discovery.classify("政府信息公开", "http://x.gov.cn/a/")
    low = discovery.classify("政务公开", "http://x.gov.cn/b/")
    assert top.score > low.score


def test_site_of_keeps_county_subdomains_together():
    assert discovery.site_of("http://xxgk.abc.gov.cn/x") == discovery.site_of("https://www.abc.gov.cn/")
    assert discovery.site_of("https://www.gov.cn/zhengce/") != discovery.site_of("http://www.abc.gov.cn/")


def test_step_ignores_off_site_and_decoy_links():
    html = replay_fetch()(A + "/")
    found = discovery.step(A + "/", html)
    assert found.columns == []
    assert [h.url for h in found.hubs] == [A + "/xxgk/", A + "/zwgk/"]


def test_walk_finds_column_one_hub_below_home():
    result = discovery.walk(A + "/", replay_fetch())
    assert result.listing_urls == [A + "/xxgk/zfxxgknb/"]
    assert result.path == ["政府信息公开", "政府信息公开年报"]


def test_walk_finds_column_on_gbk_portal():
    result = discovery.walk(B + "/", replay_fetch())
    assert result.listing_urls == [B + "/zwgk/fdzdgk/ndbg/"]
    assert result.path == ["政务公开", "法定主动公开内容", "年度报告"]


def test_walk_respects_the_depth_bound():
    visited = []
    bounded = discovery.walk(C + "/", replay_fetch(visited), max_depth=3)
    assert bounded.listing_urls == []
    # home + 3 hub levels are read; the 4th-level hub (法定主动公开内容) is never fetched
    assert visited == [C + "/", C + "/zwgk/", C + "/zwgk/ml/", C + "/zwgk/ml/zdgk/"]
    deeper = discovery.walk(C + "/", replay_fetch(), max_depth=4)
    assert deeper.listing_urls == [C + "/zwgk/ml/zdgk/fd/nb/"]


def test_walk_takes_a_hub_that_lists_reports_as_the_column():
    pages = {
        "http://d.test/": '<a href="/gk/">政府信息公开</a>',
        "http://d.test/gk/": (
            '<a href="/gk/1.html">2023年政府信息公开工作年度报告</a>'
            '<a href="/gk/2.html">2022年政府信息公开工作年度报告</a>'
        ),
    }
    result = discovery.walk("http://d.test/", pages.get)
    assert result.listing_urls == ["http://d.test/gk/"]
    assert result.listing_is_page


HOME_ONLY = """name,division_code,province,city,county,level,listing_urls,home_url,cms,needs_browser,source
甲县人民政府,,福建省,,,county,,http://www.county-a.test/,,,synthetic fixture
乙县人民政府,,江西省,,,county,,http://www.county-b.test/,,,synthetic fixture
丙县人民政府,,河南省,,,county,,http://www.county-c.test/,,,synthetic fixture
丁县人民政府,,湖南省,,,county,,http://www.county-d.test/,,,synthetic fixture
"""


@pytest_twisted.ensureDeferred
async def test_crawl_from_home_page_reaches_reports_and_writes_back(tmp_path):
    portals = tmp_path / "portals.csv"
    portals.write_text(HOME_ONLY, encoding="utf-8")
    found_file = tmp_path / "discovered.json"
    settings = crawl_settings(REPLAY_DIR=str(SITES), GIAR_DISCOVERED_FILE=str(found_file))
    items, stats = await run_crawl("county_reports", settings, portals=str(portals))

    urls = sorted(item.url for item in items)
    assert urls == sorted([
        A + "/xxgk/zfxxgknb/202201/t20220125_88.html",
        A + "/xxgk/zfxxgknb/202301/t20230130_101.html",
        B + "/zwgk/fdzdgk/ndbg/202301/t20230116_5.html",
        B + "/zwgk/fdzdgk/ndbg/202401/t20240115_7.html",
        D + "/xxgk/2023/0118_4.html",
        D + "/xxgk/2024/0120_9.html",
    ])
    assert stats["giar/discovery/found"] == 3
    assert stats["giar/discovery/not_found"] == 1  # 丙县: column below the depth bound
    assert stats.get("giar/replay/missing", 0) == 0
    assert stats["giar/discovery/pages"] == 12  # 甲 3, 乙 3, 丙 4 (home + 3 hub levels), 丁 2

    found = json.loads(found_file.read_text(encoding="utf-8"))["portals"]
    assert {d["name"]: d["listing_urls"] for d in found} == {
        "甲县人民政府": [A + "/xxgk/zfxxgknb/"],
        "乙县人民政府": [B + "/zwgk/fdzdgk/ndbg/"],
        "丁县人民政府": [D + "/xxgk/"],  # the hub that lists reports is the column
    }

    out = tmp_path / "merged.csv"
    assert registry.main(["merge-discovered", str(portals), str(found_file), "-o", str(out)]) == 0
    merged = {r.name: r for r in registry.load(out)}
    assert merged["甲县人民政府"].listing_urls == (A + "/xxgk/zfxxgknb/",)
    assert "政府信息公开 > 政府信息公开年报" in merged["甲县人民政府"].source
    assert merged["丙县人民政府"].listing_urls == ()
    assert registry.validate(list(merged.values())) == []


def test_real_report_page_links_back_to_its_column():
    # Pingtan's 2024 report (fixtures/sites, a verbatim copy of the shared sample): its
    # breadcrumb reads 首页 › 政务公开 › 政府信息公开 › 政府信息公开年报 (samples/INDEX.md).
    url = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm"
    meta, body = load_exchange(FIXTURES / "sites", url)
    found = discovery.step(url, decode_html(body, meta["headers"].get("Content-Type", "")).text)
    assert [c.url for c in found.columns] == ["https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"]
    assert found.hubs[0].text == "政府信息公开"


@pytest.mark.skipif(not (SHARED / "samples").is_dir(), reason="needs ../shared/samples")
def test_real_listing_page_offers_its_nlist_column_and_no_application_hub():
    # samples/INDEX.md §2: the left nav links the column as .../zfxxgknb/nlist.htm.
    page = (SHARED / "samples" / "pingtan_annual_report_listing_trs_fujian.html").read_text()
    found = discovery.step("https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/", page)
    assert [c.url for c in found.columns] == [
        "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/nlist.htm"
    ]
    assert found.reports == 10  # the ten report links listed on page 1
    assert "政府信息公开申请" not in [h.text for h in found.hubs]
