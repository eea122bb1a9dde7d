"""Incremental stage: skip reports already exported unchanged, version the ones that changed.

Reports are edited after publication, and researchers need to see both versions. A run
with ``-s GIAR_STATE_FILE=state.jsonl`` compares each fetched page (URL + sha256 of the
raw body) with the latest version recorded there:

- same body as last time → dropped before parsing, counted in ``giar/incremental/unchanged``;
- new URL → exported with ``version`` 1;
- changed body → exported with ``version`` n+1 and ``previous_sha256``; the earlier
  version stays in the earlier run's export.

The state file is JSON lines, appended (and flushed) when a record has been exported, so a
killed run keeps what it finished. Any JSON lines with ``url`` and ``sha256`` serve as
state, so a previous export (``reports.jsonl``) can seed it. Processes that share work
(scrapy-redis workers) each append to their own file and read all of them:
``-s GIAR_STATE_FILE=state/w1.jsonl -s "GIAR_STATE_READ=state/*.jsonl"``.
"""

from __future__ import annotations

import glob
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import DropItem, NotConfigured

from giar_crawler.items import ReportItem
from giar_crawler.records import read_records

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Seen:
    sha256: str
    version: int


def read_state(*paths: str | Path) -> dict[str, Seen]:
    """Latest version per URL from JSON lines files; unreadable lines are logged and skipped."""
    state: dict[str, Seen] = {}
    existing = [p for p in map(Path, paths) if p.is_file()]
    for record in read_records(existing, logger.warning, required=("url", "sha256")):
        url, version = record["url"], record.get("version") or 1
        if url not in state or version >= state[url].version:
            state[url] = Seen(record["sha256"], version)
    return state


def compare(item: ReportItem, state: dict[str, Seen]) -> str:
    """'unchanged', 'new' or 'changed'; sets the item's version fields."""
    seen = state.get(item.url)
    if seen is None:
        item.version = 1
        return "new"
    if seen.sha256 == item.sha256:
        return "unchanged"
    item.version = seen.version + 1
    item.previous_sha256 = seen.sha256
    return "changed"


class IncrementalPipeline:
    """Runs first, so an unchanged page costs no parsing."""

    def __init__(self, crawler, path: str, read_glob: str | None = None):
        self.stats = crawler.stats
        self.path = Path(path)
        others = sorted(glob.glob(read_glob)) if read_glob else []
        self.state = read_state(*others, self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.out = self.path.open("a", encoding="utf-8")
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.close, signal=signals.spider_closed)
        logger.info("incremental: %d URLs known from %s", len(self.state), self.path)

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("GIAR_STATE_FILE")
        if not path:
            raise NotConfigured("GIAR_STATE_FILE not set")
        return cls(crawler, path, crawler.settings.get("GIAR_STATE_READ"))

    def process_item(self, item, spider=None):
        if not isinstance(item, ReportItem):
            return item
        outcome = compare(item, self.state)
        self.stats.inc_value(f"giar/incremental/{outcome}")
        if outcome == "unchanged":
            raise DropItem(f"unchanged since last export: {item.url}", log_level="DEBUG")
        return item

    def item_scraped(self, item, response=None, spider=None):
        """Record a version only once it has passed every stage and been exported."""
        if not isinstance(item, ReportItem) or item.version is None:
            return
        self.state[item.url] = Seen(item.sha256, item.version)
        record = {
            "url": item.url,
            "sha256": item.sha256,
            "version": item.version,
            "previous_sha256": item.previous_sha256,
            "fetched_at": item.fetched_at,
        }
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()

    def close(self, spider=None):
        self.out.close()
