"""The whole crawl, in-process, over the bundled fixture portals in replay mode."""

import json
from collections import Counter

import pytest_twisted
from itemadapter import ItemAdapter

from giar_crawler.items import exported_fields
from tests.conftest import FIXTURES, crawl_settings, run_crawl

PORTALS = str(FIXTURES / "portals.csv")
SITES = str(FIXTURES / "sites")


@pytest_twisted.ensureDeferred
async def test_replayed_crawl_exports_each_report_once(tmp_path):
    out = tmp_path / "reports.jsonl"
    settings = crawl_settings(
        REPLAY_DIR=SITES, FEEDS={str(out): {"format": "jsonlines", "encoding": "utf-8"}}
    )
    items, stats = await run_crawl("county_reports", settings, portals=PORTALS)

    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(items)
    urls = Counter(r["url"] for r in lines)
    assert all(n == 1 for n in urls.values()), urls
    assert stats.get("giar/replay/missing", 0) == 0
    assert stats["finish_reason"] == "finished"
    # Exported records never carry raw bytes or trees.
    assert set(lines[0]) == set(exported_fields())
    for item in items:
        assert ItemAdapter(item)["sha256"]


# Typed by hand from the pages (see fixtures/README.md): encoding used, title, report year.
COUNTY = "http://www.fixture-county.test/zwgk/zfxxgknb/"
EXPECTED = {
    COUNTY + "202401/t20240116_1800123.html": (
        "gb18030", "重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告", 2023),
    "http://big5.fixture-county.test/gate/big5/www.fixture-county.test/zwgk/zfxxgknb/"
    "202401/t20240126_1800466.html": ("big5hkscs", "硫市镇2023年政府信息公开工作年度报告", 2023),
    "http://xxgk.fixture-county.test/jdxxgk/lxljd/zfxxgknb/202401/t20240119_1800301.html": (
        "utf-8", "2023年政府信息公开工作年度报告", 2023),
    # Content farm: every year on the page is blanked, so no year is claimed.
    "http://www.meizhang-farm.test/baogao/gongzuobaogao/603555.html": (
        "utf-8", "区府办信息公开报告范文", None),
    COUNTY + "202201/t20220120_1500877.html": (
        "gb18030", "左岭街道2021年政府信息公开工作年度报告", 2021),
    "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm": (
        "utf-8", "平潭综合实验区2024年度政府信息公开工作年度报告", 2024),
    COUNTY + "202001/t20200131_3000019.html": (
        "gb18030", "2019年上海市人民政府办公厅政府信息公开工作年度报告", 2019),
}


@pytest_twisted.ensureDeferred
async def test_replayed_crawl_gets_encoding_title_and_year_right():
    items, _ = await run_crawl("county_reports", crawl_settings(REPLAY_DIR=SITES), portals=PORTALS)
    got = {i.url: (i.encoding, i.title, i.year) for i in items}
    assert got == EXPECTED
    # Every page but the content farm's prints statutory tables; the numbers are the page's.
    sources = {i.url: i.tables_source for i in items}
    assert sources.pop("http://www.meizhang-farm.test/baogao/gongzuobaogao/603555.html") is None
    assert set(sources.values()) == {"page"}


@pytest_twisted.ensureDeferred
async def test_unknown_portal_filter_crawls_nothing():
    items, stats = await run_crawl(
        "county_reports", crawl_settings(REPLAY_DIR=SITES), portals=PORTALS, province="不存在省"
    )
    assert items == []
    assert stats["finish_reason"] == "finished"


@pytest_twisted.ensureDeferred
async def test_years_argument_narrows_the_crawl():
    items, _ = await run_crawl(
        "county_reports", crawl_settings(REPLAY_DIR=SITES), portals=PORTALS, years="2021-2023"
    )
    # 2024 (Pingtan) and 2019 (Shanghai) are left out by their listed titles.
    assert {i.year for i in items} <= {2021, 2023, None}
    assert len(items) == 5
