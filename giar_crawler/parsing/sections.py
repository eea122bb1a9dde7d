"""The report's six sections, by canonical key, matched by ordinal and keywords.

Headings vary (`二、行政机关主动公开政府信息情况`, `2、 主动公开政府信息情况`, `五、存在的主要
问题及改进措施`, traditional script); table row labels (`三、本年度办理结果`) and sub-items
(`（一）主动公开…`, `1.通过政府网站主动公开…`) are not headings.
"""

from __future__ import annotations

import re
from functools import cache

from giar_crawler.parsing.script import both_scripts
from giar_crawler.schema.statutory import SECTION_ALIASES, SECTIONS

_CN = "一二三四五六七八九十"
# '一、' '二．' '第三部分' (Chinese ordinal) or '2、' '3.' (Arabic, exact headings only).
_ORDINAL = re.compile(
    rf"^[\s?\ufffd]*(?:第?([{_CN}]{{1,2}})(?:部分)?\s*[、.．,，:：]|第?([{_CN}]{{1,2}})部分|(\d)\s*[、.．])\s*"
)
_NESTED = re.compile(rf"^[\s?\ufffd]*[（(]([{_CN}]{{1,2}})[)）]\s*")
_HEADING_MAX = 40
_SPACE = re.compile(r"\s+")


def _cn_number(word: str) -> int:
    if word == "十":
        return 10
    if word.startswith("十"):
        return 10 + _CN.index(word[1]) + 1
    return _CN.index(word[0]) + 1


@cache
def _keywords() -> list[tuple[str, int, re.Pattern[str], re.Pattern[str]]]:
    """(key, ordinal, keyword regex, exact-heading regex) in section order."""
    out = []
    for key, (ordinal, heading, words) in sorted(SECTIONS.items(), key=lambda kv: kv[1][0]):
        names = [heading.split("、", 1)[-1], *SECTION_ALIASES.get(key, ())]
        exact = "|".join(re.escape(n) for n in names)
        out.append((
            key,
            ordinal,
            re.compile(both_scripts("|".join(re.escape(w) for w in words))),
            re.compile(both_scripts(f"(?:{exact})")),
        ))
    return out


_OPENER = re.compile(rf"[第{_CN}]|\d")  # what _ORDINAL takes after spaces and '?'
_SIGNIFICANT = re.compile(r"[^\s?\ufffd]")


def opens_heading(el) -> bool:
    """False when the element's text (itertext, whitespace normalised) cannot be a heading,
    told cheaply: _ORDINAL takes any run of spaces where the normalised text has one, and
    decides on the first _DECIDES significant characters, so a prefix of the itertext that
    holds them is enough (a leaf's text is all of it)."""
    text = el.text or ""
    if len(el):
        first = _first_significant(el)
        if first is not None and _OPENER.match(first) is None:  # most elements
            return False
        if not _decided(text):
            text = _prefix(el)
    return _ORDINAL.match(text) is not None


def _first_significant(el) -> str | None:
    """The first significant character of the element's itertext when its own text, or that
    of the first children down (an element's text comes before its children's), holds one;
    else None (not known without reading on)."""
    while True:
        m = _SIGNIFICANT.search(el.text or "")
        if m is not None:
            return m[0]
        if not len(el):
            m = _SIGNIFICANT.search(el.tail or "")  # a leaf: its tail comes next
            return m[0] if m is not None else None
        el = el[0]
        if type(el.tag) is not str:  # a comment: its text is no itertext
            return None


# _ORDINAL's longest opening past spaces and '?': 第 two numerals 部分 and a mark.
_DECIDES = 7


def _decided(text: str) -> bool:
    return len("".join(text.split()).lstrip("?\ufffd")) >= _DECIDES


def _prefix(el) -> str:
    """The element's itertext, up to where _ORDINAL is decided."""
    parts: list[str] = []
    for piece in el.itertext():
        parts.append(piece)
        if _SIGNIFICANT.search(piece) and _decided("".join(parts)):
            break
    return "".join(parts)


@cache
def _any_keyword() -> re.Pattern[str]:
    """A word or a name of any section: what a heading's text, spaces removed, holds."""
    return re.compile("|".join(f"{words.pattern}|{exact.pattern}"
                               for _, _, words, exact in _keywords()))


def may_hold_heading(text: str) -> bool:
    """False when no element whose text lies within `text` (itertext, contiguous) can be a
    heading: heading_key finds a section's word or name in it, spaces removed."""
    return _any_keyword().search("".join(text.split())) is not None


def heading_key(line: str) -> tuple[str, int] | None:
    """(canonical key, ordinal written) when the line is one of the six section headings."""
    hit = _heading(line)
    return hit[:2] if hit else None


def _heading(line: str, nested: bool = False) -> tuple[str, int, str] | None:
    """(key, ordinal, text after the heading on the same line). `nested`: accept '（二）…'
    headings, for reports whose top level is written that way."""
    if "\t" in line:  # a table row
        return None
    m = (_NESTED if nested else _ORDINAL).match(line)
    if not m:
        return None
    after = line[m.end():].strip()
    rest = _SPACE.sub("", after)
    arabic = None if nested else m[3]
    number = int(arabic) if arabic else _cn_number(m[1] or (m[2] if not nested else ""))
    for key, ordinal, words, exact in _keywords():
        if exact.match(rest):
            if arabic and number != ordinal:
                continue
            same_line = exact.match(after)
            tail = after[same_line.end():].lstrip("。.：:，, ") if same_line else ""
            return key, number, tail
        if arabic or len(rest) > _HEADING_MAX:
            continue  # '1.通过政府网站主动公开…' is a sub-item, not a heading
        if words.search(rest):
            return key, number, ""
    return None


def split(text: str) -> dict[str, str]:
    """Section text by canonical key; headings must come in the template's order.

    Reports whose top-level headings are '（一）总体情况'-style are read that way when the
    usual '一、' headings give fewer than three sections."""
    found = _split(text, nested=False)
    if len(found) < 3:
        nested = _split(text, nested=True)
        if len(nested) > len(found):
            found = nested
    return found


# Lines _heading may take (no tab: a table row): past spaces and '?' an ordinal opens. Found
# in C over the whole text (a match cannot leave its line); only those lines are read. Each
# pattern opens with the break before its line (the text is searched with one put in front):
# re scans for a literal first character fast, where "^" is tried at every position.
_OPENING_LINE = re.compile(rf"\n(?:[^\S\n\t]|[?\ufffd])*(?:第|[{_CN}]|\d)[^\t\n]*$", re.MULTILINE)
_OPENING_NESTED = re.compile(r"\n(?:[^\S\n\t]|[?\ufffd])*[（(][^\t\n]*$", re.MULTILINE)
# The same for lines stripped first (heading_key(line.strip())): tabs at either end go.
_OPENING_STRIPPED = re.compile(
    rf"\n(?:[^\S\n]|[?\ufffd])*(?:第|[{_CN}]|\d)[^\t\n]*[^\S\n]*$", re.MULTILINE
)


def _split(text: str, nested: bool) -> dict[str, str]:
    """Each section is the text from its heading's line to the next accepted heading's."""
    order = {key: ordinal for key, ordinal, _, _ in _keywords()}
    found: dict[str, str] = {}
    current: str | None = None
    tail, body = "", 0  # the current heading's text after it, where its lines start
    # Matched in "\n" + text: a match's start is its line's start in text.
    for m in (_OPENING_NESTED if nested else _OPENING_LINE).finditer("\n" + text):
        start, end = m.start(), m.end() - 1
        hit = _heading(m[0][1:], nested)
        if hit and hit[0] not in found and (current is None or order[hit[0]] > order[current]):
            if current is not None:
                found[current] = _section(tail, text[body:start - 1])
            current, tail, body = hit[0], hit[2], end + 1
            found[current] = ""
    if current is not None:
        found[current] = _section(tail, text[body:])
    return found


def _section(tail: str, lines: str) -> str:
    return (f"{tail}\n{lines}" if tail else lines).strip()


def headings_in(text: str) -> set[str]:
    """Keys of the section headings a piece of text contains (for locating the body)."""
    keys = set()
    for m in _OPENING_STRIPPED.finditer("\n" + text):
        hit = heading_key(m[0].strip())
        if hit:
            keys.add(hit[0])
    return keys
