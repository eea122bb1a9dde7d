"""Statutory tables 二/三/四 → canonical keys (statutory_format.md §5), from markup or text.

`parse(content, text, year)` reads the <table>s of the report body (an lxml element,
already in simplified script); a table not found there is read from the text, which covers
pages whose tables were flattened (one cell per line, tab- or `|`-separated). The tree is
walked as given, never re-serialised.

The format is decided from content, table by table, never from the year: Table 二 by its
signature wording, Table 三 by its （六）其他处理 (three sub-rows in 2021, one data row in
2019). The report's format is Table 三's, else Table 二's; when they disagree the report is
flagged `format_mismatch` and Table 二 keeps the keys of its own format. With no statutory
table, the format is `pre_2019` when the text reads like a 2008-条例 report (old headings such
as 概述 / 依申请公开政府信息办理情况, or a report year before 2019), else `unknown`.

Cells: see `values` (raw, value, unit, status) and `build` (missing cells).

Flags (code, detail): format_mismatch, format_undetermined, table_missing, table_unmapped,
table_incomplete, extra_cells, nonstandard_row / nonstandard_column (outside the template),
duplicate_row, glued_digits / digits_resegmented (see `glued`).

Modules: markup (every table of the page in one libxslt pass), grid (one table → rows,
spans expanded), text (flattened text → rows), labels (label → key), kinds
(label or value; broken labels), reader (rows → recognised rows), build (→ canonical keys),
values (cell text → value), glued (digits run together), glued_line (labels and digits run
together on one text line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from giar_crawler.parsing.tables import build, markup
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
    for rows in markup.page_rows(element):
        reader.feed(rows)
    return reader.finish()


def _merge(html: Found, text: Found) -> Found:
    """Tables missing from the markup, taken from the text (with what was said about them)."""
    taken = []
    if not any(html.t2_rows.values()):
        html.t2_blocks_seen |= text.t2_blocks_seen
        html.t2_rows, html.t2_headers = text.t2_rows, text.t2_headers
        html.t2_signatures = text.t2_signatures
        taken += ["t2", "active_disclosure"]
    if not html.t3_rows:
        html.t3_rows, html.t3_seen = text.t3_rows, text.t3_seen or html.t3_seen
        taken += ["t3", "applications"]
    if not html.t4_cells:
        html.t4_cells, html.t4_seen = text.t4_cells, text.t4_seen or html.t4_seen
    for notes, extra in ((html.nonstandard, text.nonstandard),
                         (html.duplicates, text.duplicates)):
        notes += [n for n in extra if n.split(":")[0].split(".")[0] in taken]
    return html


_REPORT_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:度)?[^。\n]{0,40}?年度报告")
_OLD_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])?\s*(?:"
    + "|".join(map(re.escape, st.PRE_2019_MARKERS)) + ")", re.MULTILINE)


def _no_tables_format(text: str, year: int | None) -> str:
    """pre_2019 for a report of a year before 2019 or with the 2008-条例 headings."""
    if year is None:
        found = [int(y) for y in _REPORT_YEAR.findall(text[:500])]
        year = found[0] if found else None
    if year is not None and year < 2019:
        return "pre_2019"
    return "pre_2019" if _OLD_HEADING.search(text[:20000]) else "unknown"


def _unmapped(found: Found) -> list[tuple[str, str]]:
    """Tables whose headers are on the page but whose rows could not be mapped."""
    flags = []
    if found.t2_blocks_seen and not any(found.t2_rows.values()):
        flags.append(("table_unmapped", "active_disclosure: captions found, no row label known"))
    if found.t3_seen and not found.t3_rows:
        flags.append(("table_unmapped", "applications: header found, no row label known"))
    if found.t4_seen and not found.t4_cells:
        flags.append(("table_unmapped", "review_litigation: header found, no row of 15 values"))
    return flags


def parse(content, text: str, year: int | None = None) -> TablesResult:
    """Tables of one report; `year` (the report year, when known) only decides
    pre_2019 vs unknown for a report without statutory tables."""
    found = _read_html(content) if content is not None else Found()
    if not (found.t2_rows and found.t3_rows and found.t4_cells) and text:
        text_reader = Reader()
        text_reader.feed(text_rows(text))
        found = _merge(found, text_reader.finish())
    flags = _unmapped(found)
    if not found.any_table:
        return TablesResult(format=_no_tables_format(text or "", year), flags=flags)

    f2, f3 = build.t2_format(found), build.t3_format(found)
    fmt = f3 or f2
    if f2 and f3 and f2 != f3:
        flags.append(("format_mismatch",
                      f"active_disclosure is {f2}, applications is {f3}; format from applications"))
    if fmt is None:
        flags.append(("format_undetermined", "statutory tables without format signatures"))

    tables: dict[str, Any] = {}
    if any(found.t2_rows.values()):
        tables["active_disclosure"] = build.build_t2(found, f2 or fmt or "gov_2021", flags)
    if found.t3_rows:
        tables["applications"] = build.build_t3(found, f3 or fmt or "gov_2021", flags)
    if found.t4_cells:
        tables["review_litigation"] = build.build_t4(found, flags)
    missing_tables = [t for t in ("active_disclosure", "applications", "review_litigation")
                      if t not in tables and not any(t in d for _c, d in flags)]
    if missing_tables:
        flags.append(("table_missing", ", ".join(missing_tables)))
    for detail in build.missing_report(tables):
        flags.append(("table_incomplete", detail))
    for where in found.duplicates:
        flags.append(("duplicate_row", where))
    for where in found.nonstandard:
        flags.append(("nonstandard_row", where))
    return TablesResult(format=fmt or "unknown", tables=tables, flags=flags)
