"""Every <table> of an element read in one libxslt pass, as `grid.raw_rows` reads one table.

Reading cells element by element costs a Python proxy per
cell plus an XPath call for its text; here one stylesheet writes every table, row and cell
(colspan, rowspan, text) as one string with private-use separators, split in C. Cell text is
`grid.cell_text`'s: the cell's string value, or, in a table holding tables, without the
text of nested tables, scripts and styles when the cell has a table or script.

Each table is written with its number of rows, each row with its number of cells, the page
with its number of tables: a separator in the page's own text or span attributes adds a
table, a row or a field, the counts no longer match, and the page is read element by element.
"""

from __future__ import annotations

from lxml import etree

from giar_crawler.parsing.tables import grid, values

TABLE, ROW, FIELD, END = "\ue000", "\ue001", "\ue003", "\ue004"

# A cell is three fields: colspan, rowspan, text.
_SPANS = f"'{FIELD}', @colspan, '{FIELD}', @rowspan, '{FIELD}'"
_ROW = f"concat('{ROW}', count(td|th))"
# One instruction per cell where possible: libxslt's cost is per instruction; each table's
# subtree walked once for its rows. A table holds tables when it is an ancestor of one (a walk
# up from every table, not down the whole of each). A row belongs to its nearest table, the
# one with one table ancestor fewer.
_TRANSFORM = etree.XSLT(etree.XML(f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
 <xsl:variable name="tables" select="//table"/>
 <xsl:variable name="holders" select="$tables/ancestor::table"/>
 <xsl:for-each select="$tables">
  <xsl:text>{TABLE}</xsl:text>
  <xsl:choose>
   <xsl:when test="$holders and count(. | $holders) = count($holders)">
    <xsl:variable name="depth" select="count(ancestor::table)"/>
    <xsl:variable name="rows" select=".//tr[count(ancestor::table) = $depth + 1]"/>
    <xsl:value-of select="count($rows)"/>
    <xsl:for-each select="$rows">
     <xsl:value-of select="{_ROW}"/>
     <xsl:for-each select="td|th">
      <xsl:value-of select="concat({_SPANS})"/>
      <xsl:choose>
       <xsl:when test=".//table or .//script">
        <xsl:variable name="d" select="count(ancestor::*)"/>
        <xsl:for-each select=".//text()[not(ancestor::*[self::script or self::style or self::table]
                                          [count(ancestor::*) &gt; $d])]">
         <xsl:value-of select="."/>
        </xsl:for-each>
       </xsl:when>
       <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
     </xsl:for-each>
    </xsl:for-each>
   </xsl:when>
   <xsl:otherwise>
    <xsl:variable name="rows" select=".//tr"/>
    <xsl:value-of select="count($rows)"/>
    <xsl:for-each select="$rows">
     <xsl:value-of select="{_ROW}"/>
     <xsl:for-each select="td|th">
      <xsl:value-of select="concat({_SPANS}, .)"/>
     </xsl:for-each>
    </xsl:for-each>
   </xsl:otherwise>
  </xsl:choose>
 </xsl:for-each>
 <xsl:value-of select="concat('{END}', count($tables))"/>
</xsl:template>
</xsl:stylesheet>"""))


class _Miscount(ValueError):
    """The output does not hold the tables, rows or fields it says: read element by element."""


def _read(element) -> str | None:
    """The stylesheet's output, or None when the element cannot be transformed."""
    try:
        return str(_TRANSFORM(element))
    except (etree.Error, TypeError, ValueError):  # not an element (a comment): no tables
        return None


def _table(text: str, clean) -> list[grid.RawRow]:
    """Rows of one table's output; splits, slices and maps run in C, no loop over cells.
    `clean` is applied to each cell text, unless None (the texts are clean already)."""
    trs = text.split(ROW)
    if trs[0] != str(len(trs) - 1):
        raise _Miscount
    rows = [tr.split(FIELD) for tr in trs[1:]]  # the cell count, then three fields a cell
    if [len(fields) for fields in rows] != [3 * int(fields[0]) + 1 for fields in rows]:
        raise _Miscount
    return [_raw_row(fields, clean) for fields in rows]


def _raw_row(fields: list[str], clean) -> grid.RawRow:
    texts = fields[3::3] if clean is None else list(map(clean, fields[3::3]))
    colspans, rowspans = fields[1::3], fields[2::3]  # "" where the cell has no such span
    if any(colspans) or any(rowspans):
        return texts, colspans, rowspans
    return texts, None, None


def _clean(body: str) -> str:
    """Every field stripped and its whitespace runs made one space, over the whole output at
    once: str.split's whitespace is the regex's \\s (values.clean_raw), a separator is none,
    so runs never cross fields; once runs are single spaces, a field's ends are a space next
    to a separator. A span attribute reads the same stripped (grid._span; a blank one is
    no span either way)."""
    body = " ".join(body.split())
    for sep in _SEPARATORS:
        body = body.replace(" " + sep, sep)
    for sep in _SEPARATORS:
        body = body.replace(sep + " ", sep)
    return body


_SEPARATORS = (TABLE, ROW, FIELD)


def _tables(element) -> list[list[grid.RawRow]] | None:
    out = _read(element)
    if out is None:
        return None
    body, _end, count = out.rpartition(END)  # always written last: a page's own END is before
    # A zero-width space (no whitespace to str.split) is cleaned cell by cell.
    body, clean = (body, values.clean_raw) if "\u200b" in body else (_clean(body), None)
    tables = body.split(TABLE)
    try:
        if count != str(len(tables) - 1):
            raise _Miscount
        return [_table(tables[i], clean) for i in range(1, len(tables))]
    except ValueError:  # _Miscount, or a count that is no number
        return None


def page_rows(element) -> list[list[grid.Row]]:
    """Rows of every table in `element` (itself included), in document order."""
    if element is None or not hasattr(element, "iter"):
        return []
    tables = _tables(element)
    if tables is None:
        return [grid.table_rows(t) for t in grid.tables_in(element)]
    return [grid.spans(rows) for rows in tables]
