"""The content stage's shortcuts give what the plain versions gave (issue 8): one rendering of
the page cut for every reading, rows normalised together, whole-text scans before per-line
ones. The references below are the stage's code as it was."""

from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bench.corpus import report_pages
from bench.timing import new_item
from giar_crawler.parsing import content, encoding, metadata, pagekind, sections
from giar_crawler.parsing.pagetext import (
    BLOCK_TAGS,
    CELL_SEP,
    DROP_TAGS,
    PageText,
    spaces,
    text_content,
)
from giar_crawler.parsing.script import both_scripts
from giar_crawler.pipelines.decode import decode
from giar_crawler.schema import page as vocab

# --- the reference walk ------------------------------------------------------------------

_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def _ref_cell(cell) -> str:
    if len(cell):
        parts: list[str] = []
        _ref_walk(cell, parts, in_cell=True)
        raw = "".join(parts)
    else:
        raw = f"{cell.text or ''} {cell.tail or ''}"
    text = " ".join(spaces(raw).split())
    return _CJK_GAP.sub("", text) if " " in text else text


def _ref_row(tr, rows):
    line = rows.get(tr) if rows is not None else None
    if line is None:
        if tr.find(".//table") is not None or len(text_content(tr)) > 1000:
            line = ""
        else:
            cells = [_ref_cell(c) for c in tr if c.tag == "td" or c.tag == "th"]
            line = "\n" + CELL_SEP.join(cells) + "\n"
        if rows is not None and next(tr.iterancestors("table"), None) is not None:
            rows[tr] = line
    return line


def _ref_walk(el, parts, in_cell=False, skip=None, rows=None):
    tag = el.tag
    if type(tag) is not str or tag in DROP_TAGS or el is skip:
        if el.tail:
            parts.append(el.tail)
        return
    line = _ref_row(el, rows) if tag == "tr" and not in_cell else ""
    if line:
        parts.append(line)
    else:
        block = tag in BLOCK_TAGS
        mark = " " if in_cell else "\n"
        if block:
            parts.append(mark)
        if el.text:
            parts.append(el.text)
        for child in el:
            _ref_walk(child, parts, in_cell, skip, rows)
        if block:
            parts.append(mark)
    if el.tail:
        parts.append(el.tail)


def _ref_clean_lines(text: str, drop_chrome: bool = True) -> str:
    lines = []
    for raw in text.split("\n"):
        if "\t" in raw:
            line = "\t".join(" ".join(cell.split()) for cell in raw.split("\t"))
            if line.strip():
                lines.append(line)
            continue
        line = " ".join(raw.split())
        if line and not (drop_chrome and (content.is_chrome_line(line) or content.is_spam_line(line))):
            lines.append(line)
    return "\n".join(lines)


def _ref_clean_text(element, drop_chrome=True, skip=None, rows=None) -> str:
    parts: list[str] = []
    _ref_walk(element, parts, skip=skip, rows=rows)
    return _ref_clean_lines(spaces("".join(parts)).replace(CELL_SEP, "\t"), drop_chrome)


# --- random pages ------------------------------------------------------------------------

_WORDS = ["一、总体情况", "二、主动公开政府信息情况", "第三部分", "３.", "四", "、", "商业", "企业", "abc", "1.5", "打印本页", "扫一扫",
          "附件", "?", "2023年", "百家乐", "\ufdd0", "\ufdd1"]
_SPACE = [" ", "  ", "\t", "\n", "\xa0", "\u3000", "\r", "\u200b", "\ufeff", "\u2003", "\x85"]
_text = st.lists(st.sampled_from(_WORDS + _SPACE), max_size=5).map("".join)
_TAGS = ["div", "p", "span", "a", "font", "br", "table", "tbody", "tr", "td", "th", "script",
         "style", "li", "b", "section", "!comment"]
_CLASSES = ["", "TRS_Editor", "share", "attach", "fujian", "title", "article_title"]


def _node():
    return st.tuples(st.sampled_from(_TAGS), _text, _text, st.sampled_from(_CLASSES))


_tree = st.recursive(
    st.tuples(_node(), st.just([])),
    lambda children: st.tuples(_node(), st.lists(children, max_size=4)),
    max_leaves=30,
)


def _build(parent, spec) -> None:
    (tag, text, tail, cls), children = spec
    if tag == "!comment":
        el = etree.Comment(text.replace("--", "").rstrip("-"))
        parent.append(el)
    else:
        el = etree.SubElement(parent, tag)
        el.text = text or None
        if cls:
            el.set("class", cls)
        for child in children:
            _build(el, child)
    el.tail = tail or None


def _page(specs) -> lxml.html.HtmlElement:
    root = lxml.html.document_fromstring("<html><head><title>t</title></head><body></body></html>")
    body = root.find("body")
    for spec in specs:
        _build(body, spec)
    return root


@settings(max_examples=300, deadline=None)
@given(st.lists(_tree, max_size=4), st.integers(0, 10_000))
def test_every_reading_is_the_walks(specs, pick):
    root = _page(specs)
    page = PageText(root)
    elements = list(root.iter())
    skip = elements[pick % len(elements)]
    for el in elements:
        assert content.page_text(page, el, drop_chrome=False) == _ref_clean_text(el, False, None, {})
        assert content.page_text(page, el) == _ref_clean_text(el, True, None, {})
    assert content.page_text(page, root, False, skip) == _ref_clean_text(root, False, skip, {})


@settings(max_examples=300, deadline=None)
@given(st.lists(_tree, max_size=4), st.integers(0, 10_000))
def test_text_after_stripping_is_the_walks(specs, pick):
    root = _page(specs)
    page = PageText(root)
    candidates = [el for el in root.iter() if isinstance(el.tag, str)]
    body = candidates[pick % len(candidates)]
    rows: dict = {}  # the reference cache, filled by the readings made before stripping
    _ref_clean_text(body, False, None, rows)
    _ref_clean_text(root, False, body, rows)
    stripped = content.strip_chrome(body)
    assert content.text_without(page, body, stripped.dropped) == _ref_clean_text(body, rows=rows)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + _SPACE + ["\t", "\n"]), max_size=30).map("".join),
       st.booleans())
def test_clean_lines_is_the_line_by_line_version(text, drop_chrome):
    assert content.clean_lines(text, drop_chrome) == _ref_clean_lines(text, drop_chrome)


def test_clean_lines_knows_every_space_split_does():
    every = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
    text = f"a{every}b\tc{every}\t{every}d\n{every}"
    assert content.clean_lines(text, False) == _ref_clean_lines(text, False)


# --- scans -------------------------------------------------------------------------------

_PHRASES = [(content._SPAM, vocab.SPAM), (pagekind._ABUSE, vocab.REPORT_ABUSE),
            (pagekind._FARM, vocab.CONTENT_FARM)]
_phrase_words = sorted({w for _, p in _PHRASES for w in re.findall(r"[^|()?:]+", p)})


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_phrase_words),
                          st.sampled_from(_phrase_words).map(str.upper),
                          st.text(alphabet="bBaAkK体體娛时時网下 \n", max_size=3)),
                max_size=6).map("".join))
def test_phrases_find_what_the_pattern_finds(text):
    for phrases, _ in _PHRASES:
        assert phrases.search(text) == bool(phrases.regex.search(text))


def test_phrases_fall_back_on_patterns_they_cannot_split():
    assert content._alternatives(r"a\d|b") is None
    assert content._alternatives("[ab]c|d") is None
    assert content._alternatives("a?b|c") is None
    assert content._alternatives("a+b|c") is None
    assert content._alternatives("ab(c|d)|ef") == ["ab(c|d)", "ef"]
    for pattern, text in (("ab(c|d)|ef|g", "xxgz"), ("ab(c|d)|ef|g", "abd"), ("ab|c", "ac")):
        phrases = content.Phrases(pattern)
        assert phrases.fast is not phrases.regex
        assert phrases.search(text) == bool(re.search(pattern, text))
    assert not content.Phrases("ab|cd").search("ad cb")


@settings(max_examples=1000, deadline=None)
@given(st.lists(_tree, max_size=3))
def test_a_heading_opens_as_its_text_does(specs):
    root = _page(specs)
    for el in root.iter(etree.Element):
        if (text := content.short_text(el, 60)) and sections.heading_key(text):
            assert sections.opens_heading(el)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(list("年月自至将將中，,。；、 \n\t底0举舉无無x")), max_size=14).map("".join))
def test_blanked_years_count_as_findall(text):
    pattern = re.compile(both_scripts(vocab.BLANKED_YEAR), re.MULTILINE)
    assert pagekind._blanked_years(text) == len(pattern.findall(text))


# --- the fixture pages -------------------------------------------------------------------


@pytest.mark.parametrize("page", report_pages(), ids=lambda p: p.url.rsplit("/", 1)[-1])
def test_fixture_pages_read_as_before(page):
    item = new_item(page)
    decode(item)
    tree = item.tree
    rendered = PageText(tree)
    body = content.find_body(tree, rendered)
    assert body.lines() == _ref_clean_text(body.element, False, None, {}).split("\n")
    rows: dict = {}
    _ref_clean_text(body.element, False, None, rows)
    outside = _ref_clean_text(tree.find("body"), False, body.element, rows).split("\n")
    expected = [ln for ln in outside + body.lines() if len(ln) <= 400]
    assert content.page_lines(tree, body) == expected
    stripped = content.strip_chrome(body.element, item.url)
    assert content.text_without(rendered, body.element, stripped.dropped) == _ref_clean_text(
        body.element, rows=rows)
    assert content.page_attachments(tree, body.element, item.url, rendered.named) == (
        content.page_attachments(tree, body.element, item.url))
    item.content = body.element
    assert metadata.find_title(item, None, rendered.named) == metadata.find_title(item)


def _ref_headings_in(text: str) -> set[str]:
    return {hit[0] for line in text.split("\n") if (hit := sections.heading_key(line.strip()))}


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["一、", "二、", "3.", "第四部分", "五、", "六、", "总体情况", "主动公开政府信息情况",
                                 "其他需要报告的事项", "\n", " ", "\u3000", "?", "\ufffd", "\t", "\r", "x", "（一）"]),
                max_size=14).map("".join))
def test_headings_in_finds_the_lines_heading_key_finds(text):
    assert sections.headings_in(text) == _ref_headings_in(text)


def _ref_split_one(text: str, nested: bool) -> dict[str, str]:
    order = {key: ordinal for key, ordinal, _, _ in sections._keywords()}
    found: dict[str, list[str]] = {}
    current = None
    for line in text.split("\n"):
        hit = sections._heading(line, nested)
        if hit and hit[0] not in found and (current is None or order[hit[0]] > order[current]):
            current = hit[0]
            found[current] = [hit[2]] if hit[2] else []
            continue
        if current is not None:
            found[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


_section_pieces = st.sampled_from([
    "一、总体情况", "一、总体情况。2023年，本局", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "2、主动公开",
    "（一）总体情况", "（二）主动公开政府信息情况", "(三)收到和处理政府信息公开申请情况", "一、总体情况\t3",
    "正文", " ", "\n", "\t", "?", "\u3000", "\r"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_section_pieces, max_size=16).map("".join), st.booleans())
def test_split_cuts_the_sections_the_line_loop_found(text, nested):
    assert sections._split(text, nested) == _ref_split_one(text, nested)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + _SPACE + ["\t", "\n", "网站标识码", "关闭窗口"]), max_size=30).map("".join))
def test_chrome_lines_leave_a_clean_text_as_clean_lines_does(text):
    read = content.clean_lines(text, drop_chrome=False)
    assert content.without_chrome_lines(read) == content.clean_lines(read) == _ref_clean_lines(text)


@pytest.mark.parametrize("head", [
    "", '<meta http-equiv="Refresh" content=" 0; url=/x ">', '<meta http-equiv="REFRESH">',
    '<meta http-equiv="refresh" content="">', '<meta http-equiv="rEfResH" content="5">',
    '<meta http-equiv="Content-Type" content="text/html">',
])
@pytest.mark.parametrize("form", ["", '<input type="password">', '<input type="Password">',
                                  '<input type="text"><input type="password" name="p">'])
def test_refresh_and_password_read_as_the_xpaths(head, form):
    tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{form}<p>x</p></body></html>")
    refresh = tree.xpath("//meta[translate(@http-equiv, 'REFSH', 'refsh')='refresh']/@content")
    assert pagekind._refresh(tree) == refresh
    assert pagekind._has_password(tree) == bool(tree.xpath("//input[@type='password']"))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["?", "??", "\ufffd", "中", "a", "\n", " ", "文"]), max_size=12).map("".join))
def test_lost_characters_need_a_question_mark_or_a_replacement_character(text):
    if "?" not in text and "\ufffd" not in text:
        assert encoding.lost_characters(text) == 0
