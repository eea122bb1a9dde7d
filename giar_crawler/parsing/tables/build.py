"""Recognised rows → the exported tables under canonical keys, with flags.

Every canonical key of a table's format is present. A cell the page does not have is
`{"raw": null, "value": null, "status": "missing"}` and the table is flagged
`table_incomplete`, so users can tell a missing cell from a blank one. A table absent from
the page altogether is left out of `tables` and flagged `table_missing` (or
`table_unmapped` when its header is there but its rows cannot be read).

Columns are matched to values by order: a row's value cells, in printed order, go to its
block's header cells, in printed order (the header's own spans are ignored, which is what
aligns 上海 2019's `本年增/减` colspan=2 header with data rows spanning the first value).
Table 三 and 四 columns are the statutory ones, in statutory order.
"""

from __future__ import annotations

from typing import Any

from giar_crawler.parsing.tables import labels, values
from giar_crawler.parsing.tables.grid import Cell
from giar_crawler.parsing.tables.kinds import value_like
from giar_crawler.parsing.tables.reader import Found
from giar_crawler.schema import statutory as st

Flags = list[tuple[str, str]]


def _cells(cells: list[Cell], keys: list[str | None], units: dict[str, str | None],
           where: str, flags: Flags) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        if index >= len(cells):
            out[key] = dict(values.MISSING)
        elif cells[index].merged:
            out[key] = dict(values.MERGED)
        else:
            out[key] = values.cell(cells[index].text, units.get(key))
    extra = [c.text for c in cells[len(keys):] if c.text and not c.merged]
    if extra:
        flags.append(("extra_cells", f"{where}: {' | '.join(extra)[:80]}"))
    return out


def t2_format(found: Found) -> str | None:
    sigs = found.t2_signatures
    if len(sigs) == 1:
        return next(iter(sigs))
    # No or contradictory signatures: the format whose column headers match best.
    score = {
        fmt: sum(1 for block, heads in found.t2_headers.items() for h in heads
                 if labels.t2_column(h, fmt, block))
        for fmt in st.FORMATS
    }
    best = max(st.FORMATS, key=lambda f: score[f])
    return best if score[best] and list(score.values()).count(score[best]) == 1 else None


def t3_format(found: Found) -> str | None:
    rows = found.t3_rows
    if any(k in rows for k in ("other_no_correction", "other_unpaid_fee", "other_other")):
        return "gov_2021"
    if "other_handling" in rows:
        return "gov_2019"
    return None


def _t2_columns(found: Found, fmt: str, block: str, previous: list | None,
                flags: Flags) -> list[str | None]:
    canonical = [c[0] for c in st.T2_COLUMNS[fmt][block]]
    heads = found.t2_headers.get(block)
    if heads is None and previous is not None and len(previous) == len(canonical):
        heads = previous  # block printed without its header row: inherit the one above
    if not heads:
        return list(canonical)
    keys = [labels.t2_column(h, fmt, block) for h in heads]
    if not any(keys):
        flags.append(("table_unmapped",
                      f"active_disclosure.{block}: header {[h.flat for h in heads]}"))
        return list(canonical)
    return keys


def build_t2(found: Found, fmt: str, flags: Flags) -> dict[str, Any]:
    out: dict[str, Any] = {}
    previous = None
    for block, columns in st.T2_COLUMNS[fmt].items():
        keys = _t2_columns(found, fmt, block, previous, flags)
        previous = found.t2_headers.get(block, previous)
        units = {c[0]: c[3] for c in columns}
        got = found.t2_rows.get(block, {})
        block_out: dict[str, Any] = {}
        for row_key, _label, _kw in st.T2_ROWS[fmt][block]:
            cells = got.get(row_key, [])
            row = _cells(cells, keys, units, f"active_disclosure.{block}.{row_key}", flags)
            for col, _l, _k, _u, _s in columns:
                row.setdefault(col, dict(values.MISSING))
            block_out[row_key] = {col: row[col] for col, *_ in columns}
        out[block] = block_out
        extra = set(got) - {r[0] for r in st.T2_ROWS[fmt][block]}
        if extra:
            flags.append(("nonstandard_row", f"active_disclosure.{block}: {sorted(extra)}"))
    return out


def build_t3(found: Found, fmt: str, flags: Flags) -> dict[str, Any]:
    keys: list[str | None] = [k for k, _ in st.T3_COLUMNS]
    out = {
        row: _cells(found.t3_rows.get(row, []), keys, {}, f"applications.{row}", flags)
        for row in st.T3_DATA_ROWS[fmt]
    }
    stray = set(found.t3_rows) - set(st.T3_DATA_ROWS[fmt])
    if stray:
        flags.append(("nonstandard_row", f"applications ({fmt}): {sorted(stray)}"))
    return out


def build_t4(found: Found, flags: Flags) -> dict[str, Any]:
    cells = found.t4_cells or []
    if cells and not all(value_like(c) for c in cells):
        flags.append(("table_unmapped", "review_litigation: data row not recognised"))
    return {st.T4_ROW: _cells(cells, list(st.T4_COLUMNS), {}, "review_litigation", flags)}


def missing_report(tables: dict[str, Any]) -> list[str]:
    """'<table>: n of m cells missing' for each table with missing cells."""
    out = []
    for name, table in tables.items():
        leaves = list(_leaves(table))
        missing = sum(1 for c in leaves if c.get("status") == "missing")
        if missing:
            out.append(f"{name}: {missing} of {len(leaves)} cells missing")
    return out


def _leaves(node: dict[str, Any]):
    if "raw" in node and "value" in node:
        yield node
        return
    for child in node.values():
        yield from _leaves(child)
