"""Statutory tables → canonical keys (placeholder until the tables parser lands)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TablesResult:
    format: str = "unknown"
    tables: dict[str, Any] = field(default_factory=dict)
    flags: list[tuple[str, str]] = field(default_factory=list)


def parse(content, text: str) -> TablesResult:
    return TablesResult()
