"""Generated statutory tables (both formats, random values) parse back exactly, from HTML with
random spans/splits and from each flattened text form."""

from __future__ import annotations

from itertools import combinations, pairwise

import lxml.html
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as hs

from giar_crawler.parsing import tables
from giar_crawler.parsing.tables import glued
from tests import statutory_gen as gen

# Modest and unshrunk: a failure prints its (large) example at once instead of spending
# minutes shrinking it inside the CI budget.
SETTINGS = settings(max_examples=25, deadline=None,
                    phases=(Phase.explicit, Phase.reuse, Phase.generate),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check(result, rep):
    assert result.format == rep.fmt
    assert result.tables == rep.expected
    assert [c for c, _ in result.flags if c != "table_incomplete"] == []


@SETTINGS
@given(hs.data())
def test_html_with_random_spans_and_splits(data):
    rep = data.draw(gen.report())
    markup = gen.html(data.draw, rep)
    _check(tables.parse(lxml.html.fromstring(markup), ""), rep)


@SETTINGS
@given(gen.report(trailing_blanks=False), hs.integers(0, 3))
def test_pipe_separated_text(rep, pad):
    _check(tables.parse(None, gen.pipe_text(rep, pad)), rep)


@SETTINGS
@given(gen.report(), hs.booleans())
def test_tab_separated_text(rep, one_per_line):
    _check(tables.parse(None, gen.tab_text(rep, one_per_line)), rep)


@SETTINGS
@given(gen.report(blanks=False))
def test_one_cell_per_line_text(rep):
    _check(tables.parse(None, gen.line_text(rep)), rep)


DENIED = [r for r in gen.st.T3_ROWS if r[3] == "denied"]


@SETTINGS
@given(hs.lists(hs.lists(hs.integers(0, 300), min_size=6, max_size=6),
                min_size=len(DENIED), max_size=len(DENIED)))
def test_rows_glued_on_one_line_are_read_exactly_or_left_unread(counts):
    # statutory_format.md §3.7: label, digits and the next row's ordinal run together.
    line = "".join(label + "".join(map(str, [*six, sum(six)]))
                   for (_k, label, *_r), six in zip(DENIED, counts, strict=True))
    text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n（三）不予公开\n" + line
    got = tables.parse(None, text)
    columns = [k for k, _ in gen.st.T3_COLUMNS]
    for (key, *_r), six in zip(DENIED, counts, strict=True):
        row = got.tables["applications"][key]
        if row["natural_person"].get("status") == "glued":
            assert all(cell["value"] is None for cell in row.values())
        else:
            assert [row[c]["value"] for c in columns] == [*six, sum(six)]
    codes = [c for c, _ in got.flags if c in ("digits_resegmented", "glued_digits")]
    assert len(codes) == len(DENIED)



def _every_cut(digits: str, groups: int, width: int) -> list[list[int]]:
    """Brute force: every cut into groups × width counts (no leading zeros, under a million)
    whose runs each end in the sum of the others."""
    found = []
    for inner in combinations(range(1, len(digits)), groups * width - 1):
        parts = [digits[a:b] for a, b in pairwise([0, *inner, len(digits)])]
        if any(len(p) > 6 or (len(p) > 1 and p[0] == "0") for p in parts):
            continue
        nums = list(map(int, parts))
        runs = [nums[g * width:(g + 1) * width] for g in range(groups)]
        if all(r[-1] == sum(r[:-1]) for r in runs):
            found.append(nums)
    return found


@hs.composite
def _glued_digits(draw, groups: int, width: int) -> str:
    """A row's digits run together: real counts (small, so cuts are often ambiguous), or
    noise."""
    if draw(hs.booleans()):
        return draw(hs.text("0123456789", min_size=groups * width, max_size=groups * width + 4))
    out = ""  # at most 18 digits, so the brute force stays quick
    for _ in range(groups):
        parts = draw(hs.lists(hs.integers(0, 30 if groups == 1 else 9),
                              min_size=width - 1, max_size=width - 1))
        out += "".join(map(str, [*parts, sum(parts)]))
    return out


@SETTINGS
@given(hs.sampled_from([(1, 7), (3, 5)]), hs.data())
def test_resegment_is_the_single_cut_brute_force_finds(shape, data):
    groups, width = shape
    digits = data.draw(_glued_digits(groups, width))
    every = _every_cut(digits, groups, width)
    assert glued.resegment(digits, groups, width) == (every[0] if len(every) == 1 else None)
