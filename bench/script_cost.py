"""Script normalisation cost: the script stage on simplified and on traditional pages.

    python -m bench.script_cost [--rounds 5]

Each page is decoded and its content extracted outside the timing; the script stage alone is
timed, against the floor (decode once + one lxml parse) of the same pages in the same run.
On simplified pages the stage should cost close to nothing (detect that there is nothing to
convert). Traditional pages are the corpus's own; when it has none, traditional copies of its
simplified pages are derived with OpenCC s2t (and the output says so).
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import replace

from opencc import OpenCC

from bench.corpus import Page, report_pages
from bench.timing import emit, floor, floor_codec, new_item, timed
from giar_crawler.pipelines import run_stage
from giar_crawler.pipelines.content import extract
from giar_crawler.pipelines.decode import decode
from giar_crawler.pipelines.script import normalise


def prepared(page: Page):
    """The item as the script stage receives it in the chain."""
    item = new_item(page)
    run_stage(decode, item, "decode")
    run_stage(extract, item, "content")
    return item


def script_of(page: Page) -> str:
    item = prepared(page)
    run_stage(normalise, item, "script")
    return item.script or "unknown"


def derived_traditional(pages: list[Page]) -> list[Page]:
    t = OpenCC("s2t")
    out = []
    for page in pages:
        codec = floor_codec(page)
        body = t.convert(page.body.decode(codec, "replace")).encode(codec, "xmlcharrefreplace")
        out.append(replace(page, body=body, origin=f"{page.origin} (derived: OpenCC s2t)"))
    return out


def measure(pages: list[Page], rounds: int) -> tuple[float, float]:
    """(script stage seconds, floor seconds) over all pages and rounds."""
    codecs = [floor_codec(p) for p in pages]
    script_s = floor_s = 0.0
    for _ in range(rounds):
        for page, codec in zip(pages, codecs, strict=True):
            floor_s += timed(floor, page, codec)
            item = prepared(page)  # traditional pages are converted in place: fresh each round
            script_s += timed(run_stage, normalise, item, "script")
    return script_s, floor_s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.script_cost", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int, help="use only the first N corpus pages")
    args = parser.parse_args(argv)
    logging.getLogger("giar_crawler").setLevel(logging.CRITICAL)
    pages = report_pages()[: args.limit]
    scripts = [script_of(p) for p in pages]
    simplified = [p for p, s in zip(pages, scripts, strict=True) if s != "traditional"]
    traditional = [p for p, s in zip(pages, scripts, strict=True) if s == "traditional"]
    origin = "from the corpus"
    if not traditional:
        traditional, origin = derived_traditional(simplified), "derived from the simplified ones"
    groups = (
        ("simplified", simplified, "from the corpus", "goal: close to 0"),
        ("traditional", traditional, origin, "no goal; compare with the floor"),
    )
    for label, group, where, goal in groups:
        if not group:
            emit(f"{label} pages", 0, "pages", "none in the corpus")
            continue
        failed = sum(prepared(p).has_flag("stage_error") for p in group)
        script_s, floor_s = measure(group, args.rounds)
        n = len(group) * args.rounds
        emit(f"{label} pages", len(group), "pages", f"x {args.rounds} rounds; {where}")
        emit(f"stage errors before script on {label}", failed, "pages", "0 expected")
        emit(f"script stage on {label}", 1000 * script_s / n, "ms/report")
        emit(f"floor on {label}", 1000 * floor_s / n, "ms/report", "decode once + one lxml parse")
        emit(f"ratio script/floor {label}", script_s / floor_s, "x", goal)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
