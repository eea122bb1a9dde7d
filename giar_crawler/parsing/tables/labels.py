"""Cell labels → statutory keys, by meaning rather than exact string.

A label is compared in two normal forms:
- `flat`: NFKC, pinyin glosses `(zhāng)` dropped, whitespace, quotes and punctuation removed,
  brackets unified to ASCII `()`;
- `core`: `flat` without its ordinal prefix (`一、`, `(三)`, `1.`) and without parenthetical
  annotations (`规章(设区的市…)`, `(区分处理的…)`), so `商业 企业`, `危及"三安全一稳定"` and
  `处理决定数量(指2020年办件量)` all reduce to the template wording.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from giar_crawler.parsing.script import to_simplified
from giar_crawler.schema import statutory as st

_PINYIN = re.compile(r"\([a-zA-Z\u00c0-\u024f\u0300-\u036f]+\)")
_DROP = re.compile(r"[\s\u3000\xa0\u200b\"'“”‘’「」『』〝〞,，、;；:：.．。·•/／\\]+")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.,，]|\([一二三四五六七八九十]+\)|[0-9]+[、.,，]?)")
_PAREN = re.compile(r"\([^()]*\)")
_CAPTION = re.compile(st.T2_CAPTION)
_CJK_BRACKETS = (("【", "("), ("】", ")"), ("〔", "("), ("〕", ")"), ("[", "("), ("]", ")"))

# Longest plausible label after normalisation; longer cells are prose, not table labels.
MAX_LABEL = 60


class Label(NamedTuple):
    """A cell's label in its normal forms; a tuple, so hashing it (cache keys) runs in C."""

    flat: str
    core: str
    ordinal: str  # "" when the cell carries no ordinal prefix


def gloss_free(text: str) -> str:
    """NFKC text without the pinyin glosses some mirrors insert after each character."""
    return _PINYIN.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)
def label(text: str) -> Label:
    # Pages normally arrive simplified (script stage); labels are converted again so a
    # traditional-script cell handed in directly still matches.
    text = to_simplified(gloss_free(text))
    for old, new in _CJK_BRACKETS:  # str.replace scans in C; str.translate looks up each char
        text = text.replace(old, new)
    text = "".join(text.split())  # no whitespace (str.split's is the regex's \s)
    m = _ORDINAL.match(text)
    ordinal = _DROP.sub("", m.group(0)) if m else ""
    rest = text[m.end():] if m else text
    core = rest
    while "(" in core:  # nested annotations: strip innermost first
        stripped = _PAREN.sub("", core)
        if stripped == core:
            break
        core = stripped
    core = _DROP.sub("", core.replace("(", "").replace(")", ""))
    return Label(flat=_DROP.sub("", text), core=core or _DROP.sub("", rest), ordinal=ordinal)


def _first_chars(keyword_sets) -> frozenset[str] | None:
    """First characters of the sets' first keywords: a core matching any set holds one. None
    when a set would match without (no keyword, or an empty one)."""
    sets = list(keyword_sets)
    if not all(keywords and all(keywords) for keywords in sets):
        return None
    return frozenset(keywords[0][0] for keywords in sets)


def _cannot_hold(firsts: frozenset[str] | None, core: str) -> bool:
    """The core holds no keyword set of `firsts` (a C-level test: most cells are no label)."""
    return firsts is not None and firsts.isdisjoint(core)


def has_keywords(lab: Label, keywords: tuple[str, ...]) -> bool:
    if len(lab.flat) > MAX_LABEL:
        return False
    core = lab.core
    for k in keywords:  # noqa: SIM110 - a loop, not all(<generator>): called for every row
        if k not in core:
            return False
    return True


@lru_cache(maxsize=4096)
def caption_block(lab: Label) -> str | None:
    """art20_X for a Table 二 caption cell 第二十条第（X）项."""
    if len(lab.flat) > 30:
        return None
    m = _CAPTION.search(lab.flat)
    return st.T2_BLOCK_BY_ORDINAL.get(m.group(1)) if m else None


def t2_row(lab: Label, fmt_rows: tuple[tuple[str, str, tuple[str, ...]], ...]) -> str | None:
    for key, _label, keywords in fmt_rows:
        if has_keywords(lab, keywords) and len(lab.core) <= len(_label) + 6:
            return key
    return None


_T2_ROW_FIRSTS = {block: _first_chars(row[2] for fmt in st.FORMATS
                                       for row in st.T2_ROWS[fmt].get(block, ()))
                  for block in st.T2_BLOCK_BY_ORDINAL.values()}


@lru_cache(maxsize=4096)
def t2_row_any(lab: Label, block: str) -> str | None:
    """A Table 二 row key of `block` in either format."""
    if len(lab.flat) > MAX_LABEL:
        return None  # prose: has_keywords says no to every row
    if _cannot_hold(_T2_ROW_FIRSTS.get(block, frozenset()), lab.core):
        return None
    for fmt in st.FORMATS:
        key = t2_row(lab, st.T2_ROWS[fmt].get(block, ()))
        if key:
            return key
    return None


def t2_column(lab: Label, fmt: str, block: str) -> str | None:
    for key, _template, keywords, _unit, _signed in st.T2_COLUMNS[fmt].get(block, ()):
        if not has_keywords(lab, keywords):
            continue
        # 2021's 本年处理决定数量 vs 2019's 处理决定数量.
        if key == "decisions" and lab.core.startswith("本年"):
            continue
        if key == "decisions_this_year" and not lab.core.startswith("本年"):
            continue
        return key
    return None


_T2_COLUMN_FIRSTS = _first_chars(column[2] for fmt in st.FORMATS
                                 for columns in st.T2_COLUMNS[fmt].values() for column in columns)


@lru_cache(maxsize=4096)
def t2_column_any(lab: Label) -> bool:
    if len(lab.flat) > MAX_LABEL:
        return False  # prose: has_keywords says no to every column
    if _cannot_hold(_T2_COLUMN_FIRSTS, lab.core):
        return False
    return any(t2_column(lab, fmt, block) for fmt in st.FORMATS for block in st.T2_COLUMNS[fmt])


# Table 三 rows t3_row looks for, in order, with their keywords as sets.
_T3_KEYWORDS = tuple((key, frozenset(keywords)) for key, _l, keywords, _p, _d in st.T3_ROWS
                     if key != "results_total")
_T3_WORDS = frozenset().union(*(words for _key, words in _T3_KEYWORDS))
_T3_FIRSTS = _first_chars(keywords for key, _l, keywords, _p, _d in st.T3_ROWS
                          if key != "results_total")


@lru_cache(maxsize=4096)
def t3_row(lab: Label) -> str | None:
    """Key of a Table 三 row label (data row or group header), ignoring context: the first
    row whose keywords the core holds (up to MAX_LABEL + 20 characters)."""
    if len(lab.flat) > MAX_LABEL + 20:
        return None
    core = lab.core
    if _cannot_hold(_T3_FIRSTS, core):
        return None
    present = {k for k in _T3_WORDS if k in core}  # each keyword looked for once
    for key, words in _T3_KEYWORDS:
        if words <= present:
            return key
    return None


def is_results_total(lab: Label) -> bool:
    return lab.core in st.T3_RESULTS_TOTAL_ALIASES


@lru_cache(maxsize=4096)
def is_t3_header(lab: Label) -> bool:
    return any(m in lab.flat for m in st.T3_HEADER_MARKERS)


def is_t4_marker(lab: Label) -> bool:
    return lab.core in st.T4_MARKERS


def is_header_word(lab: Label) -> bool:
    return lab.core in st.HEADER_WORDS or lab.flat in st.HEADER_WORDS


@lru_cache(maxsize=4096)
def signatures(lab: Label) -> frozenset[str]:
    """Formats whose signature wording this cell carries."""
    text = lab.flat
    found = {fmt for fmt, sigs in st.FORMAT_SIGNATURES.items() if any(s in text for s in sigs)}
    if caption_block(lab) == "art20_9":
        found.add("gov_2019")
    return frozenset(found)
