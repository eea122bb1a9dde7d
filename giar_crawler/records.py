"""Reading exported records back: JSON lines files written by a crawl."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any


def read_records(
    paths: Iterable[str | Path],
    problem: Callable[[str], None],
    required: tuple[str, ...] = ("url",),
) -> Iterator[dict[str, Any]]:
    """Records from JSON lines files; a bad line goes to ``problem`` and is skipped."""
    for path in map(Path, paths):
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    problem(f"{path}:{number}: not JSON ({exc})")
                    continue
                if not isinstance(record, dict) or any(k not in record for k in required):
                    problem(f"{path}:{number}: not a report record")
                    continue
                yield record
