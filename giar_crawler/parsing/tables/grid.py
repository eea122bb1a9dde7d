"""HTML <table> → rows of cells, spans expanded without copying values.

Each row lists the cells that *start* in it, in column order. A slot covered by a value cell
spanning rows from above appears as a `merged` placeholder so later values keep their order;
slots covered by a label spanning rows (三、本年度办理结果, （三）不予公开) are left out, and a
colspan never repeats its text. Cells keep their grid column; Table 二 is mapped by cell
order (see build), which aligns tables whose header spans disagree with their data-row spans
(上海 2019), Table 三 by grid column under its headings when they line up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from giar_crawler.parsing.tables import values

MAX_SPAN = 100  # a span larger than any statutory table is markup noise
_SPAN = re.compile(r"\s*[\"']?(\d+)")


@dataclass(slots=True)
class Cell:
    text: str
    merged: bool = False  # placeholder for a slot covered by a spanning value cell
    glued: bool = False  # several cells' digits run together by a text extraction
    col: int = -1  # first grid column (HTML only; -1 in text)
    span: int = 1  # grid columns covered


Row = list[Cell]


@lru_cache(maxsize=256)
def _span(value: str | None) -> int:
    """HTML span attribute, tolerant of `2;`, `"3"`, 0 and garbage (→ 1)."""
    if value is None:
        return 1
    m = _SPAN.match(value)
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), MAX_SPAN)


_STRING = etree.XPath("string()")  # text nodes only: no comments (Word's <!--[if…]-->)


def cell_text(el, nested: bool = True) -> str:
    """Text of a cell joined across <p>/<span>/<br>; nested tables and scripts left out
    (`nested=False`: the table has no nested table, take the fast path)."""
    if not nested or (el.find(".//table") is None and el.find(".//script") is None):
        text = _STRING(el)
        return text if text.isdigit() else values.clean_raw(text)
    parts: list[str] = []

    def walk(node, top: bool) -> None:
        if not isinstance(node.tag, str):  # comment or processing instruction
            return
        if node.tag in ("script", "style") or (node.tag == "table" and not top):
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child, False)
            if child.tail:
                parts.append(child.tail)

    walk(el, True)
    return values.clean_raw("".join(parts))


def _own_rows(table) -> list:
    """<tr> elements of this table, not of tables nested in its cells."""
    rows = []
    for tr in table.iter("tr"):
        parent = tr.getparent()
        while parent is not None and parent.tag != "table":
            parent = parent.getparent()
        if parent is table:
            rows.append(tr)
    return rows


Pending = dict[int, tuple[int, str, bool]]  # col → (rows still covered, origin text, first col?)


def _cover(above: Pending, col: int, row: Row, below: Pending) -> None:
    """Fill a slot covered by a rowspan from above: a placeholder for value cells only.
    The slot leaves `above` (this row's) and, while the span goes on, enters `below`."""
    left, text, first = above.pop(col)
    if first and values.kind(text) != "text":
        row.append(Cell("", True, False, col))
    if left > 1:
        below[col] = (left - 1, text, first)


Spans = list[str | None]  # the cells' colspan (or rowspan) attributes; "" reads as none
# Cell texts, their colspans and their rowspans; no lists (None) when no cell has a span.
RawRow = tuple[list[str], Spans | None, Spans | None]


def raw_rows(table) -> list[RawRow]:
    """The cells of each row of `table`, read element by element (see `markup` for the fast
    path over a whole page)."""
    nested = table.find(".//table") is not None
    out: list[RawRow] = []
    for tr in _own_rows(table) if nested else table.iter("tr"):
        tds = list(tr.iterchildren("td", "th"))
        colspans, rowspans = [td.get("colspan") for td in tds], [td.get("rowspan") for td in tds]
        texts = [cell_text(td, nested) for td in tds]
        out.append((texts, colspans, rowspans) if any(colspans) or any(rowspans)
                   else (texts, None, None))
    return out


def table_rows(table) -> list[Row]:
    return spans(raw_rows(table))


def spans(raws: list[RawRow]) -> list[Row]:
    """Rows of cells with their grid columns, rowspans and colspans expanded."""
    above: Pending = {}  # slots of this row covered by rowspans from the rows above
    out: list[Row] = []
    for index, (texts, colspans, rowspans) in enumerate(raws):
        below: Pending = {}  # the same for the next row
        if colspans is None or rowspans is None:
            out.append(_plain(texts, above, below) if above else
                       [Cell(text, False, False, col) for col, text in enumerate(texts)])
        else:
            out.append(_spanned(texts, colspans, rowspans, above, below, len(raws) - index))
        above = below
    return out


def _spanned(texts: list[str], colspans: Spans, rowspans: Spans, above: Pending,
             below: Pending, rows_left: int) -> Row:
    """A row with span attributes; `rows_left` counts it and the rows after it."""
    row: Row = []
    col = 0
    for text, raw_colspan, raw_rowspan in zip(texts, colspans, rowspans, strict=True):
        while col in above:
            _cover(above, col, row, below)
            col += 1
        colspan = _span(raw_colspan) if raw_colspan else 1
        row.append(Cell(text, False, False, col, colspan))
        if raw_rowspan:
            rowspan = _span(raw_rowspan)
            if raw_rowspan.strip() == "0":
                rowspan = rows_left  # rowspan=0: to the end of the table
            if rowspan > 1:
                for c in range(col, col + colspan):
                    below[c] = (rowspan - 1, text, c == col)
                    above.pop(c, None)  # a slot spanned from above and from here: here wins
        col += colspan
    for c in sorted(above):
        _cover(above, c, row, below)
    return row


def _plain(texts: list[str], above: Pending, below: Pending) -> Row:
    """A row without span attributes under slots covered from above: one column a cell,
    around them."""
    row: Row = []
    col = 0
    for text in texts:
        while col in above:
            _cover(above, col, row, below)
            col += 1
        row.append(Cell(text, False, False, col))  # positional: keywords cost more a call
        col += 1
    for c in sorted(above):
        _cover(above, c, row, below)
    return row


def tables_in(element) -> list:
    """<table> elements inside `element` in document order (the element itself included)."""
    if element is None or not hasattr(element, "iter"):
        return []
    return list(element.iter("table"))
