"""Accounting identities of the statutory tables (statutory_format.md §1.5).

One entry per identity instance: {"id", "table", "about", "lhs", "rhs", "outcome"}.
`about` is the column (t3_balance, t3_results_total), the row (t3_row_total) or the group
(t4_group_total) the instance checks. An operand that is null (blank, n/a, text, missing)
makes the instance `not_assessable` — blanks are unknown, never zero; `lhs`/`rhs` are then
null where they cannot be computed. Failures are reported as found, never repaired.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from giar_crawler.schema import statutory as st

T3_COLUMNS = [k for k, _ in st.T3_COLUMNS]
T3_PARTS = T3_COLUMNS[:-1]
T3_BALANCE_ROWS = ("new_received", "carried_over", "results_total", "carried_forward")
T3_RESULT_ROWS = {
    fmt: [r for r in rows if r not in T3_BALANCE_ROWS] for fmt, rows in st.T3_DATA_ROWS.items()
}
_TOTAL_AT = T3_COLUMNS.index("total")
_PARTS = itemgetter(*(T3_COLUMNS.index(c) for c in T3_PARTS))  # a row's parts, in order


def _value(cell: dict[str, Any] | None) -> int | float | None:
    return cell.get("value") if cell else None


def _row_values(cells: dict[str, Any]) -> list[int | float | None]:
    """The row's values in T3_COLUMNS order."""
    return [c.get("value") if c else None for c in map(cells.get, T3_COLUMNS)]


def _total(vals) -> int | float | None:
    """Sum of the operands in order, None when one is null."""
    return None if None in vals else sum(vals)


def _entry(id_: str, table: str, about: str, lhs: float | None,
           rhs: float | None) -> dict[str, Any]:
    """One instance, from its two sides' totals."""
    if lhs is None or rhs is None:
        outcome = "not_assessable"
    else:
        outcome = "pass" if abs(lhs - rhs) < 1e-9 else "fail"
    return {"id": id_, "table": table, "about": about, "lhs": lhs, "rhs": rhs,
            "outcome": outcome}


def _applications(t3: dict[str, Any]) -> list[dict[str, Any]]:
    fmt = "gov_2019" if "other_handling" in t3 else "gov_2021"
    # Each cell's value read once: every one takes part in two or three identities.
    value = {row: _row_values(t3.get(row, {}))
             for row in dict.fromkeys([*T3_BALANCE_ROWS, *st.T3_DATA_ROWS[fmt]])}
    new, over, results, forward = (value[r] for r in T3_BALANCE_ROWS)
    app = "applications"
    out = [_entry("t3_balance", app, col, _total((a, b)), _total((c, d)))
           for col, a, b, c, d in zip(T3_COLUMNS, new, over, results, forward, strict=True)]
    by_column = zip(*(value[r] for r in T3_RESULT_ROWS[fmt]), strict=True)  # C-level transpose
    out += [_entry("t3_results_total", app, col, _total((r,)), _total(parts))
            for col, r, parts in zip(T3_COLUMNS, results, by_column, strict=True)]
    for row in st.T3_DATA_ROWS[fmt]:
        cells = value[row]
        out.append(_entry("t3_row_total", app, row, _total((cells[_TOTAL_AT],)),
                          _total(_PARTS(cells))))
    return out


def _review_litigation(t4: dict[str, Any]) -> list[dict[str, Any]]:
    cases = t4.get(st.T4_ROW, {})
    out = []
    for group, _label in st.T4_GROUPS:
        parts = [_value(cases.get(f"{group}_{o}")) for o, _ in st.T4_OUTCOMES if o != "total"]
        out.append(_entry("t4_group_total", "review_litigation", group,
                          _total((_value(cases.get(f"{group}_total")),)), _total(parts)))
    return out


def run(fmt: str, tables: dict[str, Any]) -> list[dict[str, Any]]:
    """All identity instances for the tables present (the format is read from the keys)."""
    out: list[dict[str, Any]] = []
    if tables.get("applications"):
        out += _applications(tables["applications"])
    if tables.get("review_litigation"):
        out += _review_litigation(tables["review_litigation"])
    return out
