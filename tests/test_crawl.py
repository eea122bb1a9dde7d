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
