"""The faster readings of the tables stage give what the straightforward ones, kept here as the
references, give: span expansion, whitespace cleaning (whole output at once, str.split instead
of regexes), label normalisation and keyword lookups, cell kinds, Table 三 rows placed in
order without `_place`. Generated inputs, with the characters where the readings could part:
whitespace of every kind, zero-width spaces, separators, glosses, brackets, ordinals."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as hs

from giar_crawler.parsing.script import to_simplified
from giar_crawler.parsing.tables import build, grid, kinds, labels, markup, values
from giar_crawler.parsing.tables.grid import Cell
from giar_crawler.schema import statutory as st

SPACE = re.compile(r"[\s\u3000\xa0\u200b]+")
SPACES = ["", " ", "  ", "\t", "\n", "\u3000", "\xa0", "\u200b", "\u2028", "\x1c", "\x85",
          "\u2003"]
KEYWORDS = sorted({k for row in st.T3_ROWS for k in row[2]}
                  | {k for f in st.FORMATS for rows in st.T2_ROWS[f].values()
                     for row in rows for k in row[2]}
                  | {k for f in st.FORMATS for cols in st.T2_COLUMNS[f].values()
                     for col in cols for k in col[2]})
PIECES = [*KEYWORDS, *SPACES, *st.T3_RESULTS_TOTAL_ALIASES, *st.HEADER_WORDS, "本年", "其他",
          "3.", "（七）", "一、", "(二)", "【", "】", "〔", "〕", "[", "]", "(", ")", "（注）",
          "(zhāng)", "“", "”", "、", "，", "x" * 70, "１２", "+3", "-", "—", "/", "万元", "無",
          "處理", "第二十条第（一）项", "12", "0", "1,234", "3.5"]
TEXTS = hs.lists(hs.sampled_from(PIECES), max_size=6).map("".join)


# -- references: the readings as they were --------------------------------------------------
def ref_clean_raw(text):
    return SPACE.sub(" ", text).strip()


def ref_kind(text):
    s = SPACE.sub("", labels.gloss_free(text))
    if not s:
        return "blank"
    if s in st.NA_MARKERS or (len(s) > 1 and set(s) <= {"-", "—", "/", "－", "–"}):
        return "na"
    number = values._NUMBER.match(unicodedata.normalize("NFKC", s).replace("＋", "+"))
    return "number" if number else "text"


def ref_label(text):
    brackets = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "[": "(", "]": ")"})
    text = re.sub(r"\s+", "", to_simplified(labels.gloss_free(text)).translate(brackets))
    m = labels._ORDINAL.match(text)
    ordinal = labels._DROP.sub("", m.group(0)) if m else ""
    rest = text[m.end():] if m else text
    core = rest
    while True:
        stripped = labels._PAREN.sub("", core)
        if stripped == core:
            break
        core = stripped
    core = labels._DROP.sub("", core.replace("(", "").replace(")", ""))
    return (labels._DROP.sub("", text), core or labels._DROP.sub("", rest), ordinal)


def ref_has(lab, keywords):
    return len(lab.flat) <= labels.MAX_LABEL and all(k in lab.core for k in keywords)


def ref_t3_row(lab):
    if len(lab.flat) > labels.MAX_LABEL + 20:
        return None
    for key, _label, keywords, _parent, _data in st.T3_ROWS:
        if key != "results_total" and all(k in lab.core for k in keywords):
            return key
    return None


def ref_t2_row_any(lab, block):
    for fmt in st.FORMATS:
        for key, template, keywords in st.T2_ROWS[fmt].get(block, ()):
            if ref_has(lab, keywords) and len(lab.core) <= len(template) + 6:
                return key
    return None


def ref_t2_column_any(lab):
    for fmt in st.FORMATS:
        for columns in st.T2_COLUMNS[fmt].values():
            for key, _template, keywords, _unit, _signed in columns:
                this_year = lab.core.startswith("本年")
                if ref_has(lab, keywords) and not (key == "decisions" and this_year) and not (
                        key == "decisions_this_year" and not this_year):
                    return True
    return False


def ref_spans(raws):
    """Rows with spans expanded, tracking the slots seen in a row (the former reading)."""
    pending, out = {}, []

    def cover(col, row, seen):
        left, text, first = pending.pop(col)
        seen.add(col)
        if first and values.kind(text) != "text":
            row.append(Cell("", merged=True, col=col))
        if left > 1:
            pending[col] = (left - 1, text, first)

    for index, (texts, colspans, rowspans) in enumerate(raws):
        row, col, seen = [], 0, set()
        none = [None] * len(texts)
        for text, raw_colspan, raw_rowspan in zip(texts, colspans or none, rowspans or none,
                                                  strict=True):
            while col in pending and col not in seen:
                cover(col, row, seen)
                col += 1
            colspan = grid._span(raw_colspan) if raw_colspan else 1
            row.append(Cell(text, col=col, span=colspan))
            if raw_rowspan:
                rowspan = grid._span(raw_rowspan)
                if raw_rowspan.strip() == "0":
                    rowspan = len(raws) - index
                if rowspan > 1:
                    for c in range(col, col + colspan):
                        pending[c] = (rowspan - 1, text, c == col)
                        seen.add(c)
            col += colspan
        for c in sorted(k for k in pending if k not in seen):
            cover(c, row, seen)
        out.append(row)
    return out


# -- the properties ---------------------------------------------------------------------------
@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_cleaning_and_kinds_equal_the_regex_readings(text):
    assert values.clean_raw(text) == ref_clean_raw(text)
    assert values.kind(text) == ref_kind(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_labels_and_lookups_equal_the_loops(text):
    lab = labels.label(text)
    assert tuple(lab) == ref_label(text)
    assert labels.t3_row(lab) == ref_t3_row(lab)
    assert labels.t2_column_any(lab) == ref_t2_column_any(lab)
    for block in kinds.T2_BLOCKS:
        assert labels.t2_row_any(lab, block) == ref_t2_row_any(lab, block)
    known = lab if ref_kind(text) == "text" and kinds.known(lab) else None
    assert kinds.known_label(text) == known
    assert kinds.roles(lab) == (labels.caption_block(lab), labels.is_t3_header(lab),
                                labels.is_t4_marker(lab), ref_t3_row(lab),
                                labels.is_results_total(lab))


SEPARATORS = [markup.TABLE, markup.ROW, markup.FIELD]
SPLIT = re.compile("|".join(SEPARATORS))


@settings(max_examples=400, deadline=None)
@given(hs.lists(hs.sampled_from([*SEPARATORS, *SPACES[:7], "a", "规 章", "2"]), max_size=30))
def test_whole_output_cleaning_strips_every_field(parts):
    body = "".join(p for p in parts if p != "\u200b")  # markup cleans those cell by cell
    assert SPLIT.split(markup._clean(body)) == [ref_clean_raw(f) for f in SPLIT.split(body)]


SPAN_VALUES = [None, None, None, "", " ", "1", "2", "3", " 2", "0", " 0", "x", "2;", "200"]


@hs.composite
def raw_tables(draw):
    rows = []
    for _ in range(draw(hs.integers(0, 6))):
        texts = draw(hs.lists(hs.sampled_from(["", "a", "1", "规章", "-"]), max_size=5))
        if draw(hs.booleans()):
            rows.append((texts, None, None))
        else:
            spans = hs.lists(hs.sampled_from(SPAN_VALUES), min_size=len(texts),
                             max_size=len(texts))
            rows.append((texts, draw(spans), draw(spans)))
    return rows


@settings(max_examples=600, deadline=None)
@given(raw_tables())
def test_spans_equal_the_seen_set_reading(raws):
    assert grid.spans(raws) == ref_spans(raws)


@hs.composite
def t3_rows(draw):
    header = dict(zip(build._T3_KEYS, draw(hs.permutations(range(1, 9)))[:7], strict=True))
    cells = [Cell(draw(hs.sampled_from(["", "3", "12", "-", "撤销"])),
                  merged=draw(hs.integers(0, 9)) == 0, glued=draw(hs.integers(0, 9)) == 0,
                  col=draw(hs.integers(0, 9)), span=draw(hs.sampled_from([1, 1, 1, 2])))
             for _ in range(draw(hs.integers(0, 9)))]
    if draw(hs.booleans()):  # most rows: every value under its heading
        cells = [Cell(str(n), col=header[k]) for n, k in enumerate(build._T3_KEYS)]
    return header, cells


@settings(max_examples=400, deadline=None)
@given(t3_rows())
def test_t3_rows_in_order_read_as_placed(case):
    header, cells = case
    slots = [(header[k], 1, False, False) for k in build._T3_KEYS]
    key_at = build._columns_at(header)
    if build._in_order(cells, slots):
        assert build._place(cells, key_at, header) == cells
    keys = list(build._T3_KEYS)
    ready = build._unglue(cells, 1, len(keys), "here", [])
    placed = build._place(ready, key_at, header) if ready else None
    expected = (build._cells(ready, keys, {}, "here", []) if placed is None
                else {k: build._one(c) for k, c in zip(keys, placed, strict=True)})
    found = build.Found(t3_rows={"new_received": cells}, t3_header_cols=header)
    assert build.build_t3(found, "gov_2021", [])["new_received"] == expected
