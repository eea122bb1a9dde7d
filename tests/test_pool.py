"""Parse workers (pipelines/pool.py): same records as parsing in the crawl's process."""

import asyncio
import json

import pytest
import pytest_twisted
from scrapy.utils.project import get_project_settings

from giar_crawler.pipelines.pool import ParsePoolPipeline, stages_after, worker_count
from tests.conftest import FIXTURES, crawl_settings, run_crawl

PORTALS = str(FIXTURES / "portals.csv")
SITES = str(FIXTURES / "sites")


def test_worker_count(monkeypatch):
    assert worker_count("0") == 0
    assert worker_count(2) == 2
    assert worker_count(None) == worker_count("auto")
    for cores, workers in ((1, 0), (2, 2), (3, 3), (16, 4)):
        monkeypatch.setattr("os.sched_getaffinity", lambda pid, n=cores: set(range(n)))
        assert worker_count("auto") == workers


def test_the_pool_runs_the_stage_pipelines_that_follow_it_in_order():
    names = [cls.name for cls in stages_after(ParsePoolPipeline, get_project_settings())]
    assert names == ["decode", "content", "script", "tables", "attachments", "validate"]


def test_stages_behind_another_pipeline_stay_in_the_crawl_process():
    settings = get_project_settings()
    pipelines = dict(settings.getdict("ITEM_PIPELINES"))
    pipelines["tests.pool_stages.NotAStagePipeline"] = 350  # between script and tables
    settings.set("ITEM_PIPELINES", pipelines)
    names = [cls.name for cls in stages_after(ParsePoolPipeline, settings)]
    assert names == ["decode", "content", "script"]


async def _records(tmp_path, name, **settings):
    out = tmp_path / f"{name}.jsonl"
    feed = {str(out): {"format": "jsonlines", "encoding": "utf-8"}}
    _, stats = await run_crawl(
        "county_reports", crawl_settings(REPLAY_DIR=SITES, FEEDS=feed, **settings), portals=PORTALS
    )
    records = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record.pop("fetched_at")
        records[record["url"]] = record
    return records, stats


@pytest_twisted.ensureDeferred
async def test_records_from_workers_equal_records_parsed_in_process(tmp_path):
    inline, inline_stats = await _records(tmp_path, "inline", GIAR_PARSE_PROCESSES=0)
    pooled, stats = await _records(tmp_path, "pooled", GIAR_PARSE_PROCESSES=2)
    assert "giar/pool/workers" not in inline_stats
    assert stats["giar/pool/workers"] == 2
    assert stats.get("giar/pool/fallbacks", 0) == 0
    assert stats["giar/pool/worker_peak_rss_kib"] > 10_000
    assert len(pooled) == 7
    assert pooled == inline


def _with(stage: str, at: int):
    pipelines = dict(get_project_settings().getdict("ITEM_PIPELINES"))
    pipelines[stage] = at
    return pipelines


@pytest_twisted.ensureDeferred
async def test_a_dead_worker_costs_no_record(tmp_path):
    pipelines = _with("tests.pool_stages.DieInWorkerPipeline", 150)
    records, stats = await _records(tmp_path, "dead", GIAR_PARSE_PROCESSES=1, ITEM_PIPELINES=pipelines)
    inline, _ = await _records(tmp_path, "inline", GIAR_PARSE_PROCESSES=0, ITEM_PIPELINES=pipelines)
    # Each record was parsed in the crawl's process after its worker died, all stages of it.
    assert len(records) == 7
    for record in records.values():
        assert {"code": "parsed_in_crawl_process", "detail": ""} in record["flags"]
    assert records == inline
    assert stats["giar/pool/fallbacks"] == 7
    assert stats.get("giar/pool/restarts", 0) <= 3  # then it gives the pool up


@pytest_twisted.ensureDeferred
async def test_workers_that_keep_dying_are_replaced_three_times_then_given_up():
    from scrapy.utils.defer import deferred_from_coro
    from scrapy.utils.test import get_crawler

    from giar_crawler.items import ReportItem
    from tests.pool_stages import DieInWorkerPipeline

    crawler = get_crawler()
    pool = ParsePoolPipeline(crawler, 1, [DieInWorkerPipeline])
    pool.open_spider()
    items = [ReportItem(url=f"http://x.test/{n}.html", body=b"<p>x</p>") for n in range(6)]

    async def feed():  # on the asyncio loop, as Scrapy runs pipelines
        try:
            for item in items:  # one at a time: each finds the previous worker dead
                assert await pool.process_item(item) is item
        finally:
            await pool.close_spider()

    await deferred_from_coro(feed())
    stats = crawler.stats.get_stats()
    assert stats["giar/pool/restarts"] == 3
    assert stats["giar/pool/fallbacks"] == 4  # the items the four workers died on
    # Nothing ran on any item in a worker: the stage pipelines will run them here.
    assert all(not item.stages_done and not item.flags for item in items)


@pytest_twisted.ensureDeferred
async def test_a_stage_error_in_a_worker_is_flagged_and_counted(tmp_path):
    pipelines = _with("tests.pool_stages.FailingPipeline", 450)
    records, stats = await _records(tmp_path, "failing", GIAR_PARSE_PROCESSES=1, ITEM_PIPELINES=pipelines)
    assert len(records) == 7
    for record in records.values():
        assert {"code": "stage_error", "detail": "failing: ValueError: a stage bug"} in record["flags"]
    assert stats["giar/stage/failing/errors"] == 7
    assert stats.get("giar/pool/fallbacks", 0) == 0


@pytest.mark.parametrize("setting", ["0", 0])
def test_zero_workers_leaves_the_pool_out(setting):
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(settings_dict={**get_project_settings(), "GIAR_PARSE_PROCESSES": setting})
    with pytest.raises(NotConfigured):
        ParsePoolPipeline.from_crawler(crawler)


@pytest_twisted.ensureDeferred
async def test_a_page_that_never_finishes_is_exported_flagged_and_the_crawl_goes_on():
    from scrapy.utils.defer import deferred_from_coro
    from scrapy.utils.test import get_crawler

    from giar_crawler.items import ReportItem
    from tests.pool_stages import HangInWorkerPipeline

    crawler = get_crawler(settings_dict={"GIAR_PARSE_TIMEOUT": 1})
    pool = ParsePoolPipeline(crawler, 1, [HangInWorkerPipeline])
    pool.open_spider()
    hang, after = (ReportItem(url=f"http://x.test/{name}.html") for name in ("hang", "after"))

    async def feed():
        try:
            return await asyncio.gather(pool.process_item(hang), pool.process_item(after))
        finally:
            await pool.close_spider()

    done = await deferred_from_coro(feed())
    assert done == [hang, after]
    assert hang.flags == [{"code": "stage_error",
                           "detail": "parse: no result after 1 s; parse worker stopped"}]
    assert hang.stages_done == {"hang_in_worker"}  # not parsed again in the crawl's process
    # The item queued behind it lost its worker: handed back untouched, for the stage
    # pipelines of the crawl's process to parse.
    assert after.flags == [] and after.stages_done == set()
    assert crawler.stats.get_value("giar/pool/timeouts") == 1
    assert crawler.stats.get_value("giar/pool/fallbacks") == 1


@pytest_twisted.ensureDeferred
async def test_a_worker_that_cannot_start_costs_no_record(monkeypatch):
    from scrapy.utils.defer import deferred_from_coro
    from scrapy.utils.test import get_crawler

    from giar_crawler.items import ReportItem
    from giar_crawler.pipelines import pool as pool_module
    from tests.pool_stages import HangInWorkerPipeline

    async def cannot_start(*args):
        raise OSError("no more processes")

    monkeypatch.setattr(pool_module.Worker, "start", cannot_start)
    crawler = get_crawler()
    pool = ParsePoolPipeline(crawler, 1, [HangInWorkerPipeline])
    item = ReportItem(url="http://x.test/1.html")

    async def feed():
        try:
            return await pool.process_item(item)
        finally:
            await pool.close_spider()

    assert await deferred_from_coro(feed()) is item
    assert item.stages_done == set()  # handed back for the stage pipelines of this process
    assert crawler.stats.get_value("giar/pool/fallbacks") == 1
