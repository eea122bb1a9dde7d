"""`-a shard=i/n`: n crawls over disjoint portals that together cover the registry."""

import collections

import pytest

from giar_crawler.registry import PortalRow
from giar_crawler.sharding import parse_shard, shard_of
from giar_crawler.spiders.county_reports import CountyReportsSpider
from tests.ops_site import build_site, read_lines, run_crawl

ROWS = [
    PortalRow(name=f"{i}号县人民政府", province=p, level="county")
    for p in ("福建省", "四川省", "广东省")
    for i in range(40)
]


def test_parse_shard():
    assert parse_shard("2/4") == (2, 4)
    assert parse_shard(None) is None
    for bad in ("0/4", "5/4", "4", "a/b", "1/0"):
        with pytest.raises(ValueError):
            parse_shard(bad)


@pytest.mark.parametrize("n", [1, 2, 3, 7])
def test_every_row_in_exactly_one_shard(n):
    counts = collections.Counter(shard_of(r, n) for r in ROWS)
    assert set(counts) <= set(range(1, n + 1))
    assert sum(counts.values()) == len(ROWS)
    if n > 1:  # a hash split: no shard empty or holding nearly everything
        assert len(counts) == n and max(counts.values()) < len(ROWS) * 0.8


def test_adding_rows_moves_no_other_row():
    before = {r: shard_of(r, 4) for r in ROWS}
    more = [*ROWS, PortalRow(name="新设区人民政府", province="海南省", level="county")]
    assert all(shard_of(r, 4) == before[r] for r in more[:-1])


def test_province_is_part_of_the_key():
    # 城关镇 exists in many provinces: the same name must not force the same shard.
    names = [f"{i}号城关镇人民政府" for i in range(40)]
    gansu = [shard_of(PortalRow(name=n, province="甘肃省", level="township"), 4) for n in names]
    henan = [shard_of(PortalRow(name=n, province="河南省", level="township"), 4) for n in names]
    assert gansu != henan


def test_spider_selects_its_shard(tmp_path):
    site = build_site(tmp_path, counties=tuple(f"{i}县" for i in range(12)))
    picked = [
        {r.name for r in CountyReportsSpider(portals=str(site.portals), shard=f"{i}/3")
         .selected_portals()}
        for i in (1, 2, 3)
    ]
    everyone = {r.name for r in CountyReportsSpider(portals=str(site.portals)).selected_portals()}
    assert len(everyone) == 12
    assert set().union(*picked) == everyone
    assert sum(len(p) for p in picked) == 12  # disjoint


@pytest.mark.slow
def test_two_shard_crawls_export_every_report_once(tmp_path):
    site = build_site(tmp_path, counties=("甲县", "乙县", "丙县", "丁县", "戊县"))
    urls = []
    for i in (1, 2):
        out = tmp_path / f"shard{i}.jsonl"
        run_crawl(site, out, "-a", f"shard={i}/2")
        urls += [r["url"] for r in read_lines(out)]
    assert sorted(urls) == sorted(site.reports)
