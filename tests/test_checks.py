"""Accounting identities: one entry per instance, failures reported, blanks never zero."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

from giar_crawler.items import ReportItem
from giar_crawler.parsing import checks
from giar_crawler.pipelines.validate import validate
from giar_crawler.schema import statutory as st

COLS = [k for k, _ in st.T3_COLUMNS]


def num(n):
    return {"raw": str(n), "value": n}


BLANK = {"raw": "", "value": None, "status": "blank"}
TEXT = {"raw": "撤销", "value": None, "status": "text"}


def t3(fmt: str, rows: dict[str, list]) -> dict:
    """A Table 三 of zeros with the given rows (lists of 7 cells) replaced."""
    out = {r: {c: num(0) for c in COLS} for r in st.T3_DATA_ROWS[fmt]}
    for r, cells in rows.items():
        out[r] = dict(zip(COLS, cells, strict=True))
    return out


def row(*values):
    return [v if isinstance(v, dict) else num(v) for v in values]


def by(results, id_, about):
    (entry,) = [c for c in results if c["id"] == id_ and c["about"] == about]
    return entry


def test_balanced_2021_table_passes_every_instance():
    table = t3("gov_2021", {
        "new_received": row(5, 1, 0, 0, 0, 0, 6),
        "carried_over": row(1, 0, 0, 0, 0, 0, 1),
        "granted": row(3, 1, 0, 0, 0, 0, 4),
        "other_other": row(2, 0, 0, 0, 0, 0, 2),
        "results_total": row(5, 1, 0, 0, 0, 0, 6),
        "carried_forward": row(1, 0, 0, 0, 0, 0, 1),
    })
    results = checks.run("gov_2021", {"applications": table})
    assert len(results) == 7 + 7 + 25
    assert {c["outcome"] for c in results} == {"pass"}
    assert by(results, "t3_balance", "natural_person")["lhs"] == 6  # 5 + 1
    assert by(results, "t3_balance", "natural_person")["rhs"] == 6  # 5 + 1
    assert by(results, "t3_results_total", "total")["rhs"] == 6  # 4 + 2


def test_results_total_failure_is_reported_not_repaired():
    # Pingtan 2020 style: details sum to 27 while （七）总计 says 21; the balance still holds.
    table = t3("gov_2019", {
        "new_received": row(20, 0, 0, 0, 0, 0, 20),
        "granted": row(27, 0, 0, 0, 0, 0, 27),
        "results_total": row(20, 0, 0, 0, 0, 0, 20),
    })
    table["results_total"]["natural_person"] = num(21)
    table["results_total"]["total"] = num(21)
    table["new_received"]["natural_person"] = num(21)
    table["new_received"]["total"] = num(21)
    results = checks.run("gov_2019", {"applications": table})
    entry = by(results, "t3_results_total", "natural_person")
    assert entry == {"id": "t3_results_total", "table": "applications", "about": "natural_person",
                     "lhs": 21, "rhs": 27, "outcome": "fail"}
    assert by(results, "t3_balance", "natural_person")["outcome"] == "pass"
    assert table["results_total"]["natural_person"]["value"] == 21  # untouched
    assert len(results) == 7 + 7 + 23


def test_2019_sum_uses_the_single_other_handling_row():
    table = t3("gov_2019", {
        "new_received": row(2, 0, 0, 0, 0, 0, 2),
        "other_handling": row(2, 0, 0, 0, 0, 0, 2),
        "results_total": row(2, 0, 0, 0, 0, 0, 2),
    })
    results = checks.run("gov_2019", {"applications": table})
    assert by(results, "t3_results_total", "natural_person")["outcome"] == "pass"


def test_blank_or_text_operand_is_not_assessable_never_zero():
    table = t3("gov_2021", {"granted": row(BLANK, 0, 0, 0, 0, 0, 0)})
    results = checks.run("gov_2021", {"applications": table})
    # Treating the blank as 0 would make these pass; they must not be assessed.
    assert by(results, "t3_row_total", "granted")["outcome"] == "not_assessable"
    assert by(results, "t3_results_total", "natural_person")["outcome"] == "not_assessable"
    assert by(results, "t3_results_total", "natural_person")["rhs"] is None
    assert by(results, "t3_balance", "natural_person")["outcome"] == "pass"


def test_review_litigation_groups():
    values = [2, 1, 3, 1, 7, 0, 0, 0, 0, 1, TEXT, 0, 0, 0, 0]
    cases = {k: (v if isinstance(v, dict) else num(v)) for k, v in zip(st.T4_COLUMNS, values,
                                                                        strict=True)}
    results = checks.run("gov_2021", {"review_litigation": {"cases": cases}})
    assert [(c["about"], c["outcome"]) for c in results] == [
        ("review", "pass"), ("litigation_direct", "fail"),
        ("litigation_after_review", "not_assessable")]
    assert by(results, "t4_group_total", "litigation_direct")["lhs"] == 1
    assert by(results, "t4_group_total", "litigation_direct")["rhs"] == 0


def test_no_tables_no_checks():
    assert checks.run("pre_2019", {}) == []


def test_validate_flags_identity_failures():
    cases = {k: num(1) for k in st.T4_COLUMNS}  # total 1 ≠ 1+1+1+1
    item = ReportItem(url="http://x/", format="gov_2021",
                      tables={"review_litigation": {"cases": cases}})
    validate(item)
    assert item.has_flag("identity_failed")
    assert all(c["outcome"] == "fail" for c in item.checks)


# -- property: consistent tables pass, one changed cell fails exactly its identities ------


@hs.composite
def consistent_t3(draw):
    fmt = draw(hs.sampled_from(st.FORMATS))
    rows = st.T3_DATA_ROWS[fmt]
    details = [r for r in rows if r not in ("new_received", "carried_over", "results_total",
                                            "carried_forward")]
    table = {r: {} for r in rows}
    for col in COLS[:-1]:
        for r in details:
            table[r][col] = draw(hs.integers(0, 50))
        total = sum(table[r][col] for r in details)
        forward = draw(hs.integers(0, 20))
        carried = draw(hs.integers(0, total + forward))
        table["results_total"][col] = total
        table["carried_forward"][col] = forward
        table["carried_over"][col] = carried
        table["new_received"][col] = total + forward - carried
    for r in rows:
        table[r]["total"] = sum(table[r][c] for c in COLS[:-1])
    return fmt, {r: {c: num(v) for c, v in cols.items()} for r, cols in table.items()}


@settings(max_examples=30, deadline=None)
@given(consistent_t3(), hs.data())
def test_one_changed_detail_cell_fails_its_row_and_column(case, data):
    fmt, table = case
    assert {c["outcome"] for c in checks.run(fmt, {"applications": table})} == {"pass"}
    details = [r for r in st.T3_DATA_ROWS[fmt] if r not in (
        "new_received", "carried_over", "results_total", "carried_forward")]
    row = data.draw(hs.sampled_from(details))
    col = data.draw(hs.sampled_from(COLS[:-1]))
    table[row][col] = num(table[row][col]["value"] + data.draw(hs.integers(1, 9)))
    failed = {(c["id"], c["about"]) for c in checks.run(fmt, {"applications": table})
              if c["outcome"] == "fail"}
    assert failed == {("t3_results_total", col), ("t3_row_total", row)}
