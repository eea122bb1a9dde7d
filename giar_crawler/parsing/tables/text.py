"""Tables flattened to text → rows of cells, for the forms copies of reports come in.

- ` | `-separated: one table row per line; empty fields after the last filled one are the
  extractor's padding to the table width, not cells (interior empty fields are blank cells);
- tab-separated: either cells on one line (`a<TAB>b<TAB>c`) or one cell per line, each line
  starting with a tab, rows separated by blank lines, a line without the tab continuing the
  cell above (`结果` / `纠正`);
- one cell per line: every other line is a row of one cell; the reader then takes a label's
  values from the lines that follow it;
- labels and digits run together (`行政规范性文件693665`, several rows on one line): split at
  the labels, see `glued_line`.
"""

from __future__ import annotations

import re

from giar_crawler.parsing.tables.glued_line import split_line
from giar_crawler.parsing.tables.grid import Cell, Row

CONTINUATION_MAX = 40
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _pipe_row(line: str) -> Row:
    fields = [f.strip() for f in line.split("|")]
    while fields and not fields[-1]:
        fields.pop()
    return [Cell(f) for f in fields]


def _continues(line: str) -> bool:
    """An untabbed line right after a tab cell is the rest of that cell (`结果` / `纠正`),
    unless it reads as a heading or prose."""
    s = line.strip()
    return ("\t" not in line and "|" not in line and len(s) <= CONTINUATION_MAX
            and not _HEADING.match(s))


def text_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    block: Row | None = None  # cells of a one-cell-per-tab-line row

    def close_block() -> None:
        nonlocal block
        if block:
            rows.append(block)
        block = None

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.startswith("\t") and "\t" not in line[1:]:
            if block is None:
                block = []
            block.append(Cell(line[1:].strip()))
            continue
        if not line.strip():
            close_block()
            continue
        if block is not None and _continues(line):
            block[-1].text = (block[-1].text + line.strip()).strip()
            continue
        close_block()
        if "\t" in line.lstrip("\t"):
            rows.append([Cell(f.strip()) for f in line.rstrip("\n").split("\t")])
        elif "|" in line:
            rows.append(_pipe_row(line))
        else:
            rows += split_line(line) or [[Cell(line.strip())]]
    close_block()
    return rows
