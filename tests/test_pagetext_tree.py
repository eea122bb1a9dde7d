"""The decode stage builds plain lxml elements (no lxml.html class lookup, issue 8):
pagetext.drop_tree and text_content must do what HtmlElement's methods did."""

from __future__ import annotations

import lxml.etree
import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from giar_crawler.parsing.pagetext import drop_tree, text_content
from giar_crawler.pipelines.decode import build_tree

_WORDS = st.sampled_from(["", "甲", " 乙 ", "\n", "x<!--c-->y", "&nbsp;丙"])
_TAGS = st.sampled_from(["p", "span", "div", "b", "td"])


@st.composite
def pages(draw):
    parts = ["<html><body><div id=r>"]
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(_TAGS)
        parts.append(f"{draw(_WORDS)}<{tag}>{draw(_WORDS)}<i>{draw(_WORDS)}</i></{tag}>{draw(_WORDS)}")
    parts.append("</div></body></html>")
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(pages(), st.data())
def test_drop_tree_as_lxml_html(page, data):
    plain, html = build_tree(page), lxml.html.document_fromstring(page)
    assert not isinstance(plain, lxml.html.HtmlElement)
    n = len(list(html.iter("i", "p", "span", "div", "b", "td"))) - 1  # the div#r stays
    k = data.draw(st.integers(0, n - 1)) + 1 if n else 0
    if k:
        drop_tree(list(plain.iter("i", "p", "span", "div", "b", "td"))[k])
        list(html.iter("i", "p", "span", "div", "b", "td"))[k].drop_tree()
    assert lxml.etree.tostring(plain) == lxml.etree.tostring(html)
    for a, b in zip(plain.iter(lxml.etree.Element), html.iter(lxml.etree.Element), strict=True):
        assert text_content(a) == b.text_content()


def test_drop_tree_keeps_the_tail_by_hand():
    tree = build_tree("<div>前<b>删</b>后<i>留</i></div>")
    drop_tree(tree.find(".//b"))
    assert text_content(tree.find(".//div")) == "前后留"
    drop_tree(tree.find(".//i"))
    assert lxml.etree.tostring(tree.find(".//div"), encoding=str) == "<div>前后</div>"
