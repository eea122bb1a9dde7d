"""Item pipelines: one module per stage, each a pure function over ReportItem.

The classes here are thin: they run the stage, count it, and turn an unexpected
exception into a flag so the report is still exported with its reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from giar_crawler.items import ReportItem

logger = logging.getLogger(__name__)


class StagePipeline:
    stage: Callable[[ReportItem], ReportItem]
    name = "stage"

    def __init__(self, crawler=None):
        self.stats = crawler.stats if crawler else None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item, spider=None):
        if self.name in item.stages_done:  # run in a parse worker (pipelines/pool.py)
            return item
        return run_stage(type(self).stage, item, self.name, self.stats)


def run_stage(stage, item: ReportItem, name: str, stats=None) -> ReportItem:
    try:
        stage(item)
    except Exception as exc:  # a bad page must never cost the record
        logger.exception("%s stage failed on %s", name, item.url)
        item.flag("stage_error", f"{name}: {type(exc).__name__}: {exc}")
        if stats:
            stats.inc_value(f"giar/stage/{name}/errors")
    return item
