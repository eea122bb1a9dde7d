"""The text of a page's tree as the content stage reads it: one line per block, a table row
as one line of cells. Raw (whitespace as found, cells joined by CELL_SEP): content.clean_text
normalises it and drops chrome lines.

A page is rendered once (PageText) and every reading of it (containers, the page around the
body, the body after chrome is stripped) is cut from that rendering.
"""

from __future__ import annotations

import re

import lxml.etree

# Elements with no report text (inputs stay: they carry no text, and show a login wall).
DROP_TAGS = frozenset(("script", "style", "noscript", "iframe", "object", "embed", "button",
                       "select", "textarea", "canvas", "svg", "link", "meta"))
# Read as lines of their own (inside a table cell: set off by spaces).
BLOCK_TAGS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "section", "article", "center", "blockquote", "pre", "hr", "form", "header",
    "footer", "nav", "main", "aside", "tbody", "thead", "tfoot", "caption", "tr", "td", "th"))
CELL_SEP = "\x1f"
# Tabs and wide spaces become spaces; CR and zero-width characters go. str.replace in C is
# several times faster than str.translate on CJK text.
_SPACES = (("\t", " "), ("\xa0", " "), ("\u3000", " "), ("\r", ""), ("\u200b", ""),
           ("\ufeff", ""))
_CJK_CHAR = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
# A space between two CJK characters. Written to open with the space itself: re scans for a
# literal first character fast, where a leading lookbehind is tried at every position.
_CJK_GAP = re.compile(rf" (?<={_CJK_CHAR} )(?={_CJK_CHAR})")
# \s (str.split's whitespace; none past U+3000), listed: re tests a listed class faster.
_ANY_SPACE = re.compile("[{}]+".format(re.escape(
    "".join(c for c in map(chr, range(0x3001)) if c.isspace()))))
_ROW_SEP = "\ufdd0"  # joins cells, and _ROW_END rows, while they are normalised together
_ROW_END = "\ufdd1"
# A row of a page-layout table (old TRS sites): it holds tables or whole articles.
_LAYOUT = ".//table or string-length(.) > 1000"
# The tree's rows by "descendant-or-self::tr" rather than "//tr" (libxml2 steps from every
# node of the document, testing the predicate per parent): faster, and the same for every
# row the rendering reads.
_LAYOUT_ROWS = lxml.etree.XPath(f"descendant-or-self::tr[{_LAYOUT}]")
_IS_LAYOUT_ROW = lxml.etree.XPath(f"boolean({_LAYOUT})")
_LOOSE_ROWS = lxml.etree.XPath("descendant-or-self::tr[not(ancestor::table)]")


_STRING = lxml.etree.XPath("string()")


def text_content(el) -> str:
    """lxml.html's HtmlElement.text_content, for the plain elements of the decode stage's tree."""
    return _STRING(el)


def inside(el, root) -> bool:
    """Whether el lies under root (root itself is not inside). Elements dropped from the tree
    (strip_chrome) are inside it no more."""
    return any(a is root for a in el.iterancestors())


def drop_tree(el) -> None:
    """lxml.html's HtmlElement.drop_tree: remove the element, keep its tail in the text."""
    tail = el.tail
    parent = el.getparent()
    if tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
    parent.remove(el)


def spaces(text: str) -> str:
    for old, new in _SPACES:
        if old in text:
            text = text.replace(old, new)
    return text


def walk_text(element, skip=None, rows: dict | None = None) -> str:
    """The raw text of an element (and its tail). `skip`: a descendant left out (its tail
    stays); `rows`: table rows already rendered from this tree (see _row), filled as read."""
    parts: list[str] = []
    _walk(element, parts, skip=skip, rows=rows)
    return "".join(parts)


class PageText:
    """A tree's raw text rendered once: the parts in document order and, for each element
    the walk reached (all but those inside a table row read as cells), its range of parts,
    its tail following the range. Valid while the tree is unchanged, but for drops the
    caller lists (raw_without): one content stage."""

    def __init__(self, tree):
        # Every node's proxy made once, in one C loop, and kept for the stage (it reads many
        # nodes twice).
        self.alive = list(tree.iter())
        self.tree = tree
        self.layout = set(_LAYOUT_ROWS(tree))  # every layout row, in one C pass
        self.loose = set(_LOOSE_ROWS(tree))  # rows outside any table: never cached
        self.rows = _table_rows(tree, self.layout, self.loose)  # see _row
        self.parts: list[str] = []
        self.spans: dict = {}  # element → (start, end)
        self._named: list | None = None
        _render(tree, self)

    @property
    def named(self) -> list:
        """Elements with a class or an id, and <article>s, in document order, as listed when
        the page was rendered (XPath "descendant-or-self::*[@class!='' or @id!='' or
        self::article]", twice as fast over the proxies at hand; comments have no
        attributes, and their tag is no string)."""
        if self._named is None:
            self._named = [el for el in self.alive
                           if el.get("class") or el.get("id") or el.tag == "article"]
        return self._named

    def raw(self, el, skip=None) -> str | None:
        """walk_text(el, skip, self.rows) when the rendering holds el (and skip); else None."""
        span = self.spans.get(el)
        if span is None:
            return None
        if el is skip:
            return el.tail or ""
        start, end = span
        if skip is None or not any(a is el for a in skip.iterancestors()):
            return "".join(self.parts[start:end]) + (el.tail or "")
        cut = self.spans.get(skip)
        if cut is None:
            return None
        return "".join(self.parts[start:cut[0]] + self.parts[cut[1]:end]) + (el.tail or "")

    def raw_without(self, el, dropped: list) -> str | None:
        """walk_text(el, rows=self.rows) once `dropped` (descendants, none inside another)
        were dropped from the tree. drop_tree keeps the tail where the walk read it, so the
        text is the rendering less their ranges. None when it is not held, or a row's reading
        could change: el holds a <tr> outside any <table> (not cached, read again as it is)."""
        span = self.spans.get(el)
        cuts = [self.spans.get(d) for d in dropped]
        if span is None or None in cuts or (dropped and self._holds_loose_row(span)):
            return None
        parts, (pos, end) = self.parts, span
        kept = []
        for start, stop in sorted(cuts):
            kept += parts[pos:start]
            pos = stop
        kept += parts[pos:end]
        return "".join(kept) + (el.tail or "")

    def _holds_loose_row(self, span: tuple[int, int]) -> bool:
        # By ranges: the dropped elements are out of the tree, their ancestors unknown.
        start, end = span
        return any(start <= s and e <= end for s, e in (self.spans.get(tr, (-1, -1))
                                                       for tr in self.loose))


def _render(el, page: PageText) -> None:
    """_walk(el, page.parts, rows=page.rows), recording each element's range of parts."""
    parts = page.parts
    start = len(parts)
    tag = el.tag
    if type(tag) is str and tag not in DROP_TAGS:
        line = _row(el, page.rows, page) if tag == "tr" else ""
        if line:
            parts.append(line)
        else:
            block = tag in BLOCK_TAGS
            if block:
                parts.append("\n")
            text = el.text
            if text:
                parts.append(text)
            for child in el:
                _render(child, page)
            if block:
                parts.append("\n")
    page.spans[el] = (start, len(parts))
    tail = el.tail
    if tail:
        parts.append(tail)


def _walk(el, parts: list[str], in_cell: bool = False, skip=None, rows=None) -> None:
    tag = el.tag
    if type(tag) is not str or tag in DROP_TAGS or el is skip:
        tail = el.tail
        if tail:
            parts.append(tail)
        return
    line = _row(el, rows) if tag == "tr" and not in_cell else ""
    if line:
        parts.append(line)
    else:
        block = tag in BLOCK_TAGS
        mark = " " if in_cell else "\n"
        if block:
            parts.append(mark)
        text = el.text
        if text:
            parts.append(text)
        for child in el:
            _walk(child, parts, in_cell, skip, rows)
        if block:
            parts.append(mark)
    tail = el.tail
    if tail:
        parts.append(tail)


# --- table rows ------------------------------------------------------------------------


def cell_text(cell) -> str:
    """A table cell on one line: '商业</p><p>企业' → '商业企业'."""
    if len(cell):
        parts: list[str] = []
        _walk(cell, parts, in_cell=True)
        raw = "".join(parts)
    else:  # most cells: no children, no walk; the tail, as the walk reads it
        raw = f"{cell.text or ''} {cell.tail or ''}"
    return _clean_cell(raw)


def _clean_cell(raw: str) -> str:
    text = " ".join(spaces(raw).split())
    return _CJK_GAP.sub("", text) if " " in text else text


def _row(tr, rows: dict | None, page: PageText | None = None) -> str:
    """A table row on one line of cells; "" for a row of a layout table (walked as blocks).

    `page`: the PageText being rendered, which knows the page's layout and loose rows."""
    line = rows.get(tr) if rows is not None else None
    if line is None:
        if tr in page.layout if page is not None else _IS_LAYOUT_ROW(tr):
            line = ""
        else:
            line = "\n" + _cells(tr) + "\n"  # a one-cell row is a plain line
        # Only rows inside a table: strip_chrome never changes a table, so they stay valid.
        if rows is not None and (tr not in page.loose if page is not None
                                 else next(tr.iterancestors("table"), None) is not None):
            rows[tr] = line
    return line


def _table_rows(tree, layout: set, loose: set) -> dict:
    """_row of every row inside a table, as cached by a walk (rows in no table are not cached:
    stripping may change them); the cells of all rows read into one list, normalised in one
    pass: each row opens with _ROW_END, each cell with _ROW_SEP."""
    rows, trs, parts, cells = {}, [], [], 0
    for tr in tree.iter("tr"):
        if tr in loose:
            continue
        if tr in layout:
            rows[tr] = ""
            continue
        trs.append(tr)
        parts.append(_ROW_END)
        for cell in tr:
            tag = cell.tag
            if tag == "td" or tag == "th":
                cells += 1
                parts.append(_ROW_SEP)
                _read_cell(cell, parts)
    text = "".join(parts)
    if text.count(_ROW_SEP) == cells and text.count(_ROW_END) == len(trs):
        # A row's first cell has no separator before it once rows are cut apart.
        text = text.replace(_ROW_END + _ROW_SEP, _ROW_END)
        lines = _normalise_cells(text).split(_ROW_END)[1:] if trs else []
    else:  # the page's own text holds a separator: row by row
        lines = [_cells(tr) for tr in trs]
    for tr, line in zip(trs, lines, strict=True):
        rows[tr] = "\n" + line + "\n"  # a one-cell row is a plain line
    return rows


def _cells(tr) -> str:
    """The row's cells (cell_text of each) joined by CELL_SEP."""
    raws = _cell_raws(tr)
    text = _ROW_SEP.join(raws)
    if _ROW_END in text or text.count(_ROW_SEP) != max(len(raws) - 1, 0):  # the page's own
        return CELL_SEP.join(_clean_cell(raw) for raw in raws)
    return _normalise_cells(text)


def _normalise_cells(text: str) -> str:
    """_clean_cell of every cell in text (cells joined by _ROW_SEP, rows by _ROW_END)."""
    text = _ANY_SPACE.sub(" ", spaces(text))
    for sep in (_ROW_SEP, _ROW_END):  # runs are one space now: trim them by the separators
        text = text.replace(" " + sep, sep).replace(sep + " ", sep)
    text = text.strip(" ")
    if " " in text:
        text = _CJK_GAP.sub("", text)
    return text.replace(_ROW_SEP, CELL_SEP)


def _cell_raws(tr) -> list[str]:
    """Each cell of the row as the walk reads it (in a cell), with its tail."""
    raws = []
    for cell in tr:
        tag = cell.tag
        if tag == "td" or tag == "th":
            parts: list[str] = []
            _read_cell(cell, parts)
            raws.append("".join(parts))
    return raws


def _read_cell(cell, parts: list[str]) -> None:
    """The cell's text as the walk reads it (in a cell: its start mark is dropped by the
    trimming anyway), with its tail."""
    text = cell.text
    if text:
        parts.append(text)
    for child in cell:
        _walk(child, parts, in_cell=True)
    parts.append(" ")
    tail = cell.tail
    if tail:
        parts.append(tail)
