"""Digits of a whole row glued into one cell by a text extraction (`15130000154`).

statutory_format.md §1.5: the structural identities often admit exactly one way to cut such
a string back into cells (Table 三 row `15130000154` → 151,3,0,0,0,0,154; Table 四
`25380363300630003` → 25,3,8,0,36 | 3,3,0,0,6 | 3,0,0,0,3). The cut is used only when it is
the single one satisfying the identity (no leading zeros, counts under a million); otherwise
the cell stays unread. Table 二 has no identity and is never cut.
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_PART = 6  # digits of one count


def _cuts(digits: str, parts: int, total: int | None = None) -> Iterator[list[int]]:
    """Every way to cut `digits` into `parts` numbers without leading zeros (summing to
    `total` when given)."""
    if parts == 1:
        if len(digits) <= MAX_PART and (digits == "0" or not digits.startswith("0")) and (
                total is None or int(digits) == total):
            yield [int(digits)]
        return
    for size in range(1, min(MAX_PART, len(digits) - parts + 1) + 1):
        head = digits[:size]
        if (size > 1 and head.startswith("0")) or (total is not None and int(head) > total):
            break
        left = None if total is None else total - int(head)
        for rest in _cuts(digits[size:], parts - 1, left):
            yield [int(head), *rest]


def _totals(digits: str, groups: int, width: int) -> Iterator[list[int]]:
    """Cuts into `groups` runs of `width` numbers, each run ending in the sum of the others."""
    if groups == 0:
        if not digits:
            yield []
        return
    if groups == 1:  # the run ends the string: its total is a suffix, known before cutting
        for size in range(1, min(MAX_PART, len(digits) - width + 1) + 1):
            total = digits[-size:]
            if size == 1 or not total.startswith("0"):
                for parts in _cuts(digits[:-size], width - 1, int(total)):
                    yield [*parts, int(total)]
        return
    for end in range(width - 1, min(len(digits), (width - 1) * MAX_PART) + 1):
        for parts in _cuts(digits[:end], width - 1):
            total = str(sum(parts))  # must be printed next: no need to try every cut of it
            if len(total) <= MAX_PART and digits.startswith(total, end):
                for rest in _totals(digits[end + len(total):], groups - 1, width):
                    yield [*parts, int(total), *rest]


def resegment(digits: str, groups: int, width: int) -> list[int] | None:
    """The single cut of `digits` into groups × width numbers that satisfies the totals."""
    if not digits.isdigit() or len(digits) < groups * width:
        return None
    return _single(_totals(digits, groups, width))


def only_cut(digits: str, parts: int) -> list[int] | None:
    """The cut of `digits` into `parts` numbers when there is just one (`000` → 0,0,0); for
    Table 二, which has no identity to choose between several cuts (`693665`)."""
    return _single(_cuts(digits, parts)) if digits.isdigit() else None


def _single(cuts: Iterator[list[int]]) -> list[int] | None:
    """The one distinct cut the iterator yields; None for none or several (stops at two)."""
    found: list[list[int]] = []
    for cut in cuts:
        if cut not in found:
            found.append(cut)
        if len(found) > 1:
            return None
    return found[0] if found else None
