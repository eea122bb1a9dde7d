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


def _split(text: str, nested: bool) -> dict[str, str]:
    order = {key: ordinal for key, ordinal, _, _ in _keywords()}
    found: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.split("\n"):
        hit = _heading(line, nested)
        if hit and hit[0] not in found and (current is None or order[hit[0]] > order[current]):
            current = hit[0]
            found[current] = [hit[2]] if hit[2] else []
            continue
        if current is not None:
            found[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


def headings_in(text: str) -> set[str]:
    """Keys of the section headings a piece of text contains (for locating the body)."""
    return {hit[0] for line in text.split("\n") if (hit := heading_key(line.strip()))}
