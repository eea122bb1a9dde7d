"""Parse cost: reports/s through the whole pipeline chain vs the floor, same bytes, same run.

    python -m bench.parse_cost [--rounds 5] [--limit N]

The floor is decoding each page once (its encoding known) plus one lxml parse. The chain is
giar_crawler.parse.process on a ReportItem built from the page's bytes and headers. Floor and
chain alternate page by page so both see the same machine state. Goal: chain ≤ 2× floor.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import sys
from collections import defaultdict
from statistics import median

from bench.corpus import report_pages
from bench.timing import emit, floor, floor_codec, new_item, one_python_pass, timed
from giar_crawler.parse import STAGES, process
from giar_crawler.pipelines import run_stage


def measure(pages, rounds: int) -> dict[str, float]:
    codecs = [floor_codec(p) for p in pages]
    floor_s = chain_s = visit_s = 0.0
    first: dict[str, float] = {}
    failed = 0
    stage_s: dict[str, float] = defaultdict(float)
    per_page: list[list[tuple[float, float]]] = [[] for _ in pages]  # (floor, chain) a round
    for round_ in range(rounds):
        if round_ == 1:  # the first round meets every page, label and cell text for the first time
            first = {"floor": floor_s, "chain": chain_s}
        for page, codec, times in zip(pages, codecs, per_page, strict=True):
            times.append((timed(floor, page, codec), None))
            visit_s += timed(one_python_pass, floor(page, codec))
            item = new_item(page)
            times[-1] = (times[-1][0], timed(process, item))
            floor_s += times[-1][0]
            chain_s += times[-1][1]
            failed += item.has_flag("stage_error")
            item = new_item(page)
            for name, stage in STAGES:
                stage_s[name] += timed(run_stage, stage, item, name)
    return {
        "floor": floor_s,
        "chain": chain_s,
        "visit": visit_s,
        "first": first or {"floor": floor_s, "chain": chain_s},
        # Each page's median time over the rounds: a burst of other load moves it less.
        "median floor": sum(median(f for f, _ in t) for t in per_page),
        "median chain": sum(median(c for _, c in t) for t in per_page),
        "failed": failed,
        **{f"stage {k}": v for k, v in stage_s.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.parse_cost", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int, help="use only the first N corpus pages")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="then print the chain's top N functions by own time to stderr")
    args = parser.parse_args(argv)
    # A stage that raises is flagged and counted below; its traceback would drown the figures.
    logging.getLogger("giar_crawler").setLevel(logging.CRITICAL)
    pages = report_pages()[: args.limit]
    n = len(pages) * args.rounds
    t = measure(pages, args.rounds)
    origins = sorted({p.origin.split(" ")[0].rsplit("/", 1)[0] for p in pages})
    emit("report pages", len(pages), "pages", f"x {args.rounds} rounds; from {', '.join(origins)}")
    emit("floor", n / t["floor"], "reports/s", "decode once + one lxml parse")
    emit("chain", n / t["chain"], "reports/s", "giar_crawler.parse.process, all stages")
    emit("ratio chain/floor", t["chain"] / t["floor"], "x", "time per report; goal <= 2")
    emit("ratio chain/floor of medians", t["median chain"] / t["median floor"], "x",
         "each page's median time over the rounds; steadier on a busy machine")
    emit("ratio chain/floor first round", t["first"]["chain"] / t["first"]["floor"], "x",
         "pages, labels and cell texts met for the first time, one-time set-up included")
    emit("python pass", 1000 * t["visit"] / n, "ms/report",
         f"{t['visit'] / t['floor']:.2f}x floor: one Python visit of every node, for scale")
    emit("stage errors", t["failed"], "reports", "flagged stage_error in the chain; 0 expected")
    staged = sum(v for k, v in t.items() if k.startswith("stage "))
    for name, _ in STAGES:
        secs = t[f"stage {name}"]
        emit(f"stage {name}", 1000 * secs / n, "ms/report",
             f"{100 * secs / staged:.0f}% of chain, {secs / t['floor']:.2f}x floor")
    if args.profile:
        profile(pages, args.rounds, args.profile)
    return 0


def profile(pages, rounds: int, top: int) -> None:
    """Where the chain's time goes, function by function (stderr: the figures stay parseable)."""
    prof = cProfile.Profile()
    for _ in range(rounds):
        for page in pages:
            item = new_item(page)
            prof.runcall(process, item)
    stats = pstats.Stats(prof, stream=sys.stderr)
    stats.sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    raise SystemExit(main())
