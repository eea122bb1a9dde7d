"""A flattened line where row labels and their digits run together (statutory_format.md §3.7):
`5.属于三类内部事务信息3200000326.属于四类过程性信息…` is the label 5.属于三类内部事务信息, the
digits 320000032, then the next row `6.属于四类过程性信息…`, whose ordinal `6` glued onto the
digits. Labels are found by their template wording; the digits are left as one `glued` cell
for `build` to cut by the identities (or leave unread). A line is split only when it reads
wholly as such rows, so prose with numbers in it stays as it is. Numbers printed apart after
the label (`规章 0 1 2`) are cells of their own.
"""

from __future__ import annotations

import re

from giar_crawler.parsing.tables import labels
from giar_crawler.parsing.tables.grid import Cell, Row
from giar_crawler.schema import statutory as st

_NUMBER = r"\d+(?:\.\d+)?"  # 万元 amounts have decimals
_RUN = re.compile(rf"{_NUMBER}(?:[ \t\u3000\xa0]+{_NUMBER})*")  # `32 0 0 0 0 0 32` too
_ORDINAL_MARK = ".．、"
MAX_PREFIX = 2 * labels.MAX_LABEL  # a longer run of text before the digits is prose
ROW_CORES = frozenset(
    labels.label(text).core
    for text in (
        *(row[1] for row in st.T3_ROWS),
        *(row[1] for fmt in st.FORMATS for rows in st.T2_ROWS[fmt].values() for row in rows),
        *st.T3_RESULTS_TOTAL_ALIASES, st.T3_OTHER_OTHER[1],
    )
)


def _next_ordinal(lab: labels.Label) -> str:
    """Ordinal of the row after `lab`: the next number in its group, else the group's first."""
    return str(int(lab.ordinal) + 1) if lab.ordinal.isdigit() else "1"


def _head(text: str) -> tuple[Row, str] | None:
    """The first row of `text` (label, and its digits when any) and the text after it."""
    run = next((m for m in _RUN.finditer(text) if m.start() > 0), None)  # not its ordinal
    if run is None or run.start() > MAX_PREFIX:
        return None
    lab = labels.label(text[:run.start()])
    if lab.core not in ROW_CORES:
        return None
    numbers, after = run.group(0).split(), text[run.end():].strip()
    if len(after) > 1 and after[0] in _ORDINAL_MARK and not after[1].isdigit():
        ordinal = _next_ordinal(lab)
        if not numbers[-1].endswith(ordinal):
            return None
        numbers[-1], after = numbers[-1][:-len(ordinal)], ordinal + after
    numbers = [n for n in numbers if n]
    row = [Cell(text[:run.start()].strip())]
    # One run is digits glued together; numbers apart are cells of their own.
    row += [Cell(n, glued=len(numbers) == 1) for n in numbers]
    return row, after


def split_line(line: str) -> list[Row] | None:
    """Rows of a line of glued labels and digits, or None when the line is not one."""
    rows: list[Row] = []
    rest = line.strip()
    while rest:
        head = _head(rest)
        if head is None:
            return None
        row, rest = head
        rows.append(row)
    return rows if any(len(r) > 1 for r in rows) else None
