"""Statutory tables 二/三/四 → canonical keys (statutory_format.md §5), from markup or text.

`parse(content, text)` reads the <table>s of the report body (an lxml element, already in
simplified script); a table not found there is read from the text, which covers pages
whose tables were flattened (one cell per line, tab- or `|`-separated).

The format is decided from content, table by table, never from the year: Table 二 by its
signature wording, Table 三 by its （六）其他处理 (three sub-rows in 2021, one data row in
2019). The report's format is Table 三's, else Table 二's; when they disagree the report is
flagged `format_mismatch` and Table 二 keeps the keys of its own format. With no statutory
table, the format is `pre_2019` when the text reads like a 2008-条例 report (old headings such
as 概述 / 依申请公开政府信息办理情况, or a report year before 2019), else `unknown`.

Cells: see `values` (raw, value, unit, status) and `build` (missing cells).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from giar_crawler.parsing.tables import build, grid
from giar_crawler.parsing.tables.reader import Found, Reader
from giar_crawler.parsing.tables.text import text_rows
from giar_crawler.schema import statutory as st


@dataclass
class TablesResult:
    format: str = "unknown"
    tables: dict[str, Any] = field(default_factory=dict)
    flags: list[tuple[str, str]] = field(default_factory=list)


def _read_html(content) -> Found:
    reader = Reader()
    element = getattr(content, "element", content)  # tolerate a wrapper holding the element
    for table in grid.tables_in(element):
        reader.feed(grid.table_rows(table))
    return reader.found


def _merge(html: Found, text: Found) -> Found:
    """Tables missing from the markup, taken from the text."""
    if not html.t2_rows:
        html.t2_rows, html.t2_headers = text.t2_rows, text.t2_headers
        html.t2_signatures = text.t2_signatures
    if not html.t3_rows:
        html.t3_rows, html.t3_seen = text.t3_rows, text.t3_seen or html.t3_seen
    if not html.t4_cells:
        html.t4_cells, html.t4_seen = text.t4_cells, text.t4_seen or html.t4_seen
    html.nonstandard += text.nonstandard
    return html


_OLD_YEAR = re.compile(r"(20[01]\d|199\d)\s*年(?:度)?(?:政府信息公开|.{0,30}年度报告)")


def _no_tables_format(text: str) -> str:
    head = text[:3000]
    if any(m in head.replace(" ", "") for m in st.PRE_2019_MARKERS):
        return "pre_2019"
    years = [int(y) for y in _OLD_YEAR.findall(head[:500])]
    return "pre_2019" if years and max(years) < 2019 else "unknown"


def parse(content, text: str) -> TablesResult:
    found = _read_html(content) if content is not None else Found()
    if not (found.t2_rows and found.t3_rows and found.t4_cells) and text:
        found = _merge(found, Reader().feed(text_rows(text)))
    flags: list[tuple[str, str]] = []
    if not found.any_table:
        if found.t3_seen or found.t4_seen:
            flags.append(("table_unmapped", "statutory table headers found but no rows mapped"))
        return TablesResult(format=_no_tables_format(text or ""), flags=flags)

    f2, f3 = build.t2_format(found), build.t3_format(found)
    fmt = f3 or f2
    if f2 and f3 and f2 != f3:
        flags.append(("format_mismatch",
                      f"active_disclosure is {f2}, applications is {f3}; format from applications"))
    if fmt is None:
        flags.append(("format_undetermined", "statutory tables without format signatures"))

    tables: dict[str, Any] = {}
    if found.t2_rows:
        tables["active_disclosure"] = build.build_t2(found, f2 or fmt or "gov_2021", flags)
    if found.t3_rows:
        tables["applications"] = build.build_t3(found, f3 or fmt or "gov_2021", flags)
    if found.t4_cells:
        tables["review_litigation"] = build.build_t4(found, flags)
    missing_tables = [t for t in ("active_disclosure", "applications", "review_litigation")
                      if t not in tables]
    if missing_tables:
        flags.append(("table_missing", ", ".join(missing_tables)))
    for detail in build.missing_report(tables):
        flags.append(("table_incomplete", detail))
    for where in found.duplicates:
        flags.append(("duplicate_row", where))
    return TablesResult(format=fmt or "unknown", tables=tables, flags=flags)
