"""Deterministic split of the portal registry: ``-a shard=i/n`` crawls shard i of n.

A portal's shard comes from a stable hash of its province and name, so the same row
lands in the same shard on every machine and in every year, and adding a row to the
registry never moves the others. Shards are numbered 1..n.
"""

from __future__ import annotations

import hashlib

from giar_crawler.registry import PortalRow


def parse_shard(spec: str | None) -> tuple[int, int] | None:
    """'2/4' → (2, 4); None or '' → None (no split)."""
    if not spec:
        return None
    index, sep, count = str(spec).partition("/")
    try:
        i, n = int(index), int(count)
    except ValueError:
        i = n = 0
    if not sep or n < 1 or not 1 <= i <= n:
        raise ValueError(f"shard must be i/n with 1 <= i <= n, got {spec!r}")
    return i, n


def shard_of(row: PortalRow, count: int) -> int:
    """The shard (1..count) a portal belongs to."""
    key = f"{row.province}\t{row.name}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % count + 1
