"""Flat CSV for researchers: one row per report × table × row × column, and a summary per report.

From exported JSON lines (after any crawl, or over several years' files at once):

    python -m giar_crawler.export_csv reports.jsonl --cells cells.csv --summary reports.csv

or straight from a crawl with the feed exporters registered in settings:

    scrapy crawl county_reports -o reports.jsonl -o cells.csv:cells_csv -o reports.csv:summary_csv

Columns are described in docs/fields.md. A blank cell in ``value`` is null: not printed,
not applicable, or text such as 撤销 (then ``raw`` says which).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from scrapy.exporters import BaseItemExporter

from giar_crawler.items import ReportItem, exported_fields
from giar_crawler.records import read_records

# Identify the report on every cell row, so one CSV can be filtered without a join.
REPORT_KEYS = ["url", "sha256", "portal_name", "province", "city", "county", "year", "format"]
CELL_COLUMNS = [
    *REPORT_KEYS, "table", "block", "row", "column", "raw", "value", "unit", "status", "notes",
]
SUMMARY_COLUMNS = [
    "url", "listing_url", "portal_name", "province", "city", "county", "level",
    "division_code", "title", "listed_title", "organ", "year", "year_source", "published",
    "listed_date", "region", "format", "tables_source", "encoding", "script", "status",
    "fetched_at", "sha256",
    "version", "previous_sha256", "text_chars", "attachments", "cells", "cells_with_value",
    "checks_pass", "checks_fail", "checks_not_assessable", "failed_checks", "flags",
]
_CELL_KNOWN = {"raw", "value", "unit", "status"}


def as_record(item: Any) -> dict[str, Any]:
    """The exported fields of an item (or a JSON line), as a plain dict."""
    if isinstance(item, ReportItem):
        return {name: getattr(item, name) for name in exported_fields()}
    return dict(item)


def _is_cell(node: Any) -> bool:
    return isinstance(node, dict) and ("raw" in node or "value" in node)


def _leaves(node: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    if _is_cell(node) or not isinstance(node, dict):
        yield path, node
        return
    for key, child in node.items():
        yield from _leaves(child, (*path, str(key)))


def _report_keys(record: dict[str, Any]) -> dict[str, Any]:
    portal = record.get("portal") or {}
    return {
        "url": record.get("url"),
        "sha256": record.get("sha256"),
        "portal_name": portal.get("name"),
        "province": portal.get("province"),
        "city": portal.get("city"),
        "county": portal.get("county"),
        "year": record.get("year"),
        "format": record.get("format"),
    }


def cell_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per table cell; the nesting under a table is [block.]row.column."""
    keys = _report_keys(record)
    for table, body in (record.get("tables") or {}).items():
        for path, cell in _leaves(body, ()):
            cell = cell if _is_cell(cell) else {"value": cell}
            extra = {k: v for k, v in cell.items() if k not in _CELL_KNOWN}
            yield {
                **keys,
                "table": table,
                "block": ".".join(path[:-2]),
                "row": path[-2] if len(path) >= 2 else "",
                "column": path[-1] if path else "",
                "raw": cell.get("raw"),
                "value": cell.get("value"),
                "unit": cell.get("unit"),
                "status": cell.get("status"),
                "notes": json.dumps(extra, ensure_ascii=False) if extra else "",
            }


def summary_row(record: dict[str, Any]) -> dict[str, Any]:
    portal = record.get("portal") or {}
    cells = list(cell_rows(record))
    checks = record.get("checks") or []
    outcomes = [c.get("outcome") for c in checks]
    failed = sorted({str(c.get("id")) for c in checks if c.get("outcome") == "fail"})
    row = {k: record.get(k) for k in SUMMARY_COLUMNS}
    row.update(
        portal_name=portal.get("name"),
        province=portal.get("province"),
        city=portal.get("city"),
        county=portal.get("county"),
        level=record.get("level") or portal.get("level"),
        division_code=portal.get("division_code"),
        text_chars=len(record.get("text") or ""),
        attachments=len(record.get("attachments") or []),
        cells=len(cells),
        cells_with_value=sum(c["value"] is not None for c in cells),
        checks_pass=outcomes.count("pass"),
        checks_fail=outcomes.count("fail"),
        checks_not_assessable=outcomes.count("not_assessable"),
        failed_checks=";".join(failed),
        flags=";".join(f.get("code", "") for f in record.get("flags") or []),
    )
    return row


class _CsvExporter(BaseItemExporter):
    """A feed exporter writing rows derived from each item (cells or summary)."""

    columns: list[str]

    def __init__(self, file, **kwargs):
        kwargs.pop("fields_to_export", None)  # FEED_EXPORT_FIELDS name item fields, not ours
        super().__init__(dont_fail=True, **kwargs)
        self.stream = _TextStream(file)
        self.writer = csv.DictWriter(self.stream, fieldnames=self.columns, lineterminator="\n")

    def start_exporting(self):
        self.writer.writeheader()

    def export_item(self, item):
        self.writer.writerows(self.rows(as_record(item)))

    def rows(self, record: dict[str, Any]) -> Iterable[dict[str, Any]]:
        raise NotImplementedError


class _TextStream:
    """Feed storages hand exporters a binary file; csv writes text."""

    def __init__(self, file):
        self.file = file

    def write(self, text: str) -> int:
        return self.file.write(text.encode("utf-8"))


class CellsCsvExporter(_CsvExporter):
    columns = CELL_COLUMNS

    def rows(self, record):
        return cell_rows(record)


class SummaryCsvExporter(_CsvExporter):
    columns = SUMMARY_COLUMNS

    def rows(self, record):
        return [summary_row(record)]


def export(
    paths: list[Path], cells: Path | None, summary: Path | None, bom: bool = False
) -> tuple[int, list[str]]:
    """Write the CSVs; returns (records written, errors)."""
    encoding = "utf-8-sig" if bom else "utf-8"
    errors: list[str] = []
    count = 0
    with ExitStack() as stack:
        writers = []
        for path, columns, rows in (
            (cells, CELL_COLUMNS, cell_rows),
            (summary, SUMMARY_COLUMNS, lambda r: [summary_row(r)]),
        ):
            if path:
                fh = stack.enter_context(Path(path).open("w", encoding=encoding, newline=""))
                writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writers.append((writer, rows))
        for record in read_records(paths, errors.append):
            for writer, rows in writers:
                writer.writerows(rows(record))
            count += 1
    return count, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", nargs="+", type=Path, help="exported JSON lines file(s)")
    parser.add_argument("--cells", type=Path, help="flat CSV: one row per table cell")
    parser.add_argument("--summary", type=Path, help="CSV: one row per report")
    parser.add_argument("--excel", action="store_true", help="write a BOM so Excel reads UTF-8")
    args = parser.parse_args(argv)
    if not (args.cells or args.summary):
        parser.error("give --cells and/or --summary")
    missing = [str(p) for p in args.jsonl if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    count, errors = export(args.jsonl, args.cells, args.summary, bom=args.excel)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{count} reports exported, {len(errors)} lines skipped", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
