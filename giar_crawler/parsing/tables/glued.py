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


def _cuts(digits: str, parts: int) -> Iterator[list[int]]:
    """Every way to cut `digits` into `parts` numbers without leading zeros."""
    if parts == 1:
        if len(digits) <= MAX_PART and (digits == "0" or not digits.startswith("0")):
            yield [int(digits)]
        return
    for size in range(1, min(MAX_PART, len(digits) - parts + 1) + 1):
        head = digits[:size]
        if size > 1 and head.startswith("0"):
            break
        for rest in _cuts(digits[size:], parts - 1):
            yield [int(head), *rest]


def _totals(digits: str, groups: int, width: int) -> Iterator[list[int]]:
    """Cuts into `groups` runs of `width` numbers, each run ending in the sum of the others."""
    if groups == 0:
        if not digits:
            yield []
        return
    for end in range(width, min(len(digits), width * MAX_PART) + 1):
        for run in _cuts(digits[:end], width):
            if run[-1] == sum(run[:-1]):
                for rest in _totals(digits[end:], groups - 1, width):
                    yield [*run, *rest]


def resegment(digits: str, groups: int, width: int) -> list[int] | None:
    """The single cut of `digits` into groups × width numbers that satisfies the totals."""
    if not digits.isdigit() or len(digits) < groups * width:
        return None
    found: list[list[int]] = []
    for cut in _totals(digits, groups, width):
        if cut not in found:
            found.append(cut)
        if len(found) > 1:
            return None
    return found[0] if found else None
