"""Rows of cells (from HTML or text) → the statutory rows they hold, by label meaning.

The reader walks rows in order keeping the context a person reading the page keeps: which
table (二/三/四), which 第二十条 block, which Table 三 group （三）–（六）. A data label takes
the cells after it in its row as its values, in order; when the label stands alone (one
cell per line) it takes the value-like lines that follow. Table 四 has no row label: its
values are the value cells after its 行政复议 header, from one row or several, up to 15.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from giar_crawler.parsing.tables import kinds, labels, values
from giar_crawler.parsing.tables.grid import Cell, Row
from giar_crawler.schema import statutory as st

T3_WIDTH = len(st.T3_COLUMNS)
_T3_COLUMN_BY_LABEL = {label: key for key, label in st.T3_COLUMNS}
T4_WIDTH = len(st.T4_COLUMNS)
T4_GROUP = len(st.T4_OUTCOMES)
_T3_GROUPS = {key for key, *_rest, data in st.T3_ROWS if not data}
_T3_PARENT = {key: parent for key, _l, _k, parent, _d in st.T3_ROWS}
_T3_PARENT[st.T3_OTHER_OTHER[0]] = "other_handling"
_T2_MAX_COLUMNS = {
    block: max(len(st.T2_COLUMNS[f].get(block, ())) for f in st.FORMATS)
    for block in st.T2_BLOCK_BY_ORDINAL.values()
}


@dataclass
class Found:
    """What the reader recognised, before keys are fixed by format."""

    t2_headers: dict[str, list[labels.Label]] = field(default_factory=dict)
    t2_rows: dict[str, dict[str, list[Cell]]] = field(default_factory=dict)
    t2_signatures: set[str] = field(default_factory=set)
    t2_blocks_seen: set[str] = field(default_factory=set)
    t3_rows: dict[str, list[Cell]] = field(default_factory=dict)
    t3_header_cols: dict[str, int] = field(default_factory=dict)  # column key → grid column
    t3_seen: bool = False
    t4_seen: bool = False
    t4_cells: list[Cell] | None = None
    nonstandard: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    @property
    def any_table(self) -> bool:
        return bool(any(self.t2_rows.values()) or self.t3_rows or self.t4_cells)


def _trim(cells: list[Cell], width: int) -> list[Cell]:
    """A row's value cells without the padding around them: empty (or word) cells filling
    the rest of a 3-column label area instead of a colspan, empty cells after the last value."""
    while len(cells) > width and not cells[0].merged and values.kind(cells[0].text) in (
            "blank", "text"):
        cells = cells[1:]
    while len(cells) > width and not cells[-1].merged and not cells[-1].text:
        cells = cells[:-1]
    return cells


def _t4_header(c: Cell) -> bool:
    """A cell of Table 四's header rows (empty, or a header word like 未经复议直接起诉)."""
    return c.merged or not c.text.strip() or kinds.is_label(labels.label(c.text))


class Reader:
    def __init__(self) -> None:
        self.found = Found()
        self.table: str | None = None
        self.block: str | None = None
        self.group: str | None = None
        self.last_t3: str | None = None
        self.t4_waiting = False
        self.t4_partial: list[Cell] = []  # Table 四 values read so far
        self.last_heads: list[labels.Label] | None = None

    def feed(self, rows: list[Row]) -> Found:
        i = 0
        while i < len(rows):
            i += self._row(rows, i)
        return self.found

    def finish(self) -> Found:
        """What was found once every table of the page has been fed."""
        if self.t4_waiting:
            self._t4_done()  # fewer than 15 values: exported with the rest missing
        return self.found

    # -- helpers ---------------------------------------------------------------------
    @staticmethod
    def _following(rows: list[Row], start: int, limit: int) -> list[Cell]:
        """Value cells on the one-cell lines after a lone label (one cell per line)."""
        out: list[Cell] = []
        k = start
        while k < len(rows) and len(out) < limit:
            if values.kind(rows[k][0].text) == "text":
                kinds.join_broken_label(rows, k)  # `行政` / `强制` is the next label, not a value
            row = rows[k]
            if len(row) != 1 or not kinds.value_like(row[0]):
                break
            out.append(row[0])
            k += 1
        return out

    def _values(self, rows: list[Row], i: int, j: int, limit: int) -> tuple[list[Cell], int]:
        """Values of the label at rows[i][j]: rest of its row, else the following lines."""
        rest = rows[i][j + 1:]
        if rest:
            return _trim(rest, limit), 1
        skip = 0  # the rest of a label broken across lines (`…不再处理其` / `政府信息公开申请`)
        while skip < 2 and kinds.is_words(rows, i + 1 + skip):
            skip += 1
        following = self._following(rows, i + 1 + skip, limit)
        return following, 1 + skip + len(following)

    # -- one row -----------------------------------------------------------------------
    def _row(self, rows: list[Row], i: int) -> int:
        if len(rows[i]) == 1:  # only a one-cell line can start a broken label
            kinds.join_broken_label(rows, i)
        row = rows[i]
        if self.t4_waiting:
            taken = self._t4(rows, i)
            if taken:
                return taken
        if self.table == "t3" and not self.found.t3_rows:
            self._t3_header(row)
        known_label = kinds.known_label
        for j, c in enumerate(row):
            if c.merged:
                continue
            lab = known_label(c.text)
            if lab is None:
                continue  # no label of any table: _label would change nothing, return 0
            used = self._label(rows, i, j, lab)
            if used:
                return used
        self._nonstandard(row)
        return 1

    def _nonstandard(self, row: Row) -> None:
        """A labelled row of numbers inside Table 二/三 that is not a statutory row."""
        if self.table not in ("t2", "t3") or len(row) < 2:
            return
        texts = [c for c in row if not c.merged and values.kind(c.text) == "text"]
        if texts and any(values.kind(c.text) == "number" for c in row) and all(
                kinds.value_like(c) for c in row[row.index(texts[-1]) + 1:]):
            self.found.nonstandard.append(f"{self.table}: {texts[-1].text[:40]}")

    def _label(self, rows: list[Row], i: int, j: int, lab: labels.Label) -> int:
        """Rows consumed when this cell ends the row's processing, else 0."""
        block, t3_header, t4_marker, t3_key, t3_total = kinds.roles(lab)
        if block:
            self.table, self.block = "t2", block
            self.found.t2_signatures |= labels.signatures(lab)
            self.found.t2_blocks_seen.add(block)
            return 0
        if self.table == "t2" and lab.core == st.T2_LABEL_COLUMN:
            return self._t2_header(rows, i, j)
        if self.table in (None, "t2"):
            used = self._t2_row(rows, i, j, lab)
            if used:
                return used
        if t3_header:
            self.table, self.group = "t3", None
            self.found.t3_seen = True
            return 0
        if t4_marker and self.table != "t4":
            self.table, self.t4_waiting, self.group = "t4", True, None
            self.found.t4_seen = True
            return 0
        return self._t3_row(rows, i, j, lab, t3_key, t3_total)

    def _t3_header(self, row: Row) -> None:
        """Grid columns of Table 三's column headings (HTML), for mapping by position."""
        for c in row:
            key = _T3_COLUMN_BY_LABEL.get(labels.label(c.text).core) if c.col >= 0 else None
            if key and key not in self.found.t3_header_cols:
                self.found.t3_header_cols[key] = c.col

    def _t2_header(self, rows: list[Row], i: int, j: int) -> int:
        rest = [c for c in rows[i][j + 1:] if not c.merged and c.text]
        used = 1
        if not rest:  # one cell per line: headers are the label lines that follow
            texts: list[str] = []
            k = i + 1
            while k < len(rows):
                kinds.join_broken_label(rows, k)
                row = rows[k]
                lab = labels.label(row[0].text) if len(row) == 1 else None
                if (lab is None or values.kind(row[0].text) != "text" or labels.caption_block(lab)
                        or labels.t2_row_any(lab, self.block or "")):
                    break
                if texts and not kinds.known(lab):
                    texts[-1] += row[0].text  # the rest of the header cell above
                else:
                    texts.append(row[0].text)
                k += 1
            rest, used = [Cell(t) for t in texts], k - i
        heads = [labels.label(c.text) for c in rest]
        for lab in heads:
            self.found.t2_signatures |= labels.signatures(lab)
        if self.block:
            self.found.t2_headers[self.block] = heads
        self.last_heads = heads
        return used

    def _t2_row(self, rows: list[Row], i: int, j: int, lab: labels.Label) -> int:
        key = labels.t2_row_any(lab, self.block) if self.block else None
        if (key is None and self.table == "t2") or self.block is None:
            # A row of another block whose caption row is missing.
            for block in st.T2_BLOCK_BY_ORDINAL.values():
                if block != self.block and labels.t2_row_any(lab, block):
                    if self.table is None and not rows[i][j + 1:]:
                        return 0  # prose, not a table row
                    self.table, self.block = "t2", block
                    key = labels.t2_row_any(lab, block)
                    break
        if key is None or self.block is None:
            return 0
        self.found.t2_signatures |= labels.signatures(lab)
        heads = self.found.t2_headers.get(self.block) or self.last_heads
        limit = len(heads) if heads else _T2_MAX_COLUMNS[self.block]
        cells, used = self._values(rows, i, j, limit)
        block_rows = self.found.t2_rows.setdefault(self.block, {})
        if key in block_rows:
            self.found.duplicates.append(f"active_disclosure.{self.block}.{key}")
        else:
            block_rows[key] = cells
        return used

    def _t3_row(self, rows: list[Row], i: int, j: int, lab: labels.Label, key: str | None,
                total: bool) -> int:
        """`key`: labels.t3_row(lab); `total`: labels.is_results_total(lab)."""
        if key is None:
            if total and (
                lab.ordinal or _T3_PARENT.get(self.last_t3 or "") is not None
            ) and self.table == "t3":
                key = "results_total"
            elif (self.table == "t3" and self.group == "other_handling"
                  and lab.core == st.T3_OTHER_OTHER[2]):
                key = st.T3_OTHER_OTHER[0]
            else:
                return 0
        structured = len(rows[i]) > j + 1
        if self.table != "t3" and not structured and not lab.ordinal:
            return 0  # a sentence in the prose that happens to use the words
        if key in _T3_GROUPS:
            if key == "other_handling" and self._is_data(rows, i, j):
                pass  # 2019: （六）其他处理 is a data row
            else:
                self.group = None if key == "results" else key
                self.table = "t3"
                after = [c for c in rows[i][j + 1:] if not c.merged]
                if after and values.kind(after[0].text) == "number":
                    self.found.nonstandard.append(f"t3: subtotal row {key}")
                return 0
        self.table = "t3"
        self.found.t3_seen = True
        cells, used = self._values(rows, i, j, T3_WIDTH)
        if key in self.found.t3_rows:
            self.found.duplicates.append(f"applications.{key}")
        else:
            self.found.t3_rows[key] = cells
        self.last_t3 = key
        return used

    def _is_data(self, rows: list[Row], i: int, j: int) -> bool:
        rest = rows[i][j + 1:]
        if rest:
            return all(kinds.value_like(c) for c in rest)
        following = self._following(rows, i + 1, 1)
        return bool(following) and values.kind(following[0].text) != "text"

    def _t4(self, rows: list[Row], i: int) -> int:
        """Table 四's data: rows (or runs of one-cell lines) of value cells only, taken until
        15 values are read; a table split in two (行政复议 | 行政诉讼) has its values in two
        rows with header rows between them."""
        row = rows[i]
        want = T4_WIDTH - len(self.t4_partial)
        if len(row) == 1:
            cells = self._following(rows, i, want)
            used = len(cells)
        else:
            cells, used = _trim(row, want), 1  # e.g. a caption 件数 before the 15 values
        if not cells or not all(kinds.value_like(c) for c in cells):
            if self.t4_partial and not all(_t4_header(c) for c in row):
                self._t4_done()  # prose or another table: Table 四 ends short
            return 0
        found = {values.kind(c.text) for c in cells if not c.merged}
        if found <= {"text", "blank"} and not (
                found == {"blank"} and len(self.t4_partial) + len(cells) >= T4_WIDTH):
            return 0  # a row of words is a header
        self.t4_partial += cells
        if len(self.t4_partial) >= T4_WIDTH or len(self.t4_partial) % T4_GROUP:
            self._t4_done()  # a table split in two is split between groups of five
        return used

    def _t4_done(self) -> None:
        if self.t4_partial:
            self.found.t4_cells = self.t4_partial
        self.t4_partial, self.t4_waiting = [], False
