"""Cell text → {"raw", "value", "unit"?, "status"?}; nothing is ever guessed.

- numbers: `value` int (float when the cell has decimals, e.g. 万元 amounts); a sign is kept
  (`+1036`, `-18`); a unit printed in the cell (`42项`, `251000元`) goes to `unit`;
- `status` marks every cell without a number: `blank` (empty cell), `na` (`/ - — -- 无`,
  not applicable), `text` (e.g. `撤销`), `missing` (the page has no such cell), `merged`
  (covered by a value cell spanning rows or columns; the value is not copied), `glued` (a row's digits
  run together that no single cut explains, see `glued`);
- `raw` is the cell text as printed (whitespace trimmed), null only when the cell is missing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from giar_crawler.parsing.tables.labels import gloss_free
from giar_crawler.schema import statutory as st

_UNITS = "|".join(sorted(map(re.escape, st.VALUE_UNITS), key=len, reverse=True))
_NUMBER = re.compile(rf"^([+-]?)(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?({_UNITS})?$")

MISSING: dict[str, Any] = {"raw": None, "value": None, "status": "missing"}
MERGED: dict[str, Any] = {"raw": None, "value": None, "status": "merged"}


def clean_raw(text: str) -> str:
    """Runs of whitespace and zero-width spaces as one space, none at the ends (str.split's
    whitespace is the regex's \\s, \\u3000 and \\xa0 included; faster than a regex)."""
    return " ".join(text.replace("\u200b", " ").split())


@lru_cache(maxsize=8192)
def kind(text: str) -> str:
    """'number', 'blank', 'na' or 'text' for a cell's text (cached: called for every cell,
    often several times)."""
    return _classify(text)[0]


@lru_cache(maxsize=8192)
def _classify(text: str) -> tuple[str, re.Match | None]:
    if text.isascii() and text.isdigit():  # most cells: a count, already in normal form
        return "number", _NUMBER.match(text)
    s = "".join(gloss_free(text).replace("\u200b", "").split())  # no (zero-width) spaces
    if not s:
        return "blank", None
    if s in st.NA_MARKERS or (len(s) > 1 and set(s) <= {"-", "—", "/", "－", "–"}):
        return "na", None
    m = _NUMBER.match(unicodedata.normalize("NFKC", s).replace("＋", "+"))
    return ("number", m) if m else ("text", None)


def cell(text: str, unit: str | None = None) -> dict[str, Any]:
    """The exported cell for `text`; `unit` is the column's unit (e.g. 万元 from its header)."""
    return shared_cell(text, unit).copy()  # a copy: exported cells are never shared


@lru_cache(maxsize=8192)
def plain_cell(text: str) -> dict[str, Any]:
    """shared_cell without a column unit; one argument makes a cheaper cache key."""
    return shared_cell(text, None)


@lru_cache(maxsize=8192)
def shared_cell(text: str, unit: str | None) -> dict[str, Any]:
    """The cell for `text` (cached: tables repeat the same few numbers); shared between
    calls, so only ever exported as a copy."""
    raw = text if text.isdigit() else clean_raw(text)
    status, m = _classify(raw)
    if status != "number" or m is None:
        return {"raw": raw, "value": None, "status": status}
    sign, digits, decimals, cell_unit = m.groups()
    digits = digits.replace(",", "")
    value: int | float = float(digits + decimals) if decimals else int(digits)
    if sign == "-":
        value = -value
    out: dict[str, Any] = {"raw": raw, "value": value}
    if cell_unit or unit:
        out["unit"] = cell_unit or unit
    return out
