"""Chinese script: traditional → simplified (opencc-python-reimplemented), pinyin glosses,
full-width digits.

Simplified pages are the common case, so detection is one regex pass over a character
class of traditional-only characters. Traditional pages are converted with
opencc-python-reimplemented's own t2s config and dictionaries, but not with its matcher:
`OpenCC.convert` walks every substring in pure Python (~11 ms on a 3,000-character page,
~25x the cost of parsing the page). `_Converter` reproduces its result exactly with C-level
string operations: `str.translate` for single characters and one regex pass that finds
where phrases start. tests/test_script_opencc.py checks it against `OpenCC("t2s").convert`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import opencc
from lxml import etree
from opencc import OpenCC

_PKG = Path(opencc.__file__).parent
_DICT = _PKG / "dictionary"
# OpenCC converts the runs between these separators one by one: no match spans one.
_SEPARATORS = OpenCC().split_chars_re


class _Unsupported(ValueError):
    """A config or dictionary this converter cannot mirror exactly (then OpenCC runs)."""


@dataclass(frozen=True)
class _Dictionary:
    table: dict[str, str]  # key → its first value, as OpenCC picks it
    starts: re.Pattern[str]  # matches one character where a key may start (a superset)
    lengths: dict[str, tuple[int, ...]]  # first character → its keys' lengths, longest first
    translate: Callable[[str], str] | None  # when every key is one character


def _read_dictionary(path: Path) -> _Dictionary:
    """Read a dictionary file the way opencc.py does (strip, tab, first of space-separated)."""
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, value = line.strip().split("\t")
            if not key or not value.split(" ")[0]:  # OpenCC would match or skip these oddly
                raise _Unsupported(f"{path.name}: empty key or value in {line!r}")
            if not _SEPARATORS.search(key):  # a key with a separator never matches
                table[key] = value.split(" ")[0]
    by_first: dict[str, set[int]] = {}
    for key in table:
        by_first.setdefault(key[0], set()).add(len(key))
    lengths = {first: tuple(sorted(ns, reverse=True)) for first, ns in by_first.items()}
    single = all(len(key) == 1 for key in table)
    return _Dictionary(table, _starts(table), lengths, _translator(table) if single else None)


def _starts(table: dict[str, str]) -> re.Pattern[str]:
    """A one-character key, or a key's first character followed by some key's second one.

    Two character classes, no alternation over the keys: sre tries the alternatives of a
    branch one by one at each candidate position."""
    singles = {key for key in table if len(key) == 1}
    longer = [key for key in table if len(key) > 1]
    parts = [_char_class(singles)] if singles else []
    if longer:
        parts.append(_char_class({k[0] for k in longer}) + f"(?={_char_class({k[1] for k in longer})})")
    return re.compile("|".join(parts) or "(?!)")


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _translator(table: dict[str, str]) -> Callable[[str], str]:
    """str.translate with the table as a list indexed by BMP code point.

    A dict table costs a KeyError per unmapped character (~3x slower); the list holds every
    code point, so it never misses. Text with astral characters takes the dict."""
    by_code = {ord(k): v for k, v in table.items()}
    bmp: list[int | str] = list(range(0x10000))
    for code, value in by_code.items():
        if code <= 0xFFFF:
            bmp[code] = ord(value) if len(value) == 1 else value
    return lambda text: text.translate(by_code if _ASTRAL.search(text) else bmp)


def _config_files(spec: dict) -> list[Path]:
    """The dictionary files of one chain step: a text dictionary, or a group of them."""
    specs = spec["dicts"] if spec.get("type") == "group" else [spec]
    if any(s.get("type") != "txt" for s in specs):
        raise _Unsupported(f"dictionary types {[s.get('type') for s in specs]}")
    return [_DICT / s["file"] for s in specs]


class _Converter:
    """`OpenCC(name).convert`, same output, without a Python loop over the text.

    opencc.py converts a run with each group of the chain in turn. Within a group, the first
    dictionary replaces its longest key occurring anywhere in the run (the leftmost of equal
    length), then does the same in the pieces left and right of it; pieces where the first
    dictionary finds nothing go to the second dictionary, and so on. A replaced key is final
    for the group. Choosing occurrences longest first, then leftmost, skipping those that
    overlap one already chosen, gives the same replacements.
    """

    def __init__(self, name: str):
        config = json.loads((_PKG / "config" / f"{name}.json").read_text(encoding="utf-8"))
        self.steps = [[_read_dictionary(p) for p in _config_files(step["dict"])]
                      for step in config["conversion_chain"]]
        for step in self.steps[:-1]:  # OpenCC splits at separators once, before the chain
            if any(_SEPARATORS.search(v) for d in step for v in d.table.values()):
                raise _Unsupported("a value adds a separator before the chain's last step")

    def convert(self, text: str) -> str:
        for step in self.steps:
            text = _convert_group(text, step)
        return text


def _convert_group(text: str, dicts: list[_Dictionary]) -> str:
    if not dicts or not text:
        return text
    first, rest = dicts[0], dicts[1:]
    if first.translate is not None and not rest:
        return first.translate(text)
    out: list[str] = []
    pos = 0
    for start, end in _chosen(text, first):
        out.append(_convert_group(text[pos:start], rest))
        out.append(first.table[text[start:end]])
        pos = end
    out.append(_convert_group(text[pos:], rest))
    return "".join(out)


def _chosen(text: str, d: _Dictionary) -> list[tuple[int, int]]:
    """The (start, end) spans OpenCC replaces with this dictionary, in text order."""
    found: list[tuple[int, int]] = []  # (-length, start): longest first, then leftmost
    size = len(text)
    for match in d.starts.finditer(text):
        start = match.start()
        for n in d.lengths[text[start]]:
            if start + n <= size and text[start:start + n] in d.table:
                found.append((-n, start))
    if len(found) < 2:
        return [(s, s - n) for n, s in found]
    found.sort()
    taken = bytearray(size)
    spans = []
    for n, start in found:
        end = start - n
        if 1 not in taken[start:end]:
            taken[start:end] = b"\x01" * (end - start)
            spans.append((start, end))
    return sorted(spans)


@cache
def _t2s():
    """The t2s conversion: the fast converter, or OpenCC itself if its data ever changes shape."""
    try:
        return _Converter("t2s").convert
    except _Unsupported:
        return OpenCC("t2s").convert


@cache
def _variants() -> dict[str, str]:
    """simplified character → its traditional forms (STCharacters.txt: '发\\t發 髮')."""
    table: dict[str, str] = {}
    for line in (_DICT / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        simp, _, trad = line.partition("\t")
        forms = "".join(t for t in trad.split() if t != simp)
        if len(simp) == 1 and forms:
            table[simp] = forms
    return table


@cache
def _traditional_only() -> frozenset[str]:
    """Characters that exist only in traditional script (not 乾, 著, 於…, which simplified uses)."""
    simplified: set[str] = set()
    traditional: set[str] = set()
    for line in (_DICT / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        if len(trad) == 1 and simp.split() and trad not in simp.split():
            traditional.add(trad)
            simplified.update(simp.split())
    return frozenset(traditional - simplified)


@cache
def _traditional_re() -> re.Pattern[str]:
    """The BMP traditional-only characters, plus every astral one (filtered after the scan).

    Listing the astral ones in the class would make sre compare each character of the text
    with each of them; a range is one comparison."""
    bmp = "".join(re.escape(ch) for ch in sorted(_traditional_only()) if ord(ch) <= 0xFFFF)
    return re.compile(f"[{bmp}\U00010000-\U0010ffff]")


def both_scripts(pattern: str) -> str:
    """A regex written in simplified Chinese that also matches the traditional spelling."""
    table = _variants()
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        forms = table.get(ch)
        if forms:
            out.append(ch + forms if in_class else f"[{ch}{forms}]")
        else:
            out.append(ch)
    return "".join(out)


def compile_both(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(both_scripts(pattern), flags)


def detect(text: str) -> str:
    """'traditional' when traditional-only characters make up a noticeable share of the CJK text.

    One regex scan in C; simplified pages have next to no hits.
    """
    hits = _traditional_re().findall(text)
    present = _traditional_only().intersection(hits)
    if len(present) < 3:
        return "simplified"
    if len(present) < len(set(hits)):  # astral characters the class lets through
        hits = [h for h in hits if h in present]
    if len(hits) > 0.05 * len(text):  # then more than 5% of the CJK text: no need to count it
        return "traditional"
    cjk = len(text) - len(_CJK_RUN.sub("", text))  # no string per character
    return "traditional" if len(hits) > 0.05 * cjk else "mixed"


def to_simplified(text: str | None) -> str | None:
    return _t2s()(text) if text else text


_NODE_SEP = "\x00"  # in no OpenCC phrase, so no conversion spans two text nodes


def _text_slots(element) -> list[tuple[Any, str, str]]:
    """(node, "text" or "tail", value) for each non-ASCII text in element.iter(): elements'
    text, every node's tail (comments' too). ASCII text holds nothing to convert or widen
    (isascii is O(1)); filtered iter() skips the per-node tag check."""
    slots = []
    for el in element.iter(etree.Element):
        text, tail = el.text, el.tail
        if text and not text.isascii():
            slots.append((el, "text", text))
        if tail and not tail.isascii():
            slots.append((el, "tail", tail))
    for el in element.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity):
        tail = el.tail
        if tail and not tail.isascii():
            slots.append((el, "tail", tail))
    return slots


def simplify_tree(element) -> None:
    """Convert the Chinese text nodes of an element in place (the tables stage reads the tree).

    All text nodes are converted in one call (one call per node costs more than the
    conversion); a node is written back only if it changed and holds Chinese characters."""
    slots = _text_slots(element)
    if not slots:
        return
    texts = [text for _, _, text in slots]
    converted = to_simplified(_NODE_SEP.join(texts)).split(_NODE_SEP)
    if len(converted) != len(texts):  # never expected; convert node by node instead
        converted = [to_simplified(t) for t in texts]
    for (el, attr, old), new in zip(slots, converted, strict=True):
        if new != old and _CJK.search(old):
            setattr(el, attr, new)


# Pinyin glosses injected after characters by "注音" plug-ins: 當(dāng)前頁(yè)面.
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A toned gloss; has_glosses looks for it without the lookbehind (see there).
_GLOSS_TONED_OPEN = re.compile(rf"\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
_GLOSS_TONED = re.compile(r"(?<=[\u3400-\u9fff])" + _GLOSS_TONED_OPEN.pattern)
_GLOSS_ANY = re.compile(rf"(?<=[\u3400-\u9fff])\([a-zü{_TONED}]{{1,6}}\)")


def strip_glosses(text: str, *, page_has_glosses: bool = False) -> str:
    """Remove pinyin glosses, never other parentheses: '(一)', '(社區)' and 'APP(Android)' stay.

    Tone marks identify a gloss; a toneless syllable (們(men)) counts only on a page that
    already carries toned glosses.
    """
    if "(" not in text:
        return text
    text = _GLOSS_TONED.sub("", text)
    return _GLOSS_ANY.sub("", text) if page_has_glosses else text


def has_glosses(text: str) -> bool:
    """Three or more toned glosses after Chinese characters in the page's first 20,000.

    Without _GLOSS_TONED's lookbehind sre jumps from '(' to '(' instead of trying the
    lookbehind at every character; the character before is checked here, on '(' only."""
    head = text[:20000]
    found = 0
    for match in _GLOSS_TONED_OPEN.finditer(head):
        start = match.start()
        found += start > 0 and "\u3400" <= head[start - 1] <= "\u9fff"
        if found == 3:
            return True
    return False


def strip_glosses_tree(element) -> int:
    """Remove glosses from every text node; returns how many nodes changed. A gloss follows a
    Chinese character in its own node, so ASCII nodes (which _text_slots skips) hold none."""
    changed = 0
    for el, attr, text in _text_slots(element):
        if "(" in text:
            new = strip_glosses(text, page_has_glosses=True)
            if new != text:
                setattr(el, attr, new)
                changed += 1
    return changed


# Full-width forms that carry numbers: digits always, separators only between digits.
_FW_DIGITS = str.maketrans("０１２３４５６７８９％＋－", "0123456789%+-")
_FW_DECIMAL = re.compile(r"(?<=\d)．(?=\d)")
_FW_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")


def normalise_numbers(text: str) -> str:
    """Full-width digits → ASCII ('１２３' → '123', '３．５' → '3.5', '１，２３４' → '1,234'); Chinese punctuation stays."""
    text = text.translate(_FW_DIGITS)
    return _FW_THOUSANDS.sub(",", _FW_DECIMAL.sub(".", text))


_FW_DIGIT = re.compile("[０-９]")


def has_full_width_digits(text: str) -> bool:
    return bool(_FW_DIGIT.search(text))


def normalise_tree_numbers(element) -> None:
    """Full-width digits in the tree too: the tables stage reads cells from it."""
    for el, attr, text in _text_slots(element):
        if _FW_DIGIT.search(text):
            setattr(el, attr, normalise_numbers(text))
