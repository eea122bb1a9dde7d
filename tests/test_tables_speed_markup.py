"""The one-pass table reader (`markup.page_rows`, libxslt) reads exactly what the element by
element reader (`grid.table_rows` over `grid.tables_in`) reads, on generated markup with
nested tables, scripts, styles, comments, odd spans, odd whitespace and the separators."""

from __future__ import annotations

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from giar_crawler.parsing.tables import grid, markup

SEPARATORS = [markup.TABLE, markup.ROW, markup.FIELD, markup.END, "\ue002",
              # forgeries: a whole cell, a row of one cell, a table of one row
              markup.FIELD * 3, f"{markup.ROW}1{markup.FIELD * 3}",
              f"{markup.TABLE}1{markup.ROW}0", f"{markup.END}1"]
WORDS = ["规章", "12", " 3 ", "\u3000总计\xa0", "a\u200bb", "", "\t\n", "&nbsp;", "&#xE001;x",
         *SEPARATORS]
SPANS = ["2", "0", " 3", "2;", '"2"', "x", "", " ", "\u200b2", "\ue0022", "\ue001", "1\ue003",
         "\ue003\ue003\ue003", "\ue003\ue003\ue003\ue001\ue003"]


def _cell_body(draw, depth: int) -> str:
    parts = []
    for _ in range(draw(hs.integers(0, 3))):
        kind = draw(hs.sampled_from(["text", "p", "script", "style", "comment", "table", "br"]))
        word = draw(hs.sampled_from(WORDS))
        if kind == "text":
            parts.append(word)
        elif kind == "p":
            parts.append(f"<p>{word}<span>{draw(hs.sampled_from(WORDS))}</span></p>{word}")
        elif kind == "script":
            parts.append(f"<script>var x = '{word}';</script>{word}")
        elif kind == "style":
            parts.append(f"<style>p {{}}</style>{word}")
        elif kind == "comment":
            parts.append(f"<!--[if gte mso 9]>{word}<![endif]-->{word}")
        elif kind == "table" and depth < 2:
            parts.append(_table(draw, depth + 1))
        else:
            parts.append("<br/>")
    return "".join(parts)


def _attrs(draw) -> str:
    out = ""
    for name in ("colspan", "rowspan"):
        if draw(hs.booleans()):
            out += f' {name}="{draw(hs.sampled_from(SPANS))}"'
    return out


def _table(draw, depth: int = 0) -> str:
    rows = []
    for _ in range(draw(hs.integers(0, 4))):
        cells = "".join(
            f"<{tag}{_attrs(draw)}>{_cell_body(draw, depth)}</{tag}>"
            for tag in draw(hs.lists(hs.sampled_from(["td", "th"]), max_size=4)))
        rows.append(f"<tr>{cells}</tr>")
    body = "".join(rows)
    if draw(hs.booleans()):
        body = f"<tbody>{body}</tbody>"
    return f"<table>{body}</table>"


@hs.composite
def pages(draw) -> str:
    blocks = [draw(hs.sampled_from(["<p>正文</p>", "<p>\ue000</p>", ""]))]
    for _ in range(draw(hs.integers(0, 3))):
        blocks.append(_table(draw))
    return "<div>" + "".join(blocks) + "</div>"


def _reference(element) -> list:
    return [grid.table_rows(t) for t in grid.tables_in(element)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), hs.booleans())
def test_one_pass_reads_what_element_by_element_reads(page, inner):
    root = lxml.html.fromstring(page)
    element = root.find(".//table") if inner and root.find(".//table") is not None else root
    assert markup.page_rows(element) == _reference(element)


def test_separator_in_the_text_or_a_span_falls_back():
    fields = markup.FIELD * 3  # would read as one more cell
    for markup_ in (f"<td>a{fields}b</td>", f'<td colspan="{fields}">a</td>'):
        root = lxml.html.fromstring(f"<div><table><tr>{markup_}</tr></table></div>")
        assert markup._tables(root) is None
        assert markup.page_rows(root) == _reference(root)
        assert len(markup.page_rows(root)[0][0]) == 1


def test_whole_table_and_nothing():
    assert markup.page_rows(None) == []
    table = lxml.html.fromstring("<table><tr><td rowspan=2>1</td><td>x</td></tr>"
                                 "<tr><td>y</td></tr></table>")
    assert markup.page_rows(table) == [grid.table_rows(table)]


def test_not_an_element_reads_no_tables():
    root = lxml.html.fromstring("<div><!-- x --><table><tr><td>1</td></tr></table></div>")
    assert markup.page_rows(root[0]) == [] == _reference(root[0])
