"""What the parse benchmarks share: the floor, fresh items, and the one-line output format."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

import lxml.etree

from bench.corpus import Page
from giar_crawler.items import ReportItem
from giar_crawler.parsing.encoding import decode_html
from giar_crawler.pipelines.decode import HTML_PARSER


def floor_codec(page: Page) -> str:
    """The page's encoding, found once outside the timings (the floor decodes once, knowing it)."""
    decoded = decode_html(page.body, page.content_type)
    if decoded.source == "bom" and decoded.encoding == "utf-8":
        return "utf-8-sig"
    return decoded.encoding


def floor(page: Page, codec: str):
    """The least any parser must do: decode the bytes once and parse the HTML once (with the
    decode stage's parser)."""
    text = page.body.decode(codec, "replace")
    return lxml.etree.fromstring(text or "<html/>", HTML_PARSER, base_url=page.url)


def one_python_pass(tree) -> None:
    """Visit every node of a parsed page once from Python (its tag, text and tail): the unit
    of any per-element work a Python stage does, printed beside the floor for scale."""
    for el in tree.iter():
        el.tag, el.text, el.tail  # noqa: B018 — reading them is the point


def new_item(page: Page) -> ReportItem:
    """A report item as the spider yields it for this page."""
    return ReportItem(
        url=page.url,
        headers=dict(page.headers),
        body=page.body,
        sha256=hashlib.sha256(page.body).hexdigest(),
    )


def timed(fn: Callable, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def emit(label: str, value: float, unit: str = "", note: str = "") -> None:
    """One figure per line: ``label: value unit (note)``; the smoke test reads this format."""
    text = f"{label}: {value}" if isinstance(value, int) else f"{label}: {value:.3f}"
    if unit:
        text += f" {unit}"
    if note:
        text += f" ({note})"
    print(text, flush=True)
