"""Every cell of the statutory tables of the seeds and real samples, against hand-typed values."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from giar_crawler.parsing import checks, tables
from giar_crawler.parsing.script import to_simplified
from giar_crawler.schema import statutory as st
from tests.golden import statutory as golden

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

# Cells whose value is not the plain number of their text (typed by hand from the page).
SPECIAL = {
    "42项(xiàng)": (42, "项", None),
    "156.32万(wàn)元": (156.32, "万元", None),
    "251000元": (251000, "元", None),
    "18651.06": (18651.06, "万元", None),
    "撤销": (None, None, "text"),
}


def _html(name: str):
    return lxml.html.fromstring((SHARED / "samples" / name).read_text(encoding="utf-8"))


def _seed(prefix: str) -> str:
    path = next((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    return to_simplified(path.read_text(encoding="utf-8"))  # as the script stage does


CASES = {
    "pingtan_2024": (lambda: tables.parse(_html("pingtan_2024_annual_report_trs_fujian.html"), ""),
                     golden.PINGTAN_2024),
    "shanghai_2019": (
        lambda: tables.parse(_html("shanghai_bgt_2019_annual_report_content_fragment.html"), ""),
        golden.SHANGHAI_2019),
    "seed_000": (lambda: tables.parse(None, _seed("000")), golden.SEED_000),
    "seed_001": (lambda: tables.parse(None, _seed("001")), golden.SEED_001),
    "seed_002": (lambda: tables.parse(None, _seed("002")), golden.SEED_002),
    "seed_004": (lambda: tables.parse(None, _seed("004")), golden.SEED_004),
}


def expect(raw: str | None, column_unit: str | None = None) -> dict:
    if raw is None:
        return {"raw": None, "value": None, "status": "missing"}
    if raw == "":
        return {"raw": "", "value": None, "status": "blank"}
    if raw in SPECIAL:
        value, unit, status = SPECIAL[raw]
        out = {"raw": raw, "value": value}
        if unit:
            out["unit"] = unit
        if status:
            out["status"] = status
        return out
    out = {"raw": raw, "value": int(raw)}
    if column_unit:
        out["unit"] = column_unit
    return out


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request):
    run, want = CASES[request.param]
    return request.param, run(), want


def test_format(case):
    _name, got, want = case
    assert got.format == want["format"]


def test_active_disclosure_every_cell(case):
    _name, got, want = case
    fmt = "gov_2019" if "art20_9" in want["active_disclosure"] else "gov_2021"
    table = got.tables["active_disclosure"]
    assert set(table) == set(st.T2_COLUMNS[fmt])
    for block, rows in want["active_disclosure"].items():
        columns = st.T2_COLUMNS[fmt][block]
        assert set(table[block]) == set(rows)
        for row, raws in rows.items():
            for (col, _l, _k, unit, _s), raw in zip(columns, raws, strict=True):
                assert table[block][row][col] == expect(raw, unit), (block, row, col)


def test_applications_every_cell(case):
    _name, got, want = case
    rows = golden.T3_2019_ROWS if want["format"] == "gov_2019" else golden.T3_2021_ROWS
    table = got.tables["applications"]
    assert list(table) == rows
    for row, raws in zip(rows, want["applications"], strict=True):
        for col, raw in zip(golden.T3_COLS, raws, strict=True):
            assert table[row][col] == expect(raw), (row, col)


def test_review_litigation_every_cell(case):
    _name, got, want = case
    cases = got.tables["review_litigation"]["cases"]
    assert list(cases) == list(st.T4_COLUMNS)
    for col, raw in zip(st.T4_COLUMNS, want["review_litigation"], strict=True):
        assert cases[col] == expect(raw), col


def test_check_outcomes(case):
    name, got, _want = case
    results = checks.run(got.format, got.tables)
    n_rows = len(got.tables["applications"])
    assert len(results) == 7 + 7 + n_rows + 3
    expected = golden.CHECKS[name]
    for c in results:
        assert c["outcome"] == expected.get((c["id"], c["about"]), "pass"), c


def test_seed_001_flags_the_format_mismatch_and_missing_cells():
    got = CASES["seed_001"][0]()
    codes = {code for code, _ in got.flags}
    assert {"format_mismatch", "table_incomplete"} <= codes


def test_seed_003_is_pre_2019_without_tables():
    got = tables.parse(None, _seed("003"))
    assert got.format == "pre_2019"
    assert got.tables == {}


def test_clean_samples_raise_no_flags():
    for name in ("pingtan_2024", "shanghai_2019", "seed_000", "seed_002", "seed_004"):
        assert CASES[name][0]().flags == [], name


@pytest.mark.parametrize(("sample", "name"), [
    ("pingtan_2024_annual_report_trs_fujian.html", "pingtan_2024"),
    ("shanghai_bgt_2019_annual_report_content_fragment.html", "shanghai_2019"),
])
def test_whole_pipeline_on_the_saved_page(sample, name):
    # What `python -m giar_crawler.parse FILE` prints: the same cells and checks.
    from giar_crawler.parse import parse_file

    record = parse_file(SHARED / "samples" / sample)
    want = CASES[name][1]
    assert record["format"] == want["format"]
    t3 = record["tables"]["applications"]
    rows = golden.T3_2019_ROWS if want["format"] == "gov_2019" else golden.T3_2021_ROWS
    for row, raws in zip(rows, want["applications"], strict=True):
        assert [t3[row][c]["raw"] for c in golden.T3_COLS] == raws, row
    cases = record["tables"]["review_litigation"]["cases"]
    assert [cases[c]["raw"] for c in st.T4_COLUMNS] == want["review_litigation"]
    assert not [c for c in record["checks"] if c["outcome"] == "fail"]
