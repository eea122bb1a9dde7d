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
# One instruction per cell where possible: libxslt's cost is per instruction. A row belongs
# to its nearest table, the one with one table ancestor fewer.
_TRANSFORM = etree.XSLT(etree.XML(f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/">
 <xsl:for-each select="//table">
  <xsl:text>{TABLE}</xsl:text>
  <xsl:choose>
   <xsl:when test=".//table">
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
    <xsl:value-of select="count(.//tr)"/>
    <xsl:for-each select=".//tr">
     <xsl:value-of select="{_ROW}"/>
     <xsl:for-each select="td|th">
      <xsl:value-of select="concat({_SPANS}, .)"/>
     </xsl:for-each>
    </xsl:for-each>
   </xsl:otherwise>
  </xsl:choose>
 </xsl:for-each>
 <xsl:value-of select="concat('{END}', count(//table))"/>
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
    """Rows of one table's output; slices and maps run in C, no loop over cells."""
    trs = text.split(ROW)
    if trs[0] != str(len(trs) - 1):
        raise _Miscount
    rows: list[grid.RawRow] = []
    for index in range(1, len(trs)):
        fields = trs[index].split(FIELD)  # the cell count, then three fields a cell
        if len(fields) != 3 * int(fields[0]) + 1:
            raise _Miscount
        colspans, rowspans = fields[1::3], fields[2::3]
        texts = list(map(clean, fields[3::3]))
        if any(colspans) or any(rowspans):
            rows.append((texts, [(c or None, r or None) for c, r in zip(colspans, rowspans,
                                                                       strict=True)]))
        else:
            rows.append((texts, None))
    return rows


def _tables(element) -> list[list[grid.RawRow]] | None:
    out = _read(element)
    if out is None:
        return None
    body, _end, count = out.rpartition(END)  # always written last: a page's own END is before
    clean = values.clean_raw
    if "\u200b" not in body:
        # Whitespace runs become one space in C over the whole page at once; a separator is
        # no whitespace, so runs never cross cells, and a span attribute reads the same.
        body, clean = values.clean_spaces(body), str.strip
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
