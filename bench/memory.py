"""Memory: peak RSS of the county_reports crawl at two sizes of generated site.

    python -m bench.memory [--sizes 1000,10000] [--reports 20]

Each size is crawled in its own child process (replay mode, all pipelines, JSON-lines feed)
and its peak resident set read from /proc/self/status VmHWM at the end. Portals scale with the
size (M reports each), as a larger crawl covers more portals. The bare spider crawls the same
sites too, to tell the growth of the crawl machinery itself (scheduler queue, duplicate filter,
per-portal stats) from the pipelines'. Goal: flat within 10%, because items stream to the feed
and nothing per report is kept.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from bench.crawl_run import spawn
from bench.make_site import make_site
from bench.timing import emit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="report pages per crawl, small,large")
    parser.add_argument("--reports", type=int, default=20, help="reports per portal")
    parser.add_argument("--no-bare", action="store_true",
                        help="skip the bare spider's crawls (they tell the framework's own growth)")
    parser.add_argument("--workers", help="GIAR_PARSE_PROCESSES (default: the project's, auto)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="giar-bench-"))
    peaks, bare_peaks = [], []
    try:
        for size in sizes:
            portals = max(1, size // args.reports)
            site = make_site(workdir / f"site{size}", portals, min(args.reports, size))
            fig = spawn(site.root, "county_reports", feed=workdir / f"reports{size}.jsonl",
                        workers=args.workers)
            # The crawl's process and its parse workers (pipelines/pool.py) together.
            peaks.append((fig["vmhwm_kib"] + fig["workers"] * fig["worker_vmhwm_kib"]) / 1024)
            emit(f"peak rss at {fig['reports']} reports", peaks[-1], "MiB",
                 f"county_reports, {portals} portals, {fig['elapsed']:.1f} s; crawl process "
                 f"{fig['vmhwm_kib'] / 1024:.1f} + {fig['workers']} parse worker(s) "
                 f"{fig['worker_vmhwm_kib'] / 1024:.1f} each")
            if not args.no_bare:
                bare = spawn(site.root, "bare")
                bare_peaks.append(bare["vmhwm_kib"] / 1024)
                emit(f"peak rss bare at {bare['reports']} reports", bare_peaks[-1], "MiB",
                     "same site, bare spider")
            shutil.rmtree(site.root, ignore_errors=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    emit(f"ratio peak rss {sizes[-1]}/{sizes[0]}", peaks[-1] / peaks[0], "x", "goal <= 1.10")
    if bare_peaks:
        emit(f"ratio peak rss bare {sizes[-1]}/{sizes[0]}", bare_peaks[-1] / bare_peaks[0], "x",
             "the crawl framework's own growth, for comparison")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
