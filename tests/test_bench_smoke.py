"""Smoke tests of the benchmarks at a tiny size, so they cannot rot (no timing assertions)."""

from __future__ import annotations

import csv
import re

import pytest

from bench import crawl_throughput, memory, parse_cost, script_cost
from bench.corpus import SHARED, interim_pages, report_pages
from bench.make_site import make_site
from giar_crawler import registry
from giar_crawler.replay import load_exchange

LINE = re.compile(r"^(?P<label>[^:]+): (?P<value>-?\d+(?:\.\d+)?)(?: (?P<rest>.*))?$")


@pytest.fixture(scope="module")
def corpus():
    try:
        pages = report_pages()
    except FileNotFoundError as exc:  # neither fixtures/sites nor ../shared here
        pytest.skip(f"no report pages to benchmark: {exc}")
    return pages[:3]


def figures(capsys) -> dict[str, float]:
    """Every output line is `label: number ...`; returns label → number."""
    out = capsys.readouterr().out.strip().splitlines()
    assert out, "the script printed nothing"
    parsed = {}
    for line in out:
        m = LINE.match(line)
        assert m, f"not a figure line: {line!r}"
        parsed[m["label"]] = float(m["value"])
    return parsed


def test_make_site_links_every_report_through_paged_listings(tmp_path, corpus):
    site = make_site(tmp_path / "site", portals=2, reports=5, per_page=3, corpus=corpus)
    rows = registry.load(site.portals_csv)
    assert [r.name for r in rows] == ["基准县0", "基准县1"]
    assert all(r.level == "county" and len(r.listing_urls) == 1 for r in rows)
    with site.portals_csv.open(encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == registry.COLUMNS
    # 5 reports at 3 a page: index.html links 3 and the next page, index_1.html the other 2.
    meta, first = load_exchange(site.replay_dir, rows[0].listing_urls[0])
    assert meta["status"] == 200
    text = first.decode("utf-8")
    assert text.count("年政府信息公开工作年度报告</a>") == 3
    assert 'href="index_1.html">下一页' in text
    second = load_exchange(site.replay_dir, rows[0].listing_urls[0].replace("index", "index_1"))
    assert second[1].decode("utf-8").count("年度报告</a>") == 2
    assert "下一页" not in second[1].decode("utf-8")
    # A report URL serves a corpus page, made unique by a trailing comment.
    url = re.search(r'href="(http[^"]+)"', text)[1]
    body = load_exchange(site.replay_dir, url)[1]
    assert body.startswith(corpus[0].body)
    assert body[len(corpus[0].body):] == b"\n<!-- bench 0/0 -->\n"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not here")
def test_interim_corpus_pages_are_in_the_encoding_they_claim():
    pages = interim_pages()
    assert len(pages) == 7  # Pingtan, Shanghai, five seeds
    for page in pages:
        derived = re.search(r"derived: ([\w-]+)", page.origin)
        page.body.decode(derived[1] if derived else "utf-8")  # strict: the bytes are what the origin says
    big5 = [p for p in pages if "big5hkscs" in p.origin]
    assert big5 and b"charset=big5" in big5[0].body
    assert any("traditional" in p.origin for p in pages)


def test_parse_cost_prints_a_positive_ratio(capsys, corpus):
    parse_cost.main(["--rounds", "1", "--limit", "3"])
    got = figures(capsys)
    assert got["report pages"] == 3
    assert got["floor"] > 0 and got["chain"] > 0
    assert got["ratio chain/floor"] > 0
    assert got["ratio chain/floor first round"] > 0
    assert got["ratio chain/floor of medians"] > 0
    assert {"stage decode", "stage content", "stage script"} <= got.keys()


def test_script_cost_prints_both_ratios(capsys, corpus):
    script_cost.main(["--rounds", "1", "--limit", "3"])
    got = figures(capsys)
    assert got["ratio script/floor simplified"] >= 0
    assert got["traditional pages"] > 0  # the corpus's own, or derived from the simplified
    assert got["ratio script/floor traditional"] >= 0


def test_crawl_throughput_crawls_every_report_with_both_spiders(capsys, corpus):
    crawl_throughput.main(["--portals", "2", "--reports", "5", "--per-page", "3"])
    got = figures(capsys)
    assert got["report pages"] == 10
    assert got["exported"] == 10
    assert got["request errors"] == 0
    assert got["bare rate"] > 0 and got["county_reports rate"] > 0
    assert got["ratio county_reports/bare"] > 0
    assert got["ratio ceiling county_reports/bare"] > 0
    assert got["peak rss county_reports"] > 0
    assert got["cpu county_reports"] > got["cpu bare"] > 0  # parsing is never free


def test_memory_prints_a_peak_per_size_and_their_ratio(capsys, corpus):
    memory.main(["--sizes", "4,8", "--reports", "2"])
    got = figures(capsys)
    assert got["peak rss at 4 reports"] > 0
    assert got["peak rss at 8 reports"] > 0
    assert got["ratio peak rss 8/4"] > 0
