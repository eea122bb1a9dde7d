"""Chinese script: traditional → simplified (opencc-python-reimplemented), pinyin glosses,
full-width digits.

Simplified pages are the common case, so detection is one regex pass over a character
class of traditional-only characters; OpenCC (pure Python, ~0.5 M chars/s) runs only on
pages that need it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import opencc
from opencc import OpenCC

_DICT = Path(opencc.__file__).parent / "dictionary"


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


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

    A set intersection over the page's distinct characters: well under a millisecond.
    """
    present = _traditional_only().intersection(text)
    if len(present) < 3:
        return "simplified"
    trad = sum(text.count(ch) for ch in present)
    cjk = len(_CJK.findall(text))
    return "traditional" if trad > 0.05 * cjk else "mixed"


def to_simplified(text: str | None) -> str | None:
    return _t2s().convert(text) if text else text


_NODE_SEP = "\x00"  # in no OpenCC phrase, so no conversion spans two text nodes


def simplify_tree(element) -> None:
    """Convert the text of an element in place (the tables stage reads the same tree).

    All Chinese text nodes go through OpenCC in one call: a call per node costs hundreds
    of conversions per page."""
    slots = []
    for el in element.iter():
        if isinstance(el.tag, str) and el.text and _CJK.search(el.text):
            slots.append((el, "text"))
        if el.tail and _CJK.search(el.tail):
            slots.append((el, "tail"))
    if not slots:
        return
    texts = [getattr(el, attr) for el, attr in slots]
    converted = to_simplified(_NODE_SEP.join(texts)).split(_NODE_SEP)
    if len(converted) != len(texts):  # never expected; convert node by node instead
        converted = [to_simplified(t) for t in texts]
    for (el, attr), text in zip(slots, converted, strict=True):
        setattr(el, attr, text)


# Pinyin glosses injected after characters by "注音" plug-ins: 當(dāng)前頁(yè)面.
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_GLOSS_TONED = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
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
    return len(_GLOSS_TONED.findall(text[:20000])) >= 3


def strip_glosses_tree(element) -> int:
    """Remove glosses from every text node; returns how many nodes changed."""
    changed = 0
    for el in element.iter():
        for attr in ("text", "tail"):
            value = getattr(el, attr, None) if isinstance(el.tag, str) or attr == "tail" else None
            if value and "(" in value:
                new = strip_glosses(value, page_has_glosses=True)
                if new != value:
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
    for el in element.iter():
        if isinstance(el.tag, str) and el.text and _FW_DIGIT.search(el.text):
            el.text = normalise_numbers(el.text)
        if el.tail and _FW_DIGIT.search(el.tail):
            el.tail = normalise_numbers(el.tail)
