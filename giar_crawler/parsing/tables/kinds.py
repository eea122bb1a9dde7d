"""Which cells are labels and which are values, and labels broken over several lines.

Used by the reader, mostly for text with one cell per line, where nothing but the words
tells a label from a value: a value is a number, a blank, an n/a mark, or a short word that
is no label (`撤销`); a label split by a line break (`行政事业` / `性收费`, `(七)` / `总计`) is
joined back when the parts are not labels but the whole is, also when its last part starts
a tab- or `|`-separated row of values.
"""

from __future__ import annotations

from functools import lru_cache

from giar_crawler.parsing.tables import labels, values
from giar_crawler.parsing.tables.grid import Cell, Row
from giar_crawler.schema import statutory as st

T2_BLOCKS = tuple(st.T2_BLOCK_BY_ORDINAL.values())


@lru_cache(maxsize=4096)
def is_label(lab: labels.Label) -> bool:
    return bool(
        labels.caption_block(lab) or labels.t3_row(lab) or labels.is_t4_marker(lab)
        or lab.core == st.T2_LABEL_COLUMN or labels.is_header_word(lab) or labels.is_t3_header(lab)
        or any(labels.t2_row_any(lab, block) for block in T2_BLOCKS)
    )


def value_like(c: Cell) -> bool:
    """A value cell: a number, blank, n/a mark, merged slot or a short non-label word."""
    if c.merged:
        return True
    k = values.kind(c.text)
    if k != "text":
        return True
    lab = labels.label(c.text)
    return len(lab.flat) <= 6 and bool(lab.core.strip("()")) and not is_label(lab)


def is_words(rows: list[Row], i: int) -> bool:
    """rows[i] is one line of words (no number, no n/a mark) that is no label of its own."""
    if i >= len(rows) or len(rows[i]) != 1 or values.kind(rows[i][0].text) != "text":
        return False
    return not known(labels.label(rows[i][0].text))


@lru_cache(maxsize=4096)
def known(lab: labels.Label) -> bool:
    return (is_label(lab) or labels.is_results_total(lab) or lab.core == st.T3_OTHER_OTHER[2]
            or labels.t2_column_any(lab))


@lru_cache(maxsize=8192)
def known_label(text: str) -> labels.Label | None:
    """The label of a cell of words that some table knows, else None: the reader's test of
    every cell, one cached lookup instead of three."""
    if values.kind(text) != "text":
        return None
    lab = labels.label(text)
    return lab if known(lab) else None


@lru_cache(maxsize=4096)
def roles(lab: labels.Label) -> tuple[str | None, bool, bool, str | None, bool]:
    """What the reader asks of a label, in one cached lookup: its Table 二 caption block,
    whether it heads Table 三, whether it marks Table 四, its Table 三 row key, whether it
    reads as Table 三's results total."""
    return (labels.caption_block(lab), labels.is_t3_header(lab), labels.is_t4_marker(lab),
            labels.t3_row(lab), labels.is_results_total(lab))


@lru_cache(maxsize=4096)
def weak(lab: labels.Label) -> bool:
    """A bare ordinal `(七)` or a word like `其他`: maybe the start of a broken label."""
    return not lab.core.strip("()") or lab.core in (*st.T3_RESULTS_TOTAL_ALIASES,
                                                     st.T3_OTHER_OTHER[2])


@lru_cache(maxsize=4096)
def strong(lab: labels.Label) -> bool:
    return bool(
        labels.t3_row(lab) or labels.caption_block(lab) or labels.t2_column_any(lab)
        or any(labels.t2_row_any(lab, block) for block in T2_BLOCKS)
        or (lab.ordinal and lab.core in (*st.T3_RESULTS_TOTAL_ALIASES, st.T3_OTHER_OTHER[2]))
    )


def text_line(rows: list[Row], k: int) -> labels.Label | None:
    if k >= len(rows) or len(rows[k]) != 1 or values.kind(rows[k][0].text) != "text":
        return None
    return labels.label(rows[k][0].text)


def join_broken_label(rows: list[Row], i: int) -> None:
    """One cell per line: a label broken over two or three lines (`行政事业` / `性收费`,
    `(七)` / `总计`) is joined back when the parts are not labels but the whole is."""
    first = text_line(rows, i)
    if first is None or (known(first) and not weak(first)):
        return
    text = rows[i][0].text
    for n in (1, 2):
        part = text_line(rows, i + n)
        if part is None:
            _join_into_row(rows, i, n, text)
            return
        if n == 2 and known(part):
            return
        text += rows[i + n][0].text
        lab = labels.label(text)
        if len(lab.flat) <= labels.MAX_LABEL and strong(lab):
            rows[i:i + n + 1] = [[Cell(text)]]
            return


def _join_into_row(rows: list[Row], i: int, n: int, text: str) -> None:
    """Tab- or `|`-separated text: the label's last part starts the row of its values
    (`行政事业` / `性收费 | 1.5`); markup rows are left alone."""
    row = rows[i + n] if i + n < len(rows) else []
    if len(row) < 2 or row[0].col >= 0 or values.kind(row[0].text) != "text":
        return
    rest = labels.label(row[0].text)
    if known(rest) and not weak(rest):
        return
    lab = labels.label(text + row[0].text)
    if len(lab.flat) <= labels.MAX_LABEL and strong(lab):
        rows[i:i + n + 1] = [[Cell(text + row[0].text), *row[1:]]]
