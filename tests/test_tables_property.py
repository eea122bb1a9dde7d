"""Generated statutory tables (both formats, random values) parse back exactly, from HTML with
random spans/splits and from each flattened text form."""

from __future__ import annotations

import lxml.html
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as hs

from giar_crawler.parsing import tables
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
