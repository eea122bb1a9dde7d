"""Accounting identities of the statutory tables (statutory_format.md §1.5).

One entry per identity instance: {"id", "table", "about", "lhs", "rhs", "outcome"}.
`about` is the column (t3_balance, t3_results_total), the row (t3_row_total) or the group
(t4_group_total) the instance checks. An operand that is null (blank, n/a, text, missing)
makes the instance `not_assessable` — blanks are unknown, never zero; `lhs`/`rhs` are then
null where they cannot be computed. Failures are reported as found, never repaired.
"""

from __future__ import annotations

from typing import Any

from giar_crawler.schema import statutory as st

T3_COLUMNS = [k for k, _ in st.T3_COLUMNS]
T3_PARTS = T3_COLUMNS[:-1]
T3_RESULT_ROWS = {
    fmt: [r for r in rows if r not in ("new_received", "carried_over", "results_total",
                                       "carried_forward")]
    for fmt, rows in st.T3_DATA_ROWS.items()
}


def _sum(cells: list[dict[str, Any] | None]) -> int | float | None:
    vals = [c.get("value") if c else None for c in cells]
    if any(v is None for v in vals):
        return None
    return sum(vals)


def _entry(id_: str, table: str, about: str, lhs_cells: list, rhs_cells: list) -> dict[str, Any]:
    lhs, rhs = _sum(lhs_cells), _sum(rhs_cells)
    if lhs is None or rhs is None:
        outcome = "not_assessable"
    else:
        outcome = "pass" if abs(lhs - rhs) < 1e-9 else "fail"
    return {"id": id_, "table": table, "about": about, "lhs": lhs, "rhs": rhs,
            "outcome": outcome}


def _applications(t3: dict[str, Any]) -> list[dict[str, Any]]:
    fmt = "gov_2019" if "other_handling" in t3 else "gov_2021"
    out = []

    def cell(row: str, col: str):
        return t3.get(row, {}).get(col)

    for col in T3_COLUMNS:
        out.append(_entry("t3_balance", "applications", col,
                          [cell("new_received", col), cell("carried_over", col)],
                          [cell("results_total", col), cell("carried_forward", col)]))
    for col in T3_COLUMNS:
        out.append(_entry("t3_results_total", "applications", col,
                          [cell("results_total", col)],
                          [cell(r, col) for r in T3_RESULT_ROWS[fmt]]))
    for row in st.T3_DATA_ROWS[fmt]:
        out.append(_entry("t3_row_total", "applications", row,
                          [cell(row, "total")], [cell(row, c) for c in T3_PARTS]))
    return out


def _review_litigation(t4: dict[str, Any]) -> list[dict[str, Any]]:
    cases = t4.get(st.T4_ROW, {})
    out = []
    for group, _label in st.T4_GROUPS:
        parts = [cases.get(f"{group}_{o}") for o, _ in st.T4_OUTCOMES if o != "total"]
        out.append(_entry("t4_group_total", "review_litigation", group,
                          [cases.get(f"{group}_total")], parts))
    return out


def run(fmt: str, tables: dict[str, Any]) -> list[dict[str, Any]]:
    """All identity instances for the tables present (the format is read from the keys)."""
    out: list[dict[str, Any]] = []
    if tables.get("applications"):
        out += _applications(tables["applications"])
    if tables.get("review_litigation"):
        out += _review_litigation(tables["review_litigation"])
    return out
