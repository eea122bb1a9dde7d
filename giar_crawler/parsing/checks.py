"""Accounting identities of the statutory tables (placeholder)."""

from __future__ import annotations

from typing import Any


def run(fmt: str, tables: dict[str, Any]) -> list[dict[str, Any]]:
    return []
