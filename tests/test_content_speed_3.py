"""The content stage's third round of shortcuts gives what the plain versions gave (issue 8):
headings looked for only where a section's word is, a heading's opening read from a prefix,
chrome lines tested where they may be, phrases and periods by patterns that open with one
class. The references below are the stage's code (or pattern) as it was."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bench.corpus import report_pages
from bench.timing import new_item
from giar_crawler.parsing import content, metadata, sections
from giar_crawler.parsing.script import compile_both
from giar_crawler.pipelines.decode import decode
from giar_crawler.schema import page as vocab
from tests.test_content_speed import _CLASSES, _SPACE, _TAGS, _WORDS, _build, _ref_clean_lines

# Headings of four sections, whole or cut where markup may cut them, and figures.
_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "4. 复议",
             "五", "、", "存在的主要问题", "其他需要报告的事项", "0", "12", "3", "第", "部分", "（一）"]
_text = st.lists(st.sampled_from(_WORDS + _HEADINGS + _SPACE), max_size=4).map("".join)
_node = st.tuples(st.sampled_from([*_TAGS, "td", "tr", "p", "h2", "strong"]), _text, _text,
                  st.sampled_from(_CLASSES))
_tree = st.recursive(st.tuples(_node, st.just([])),
                     lambda children: st.tuples(_node, st.lists(children, max_size=4)),
                     max_leaves=30)


def _page(specs):
    root = etree.fromstring("<html><head><title>t</title></head><body></body></html>",
                            etree.HTMLParser())
    body = root.find("body")
    for spec in specs:
        _build(body, spec)
    return root

_HEADING_TAGS = (*content._TEXT_BLOCKS, "td", "th")


def _ref_around_headings(root):
    carriers, keys = [], set()
    for el in root.iter(*_HEADING_TAGS):
        text = content.short_text(el, 60)
        hit = sections.heading_key(text) if text else None
        if hit:
            carriers.append(el)
            keys.add(hit[0])
    return content.common_ancestor(carriers) if len(keys) >= 3 else None


def _normalised(el) -> str:
    return " ".join("".join(el.itertext()).split())


@settings(max_examples=1000, deadline=None)
@given(st.lists(_tree, max_size=3))
def test_a_heading_opens_exactly_as_its_text_does(specs):
    root = _page(specs)
    for el in root.iter(etree.Element):
        assert sections.opens_heading(el) == bool(sections._ORDINAL.match(_normalised(el)))


@settings(max_examples=500, deadline=None)
@given(st.lists(_tree, max_size=5))
def test_heading_blocks_are_the_iteration_less_rows_without_headings(specs):
    root = _page(specs)
    body = root.find("body")
    kept = content._heading_blocks(body)
    every = list(body.iter(*_HEADING_TAGS))
    assert [el for el in every if any(k is el for k in kept)] == kept
    for el in every:
        if not any(k is el for k in kept) and (text := content.short_text(el, 60)):
            assert sections.heading_key(text) is None


_FULL_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
# Headings put into a random page: (heading, where, as what element).
_placed = st.lists(st.tuples(st.sampled_from(_FULL_HEADINGS), st.integers(0, 1000),
                             st.sampled_from(["p", "h2", "td", "span", "div"])), max_size=6)


def test_around_headings_is_the_walks():
    found: list[bool] = []

    @settings(max_examples=500, deadline=None)
    @given(st.lists(_tree, max_size=5), _placed)
    def check(specs, placed):
        body = _page(specs).find("body")
        for heading, where, tag in placed:
            elements = list(body.iter(etree.Element))
            etree.SubElement(elements[where % len(elements)], tag).text = heading
        block = _ref_around_headings(body)
        found.append(block is not None)
        assert content._around_headings(body) is block

    check()
    assert sum(found) >= 100  # tested on pages that have a heading block


@pytest.mark.parametrize("page", report_pages(), ids=lambda p: p.url.rsplit("/", 1)[-1])
def test_fixture_pages_find_the_same_heading_block(page):
    item = new_item(page)
    decode(item)
    root = item.tree.find(".//body")
    assert content._around_headings(root) is _ref_around_headings(root)


# Code in a line (CODE_LINE), long lines (past CHROME_LINE_MAX), chrome and spam.
_LINE_WORDS = ["var x = 1", "{a: b}", "{", "}", "$(", "jQuery(", "function f(", "document.", "window.",
               " ", "\t", "\n", "\u3000", "本机关" * 30, "网站标识码", "打印本页", "百家乐", "bet365", "一、总体情况",
               "abc", ":"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_LINE_WORDS), max_size=12).map("".join))
def test_chrome_lines_go_as_line_by_line(text):
    assert content.clean_lines(text) == _ref_clean_lines(text)
    read = content.clean_lines(text, drop_chrome=False)
    assert content.without_chrome_lines(read) == _ref_clean_lines(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*_LINE_WORDS, "x", "=", "(", ".", "$", "jQuery", "document"]),
                max_size=10).map("".join))
def test_every_code_line_holds_a_code_mark(line):
    # content._no_chrome skips the CODE_LINE search in texts without any of vocab.CODE_MARKS.
    if re.search(vocab.CODE_LINE, line):
        assert any(mark in line for mark in vocab.CODE_MARKS)


def test_code_marks_by_hand():
    # Past CHROME_LINE_MAX, where only the code test can drop a line.
    pad = "x" * vocab.CHROME_LINE_MAX
    for line in (f"$('#share-1').share({pad});", f"img#imgConac {{height: 55px; {pad}}}",
                 f"var a = {pad}", f"  function go({pad})", f"window.open({pad})",
                 f"document.write({pad})", f"jQuery({pad})"):
        assert re.search(vocab.CODE_LINE, line)
        assert content.without_chrome_lines(f"一、总体情况\n{line}") == "一、总体情况"


def test_no_whitespace_past_the_listed_range():
    # content._SPACE_RUN and pagetext._ANY_SPACE list str.split's whitespace up to U+3000.
    assert not any(chr(c).isspace() for c in range(0x3001, 0x110000))


_PHRASE_PATTERNS = [("ab(c|d)|ef", 0), ("a+b|c", 0), ("x(?:y|z)?w|yy", 0),
                    ("体育(?:网址|官网)|AG真人|bet365", re.IGNORECASE), ("范文|文库|文档下载", 0)]


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(_PHRASE_PATTERNS),
       st.text(alphabet="abcdefwxyzABCGKk\u212a体體育网網址官AG真人bet365范文库庫档檔下载 \n", max_size=12))
def test_phrases_are_their_pattern(pattern, text):
    phrases = content.Phrases(*pattern)
    assert phrases.search(text) == bool(phrases.regex.search(text))


_PERIOD_WORDS = ["自", "从", "從", "期", "期限", "期限为", "期限為", "限", "为", "2023", "1923", "年", "1", "月", "日",
                 " ", "\n", "起", "x"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_WORDS), max_size=16).map("".join))
def test_period_year_is_the_pattern_as_written(text):
    written = compile_both(r"(?:自|从|期限为?)\s*((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日")
    got, want = metadata._PERIOD_YEAR.search(text), written.search(text)
    assert (got and (got.span(), got[1])) == (want and (want.span(), want[1]))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "\t", "北京市人民政府", "\u3000"]), max_size=30).map("".join))
def test_last_lines_are_the_last_of_all(text):
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    assert metadata._last_lines(text, 8) == list(reversed(lines[-8:]))


def test_common_ancestor_by_hand():
    root = etree.fromstring("<div id='a'><div id='b'><p id='c'/><p id='d'/></div><p id='e'/></div>")
    c, d, e = (root.find(f".//*[@id='{n}']") for n in "cde")
    assert content.common_ancestor([c, d]).get("id") == "b"
    assert content.common_ancestor([c, d, e]) is root
    assert content.common_ancestor([root]) is None
