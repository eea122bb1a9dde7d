"""Recognised rows → the exported tables under canonical keys, with flags.

Every canonical key of a table's format is present. A cell the page does not have is
`{"raw": null, "value": null, "status": "missing"}` and the table is flagged
`table_incomplete`, so users can tell a missing cell from a blank one. A table absent from
the page altogether is left out of `tables` and flagged `table_missing` (or
`table_unmapped` when its header is there but its rows cannot be read).

Columns are matched to values by order: a row's value cells, in printed order, go to its
block's header cells, in printed order (the header's own spans are ignored, which is what
aligns 上海 2019's `本年增/减` colspan=2 header with data rows spanning the first value).
Table 三 values go under their column headings by grid column when the markup gives both
(a value spanning columns fills the first, the rest are `merged`), else in statutory order;
Table 四's 15 values are in statutory order.
"""

from __future__ import annotations

from itertools import chain, repeat
from operator import attrgetter
from typing import Any

from giar_crawler.parsing.tables import glued as glued_digits
from giar_crawler.parsing.tables import labels, values
from giar_crawler.parsing.tables.grid import Cell
from giar_crawler.parsing.tables.kinds import value_like
from giar_crawler.parsing.tables.reader import Found
from giar_crawler.schema import statutory as st

Flags = list[tuple[str, str]]


def _one(c: Cell | None, unit: str | None = None) -> dict[str, Any]:
    if c is None:
        return dict(values.MISSING)
    if c.merged:
        return dict(values.MERGED)
    if c.glued:
        return {"raw": c.text, "value": None, "status": "glued"}
    return values.shared_cell(c.text, unit).copy()  # values.cell without its extra call


def _cells(cells: list[Cell], keys: list[str | None], units: dict[str, str | None],
           where: str, flags: Flags) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for index, key in enumerate(keys):
        if key is not None:
            out[key] = _one(cells[index] if index < len(cells) else None, units.get(key))
    extra = [c.text for c in cells[len(keys):] if c.text and not c.merged]
    if extra:
        flags.append(("extra_cells", f"{where}: {' | '.join(extra)[:80]}"))
    return out


def _unglue(cells: list[Cell], groups: int, width: int, where: str,
            flags: Flags) -> list[Cell]:
    """A row whose digits were glued into its first cell, cut back where the totals allow."""
    if not cells or not cells[0].text.isdigit() or (
            len(cells) > 1 and cells[1].text and not cells[1].merged):
        return cells  # most rows: no lone run of digits in the first cell
    filled = [c for c in cells if c.text and not c.merged]
    glued = filled[0].text if len(filled) == 1 and filled[0] is cells[0] else ""
    if not glued.isdigit() or (len(glued) < groups * width and not filled[0].glued):
        return cells
    cut = glued_digits.resegment(glued, groups, width)
    if cut is None:
        flags.append(("glued_digits", f"{where}: {glued} (no single cut satisfies the totals)"))
        return [Cell(glued, glued=True)]  # never read as one huge count
    flags.append(("digits_resegmented", f"{where}: {glued} → {','.join(map(str, cut))}"))
    return [Cell(str(n)) for n in cut]


def _t2_unglue(cells: list[Cell], width: int, where: str, flags: Flags) -> list[Cell]:
    """A Table 二 row's digits glued to its label: no identity to cut them by, so they are
    read only when the block has one column or the digits admit a single cut (`000`)."""
    if len(cells) != 1 or not cells[0].glued:
        return cells
    digits = cells[0].text
    if width == 1:
        return [Cell(digits)]
    cut = glued_digits.only_cut(digits, width)
    if cut is None:
        flags.append(("glued_digits", f"{where}: {digits} (several cuts, no identity)"))
        return cells
    flags.append(("digits_resegmented", f"{where}: {digits} → {','.join(map(str, cut))}"))
    return [Cell(str(n)) for n in cut]


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
    odd = [h.flat for h, k in zip(heads, keys, strict=True) if k is None]
    if odd or len(set(filter(None, keys))) < len(list(filter(None, keys))):
        flags.append(("nonstandard_column", f"active_disclosure.{block}: {[h.flat for h in heads]}"))
        keys = [k if k not in keys[:i] else None for i, k in enumerate(keys)]  # first one wins
    return keys


def build_t2(found: Found, fmt: str, flags: Flags) -> dict[str, Any]:
    out: dict[str, Any] = {}
    previous = None
    for block, columns in st.T2_COLUMNS[fmt].items():
        keys = _t2_columns(found, fmt, block, previous, flags)
        previous = found.t2_headers.get(block, previous)
        units = {c[0]: c[3] for c in columns}
        names = list(units)
        got = found.t2_rows.get(block, {})
        block_out: dict[str, Any] = {}
        for row_key, _label, _kw in st.T2_ROWS[fmt][block]:
            where = f"active_disclosure.{block}.{row_key}"
            cells = _t2_unglue(got.get(row_key, []), len(keys), where, flags)
            row = _cells(cells, keys, units, where, flags)
            block_out[row_key] = {col: row[col] if col in row else dict(values.MISSING)
                                  for col in names}
        out[block] = block_out
        extra = set(got) - {r[0] for r in st.T2_ROWS[fmt][block]}
        if extra:
            flags.append(("nonstandard_row", f"active_disclosure.{block}: {sorted(extra)}"))
    return out


_T3_KEYS = [k for k, _ in st.T3_COLUMNS]


def _columns_at(header: dict[str, int]) -> dict[int, str] | None:
    """Table 三 column key by grid column, when every heading has its own column."""
    if set(header) != set(_T3_KEYS) or len(set(header.values())) != len(_T3_KEYS):
        return None
    return {col: key for key, col in header.items()}


def by_position(cells: list[Cell], header: dict[str, int]) -> list[Cell | None] | None:
    """Table 三 values placed under their column headings by grid column (HTML), so a value
    spanning several columns fills the first and leaves the others `merged`; None when the
    positions are unknown or do not line up with the headings (then cells go by order)."""
    key_at = _columns_at(header)
    return None if key_at is None else _place(cells, key_at, header)


def _place(cells: list[Cell], key_at: dict[int, str], header: dict[str, int]):
    slot: dict[str, Cell] = {}
    for c in cells:
        if c.col < 0:
            return None
        if c.span == 1:  # most cells: one column, no list of covered keys
            key = key_at.get(c.col)
            if key is None:
                if c.text:
                    return None
            elif key not in slot:
                slot[key] = c
            continue
        covered = [key_at[k] for k in range(c.col, c.col + c.span) if k in key_at]
        if not covered:
            if c.text:
                return None
            continue
        slot.setdefault(covered[0], c)
        for key in covered[1:]:
            slot.setdefault(key, Cell("", merged=True, col=header[key]))
    return [slot.get(k) for k in _T3_KEYS]


_SHAPE = attrgetter("col", "span", "merged", "glued")
_TEXT = attrgetter("text")


def _in_order(cells: list[Cell], slots: list[tuple[int, int, bool, bool]]) -> bool:
    """Each cell one column wide, in the headings' columns in statutory order, and a plain
    value (most rows): `_place` would put every cell under its own heading, in order, and
    `_one` read each as `values.cell`. Compared by C-level maps."""
    return list(map(_SHAPE, cells)) == slots


def _row_out(keys: list[str | None], cells: list[Cell | None]) -> dict[str, Any]:
    """`{key: _one(cell)}`; a plain cell's copy is taken here (most cells: one call less)."""
    plain = values.plain_cell
    return {k: plain(c.text).copy() if c is not None and not (c.merged or c.glued)
            else _one(c) for k, c in zip(keys, cells, strict=True)}


def build_t3(found: Found, fmt: str, flags: Flags) -> dict[str, Any]:
    keys: list[str | None] = list(_T3_KEYS)
    header = found.t3_header_cols
    key_at = _columns_at(header)
    slots = [(header[k], 1, False, False) for k in _T3_KEYS] if key_at else []
    out = {}
    for row in st.T3_DATA_ROWS[fmt]:
        where = f"applications.{row}"
        cells = _unglue(found.t3_rows.get(row, []), 1, len(keys), where, flags)
        if key_at and _in_order(cells, slots):  # the row's cells in C-level maps
            texts = map(_TEXT, cells)
            out[row] = dict(zip(keys, map(dict.copy, map(values.plain_cell, texts)),
                                strict=True))
            continue
        placed = _place(cells, key_at, header) if cells and key_at else None
        if placed is None:
            out[row] = _cells(cells, keys, {}, where, flags)
        else:
            out[row] = _row_out(keys, placed)
    stray = set(found.t3_rows) - set(st.T3_DATA_ROWS[fmt])
    if stray:
        flags.append(("nonstandard_row", f"applications ({fmt}): {sorted(stray)}"))
    return out


def build_t4(found: Found, flags: Flags) -> dict[str, Any]:
    cells = _unglue(found.t4_cells or [], len(st.T4_GROUPS), len(st.T4_OUTCOMES),
                    "review_litigation", flags)
    if cells and not all(value_like(c) for c in cells):
        flags.append(("table_unmapped", "review_litigation: data row not recognised"))
    return {st.T4_ROW: _cells(cells, list(st.T4_COLUMNS), {}, "review_litigation", flags)}


def missing_report(tables: dict[str, Any]) -> list[str]:
    """'<table>: n of m cells missing' for each table with missing cells."""
    out = []
    for name, table in tables.items():
        rows = [r for block in table.values() for r in block.values()] if (
            name == "active_disclosure") else list(table.values())
        # every cell's status, by C-level maps (a table holds a few hundred cells)
        statuses = list(map(dict.get, chain.from_iterable(map(dict.values, rows)),
                            repeat("status")))
        missing = statuses.count("missing")
        if missing:
            out.append(f"{name}: {missing} of {len(statuses)} cells missing")
    return out
