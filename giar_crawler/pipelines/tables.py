"""Tables stage: the statutory tables under their canonical keys."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import tables
from giar_crawler.pipelines import StagePipeline


def apply_tables(item: ReportItem, result: tables.TablesResult, source: str) -> None:
    """Put a parse result on the item; ``source`` says where its numbers came from."""
    item.format, item.tables = result.format, result.tables
    item.tables_source = source if result.tables else None
    for code, detail in result.flags:
        item.flag(code, detail)


def parse_tables(item: ReportItem) -> ReportItem:
    apply_tables(item, tables.parse(item.content, item.text or "", item.year), "page")
    return item


class TablesPipeline(StagePipeline):
    stage = staticmethod(parse_tables)
    name = "tables"
