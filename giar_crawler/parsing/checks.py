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
T3_BALANCE_ROWS = ("new_received", "carried_over", "results_total", "carried_forward")
T3_RESULT_ROWS = {
    fmt: [r for r in rows if r not in T3_BALANCE_ROWS] for fmt, rows in st.T3_DATA_ROWS.items()
}


def _value(cell: dict[str, Any] | None) -> int | float | None:
    return cell.get("value") if cell else None


def _row_values(cells: dict[str, Any]) -> dict[str, int | float | None]:
    return {col: c.get("value") if c else None
            for col, c in zip(T3_COLUMNS, map(cells.get, T3_COLUMNS), strict=True)}


def _total(vals: list) -> int | float | None:
    """Sum of the operands in order, None when one is null."""
    return None if None in vals else sum(vals)


def _entry(id_: str, table: str, about: str, lhs_vals: list, rhs_vals: list) -> dict[str, Any]:
    lhs, rhs = _total(lhs_vals), _total(rhs_vals)
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
    out = [_entry("t3_balance", "applications", col, [new[col], over[col]],
                  [results[col], forward[col]]) for col in T3_COLUMNS]
    details = [value[r] for r in T3_RESULT_ROWS[fmt]]
    out += [_entry("t3_results_total", "applications", col, [results[col]],
                   [d[col] for d in details]) for col in T3_COLUMNS]
    for row in st.T3_DATA_ROWS[fmt]:
        cells = value[row]
        out.append(_entry("t3_row_total", "applications", row, [cells["total"]],
                          [cells[c] for c in T3_PARTS]))
    return out


def _review_litigation(t4: dict[str, Any]) -> list[dict[str, Any]]:
    cases = t4.get(st.T4_ROW, {})
    out = []
    for group, _label in st.T4_GROUPS:
        parts = [_value(cases.get(f"{group}_{o}")) for o, _ in st.T4_OUTCOMES if o != "total"]
        out.append(_entry("t4_group_total", "review_litigation", group,
                          [_value(cases.get(f"{group}_total"))], parts))
    return out


def run(fmt: str, tables: dict[str, Any]) -> list[dict[str, Any]]:
    """All identity instances for the tables present (the format is read from the keys)."""
    out: list[dict[str, Any]] = []
    if tables.get("applications"):
        out += _applications(tables["applications"])
    if tables.get("review_litigation"):
        out += _review_litigation(tables["review_litigation"])
    return out
