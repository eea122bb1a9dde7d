"""Tables stage: the statutory tables under their canonical keys."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import tables
from giar_crawler.pipelines import StagePipeline


def parse_tables(item: ReportItem) -> ReportItem:
    result = tables.parse(item.content, item.text or "", item.year)
    item.format = result.format
    item.tables = result.tables
    for code, detail in result.flags:
        item.flag(code, detail)
    return item


class TablesPipeline(StagePipeline):
    stage = staticmethod(parse_tables)
    name = "tables"
