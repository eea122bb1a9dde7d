"""checks.run (values read once per cell) gives exactly what the straightforward reading,
kept here as the reference, gives: generated tables with numbers, floats, blanks, missing
cells and missing rows, in both formats."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

from giar_crawler.parsing import checks
from giar_crawler.schema import statutory as st

COLS = [k for k, _ in st.T3_COLUMNS]
BALANCE = ("new_received", "carried_over", "results_total", "carried_forward")


def _sum(cells):
    vals = [c.get("value") if c else None for c in cells]
    return None if any(v is None for v in vals) else sum(vals)


def _entry(id_, table, about, lhs_cells, rhs_cells):
    lhs, rhs = _sum(lhs_cells), _sum(rhs_cells)
    outcome = ("not_assessable" if lhs is None or rhs is None
               else "pass" if abs(lhs - rhs) < 1e-9 else "fail")
    return {"id": id_, "table": table, "about": about, "lhs": lhs, "rhs": rhs,
            "outcome": outcome}


def reference(tables):
    out = []
    t3 = tables.get("applications")
    if t3:
        fmt = "gov_2019" if "other_handling" in t3 else "gov_2021"

        def cell(row, col):
            return t3.get(row, {}).get(col)

        results = [r for r in st.T3_DATA_ROWS[fmt] if r not in BALANCE]
        out += [_entry("t3_balance", "applications", c,
                       [cell("new_received", c), cell("carried_over", c)],
                       [cell("results_total", c), cell("carried_forward", c)]) for c in COLS]
        out += [_entry("t3_results_total", "applications", c, [cell("results_total", c)],
                       [cell(r, c) for r in results]) for c in COLS]
        out += [_entry("t3_row_total", "applications", r, [cell(r, "total")],
                       [cell(r, c) for c in COLS[:-1]]) for r in st.T3_DATA_ROWS[fmt]]
    t4 = tables.get("review_litigation")
    if t4:
        cases = t4.get(st.T4_ROW, {})
        for group, _ in st.T4_GROUPS:
            parts = [cases.get(f"{group}_{o}") for o, _ in st.T4_OUTCOMES if o != "total"]
            out.append(_entry("t4_group_total", "review_litigation", group,
                              [cases.get(f"{group}_total")], parts))
    return out


CELLS = hs.one_of(
    hs.integers(-3, 60).map(lambda n: {"raw": str(n), "value": n}),
    hs.floats(0, 100, allow_nan=False).map(lambda x: {"raw": str(x), "value": x}),
    hs.sampled_from([{"raw": "", "value": None, "status": "blank"},
                     {"raw": None, "value": None, "status": "missing"}, {}, None]),
)


@hs.composite
def report_tables(draw):
    out = {}
    if draw(hs.booleans()):
        fmt = draw(hs.sampled_from(st.FORMATS))
        rows = [r for r in st.T3_DATA_ROWS[fmt] if draw(hs.integers(0, 9))]
        out["applications"] = {r: {c: draw(CELLS) for c in COLS if draw(hs.integers(0, 9))}
                               for r in rows}
    if draw(hs.booleans()):
        out["review_litigation"] = {st.T4_ROW: {k: draw(CELLS) for k in st.T4_COLUMNS
                                                if draw(hs.integers(0, 9))}}
    return out


@settings(max_examples=200, deadline=None)
@given(report_tables())
def test_checks_equal_the_reference(tables):
    assert checks.run("gov_2021", tables) == reference(tables)
