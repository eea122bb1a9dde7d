"""Crawl throughput: county_reports in replay mode vs a bare spider on the same generated site.

    python -m bench.crawl_throughput [--portals 500 --reports 20] [--site DIR] [--keep]

Generates N portals × M reports (bench.make_site) unless --site names one, then crawls it
twice in child processes with the same settings (no delays, no AutoThrottle, robots.txt off):
the bare spider (same listings and links, no items, nothing exported) and county_reports
with all pipelines and a JSON-lines feed. Goal: county_reports ≥ 80% of the bare rate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from bench.crawl_run import spawn
from bench.make_site import make_site
from bench.timing import emit


def site_for(args, workdir: Path) -> Path:
    if args.site:
        return Path(args.site)
    site = make_site(workdir / "site", args.portals, args.reports, args.per_page)
    return site.root


def crawl_figures(site: Path, workdir: Path, repeat: int = 1, workers: str | None = None) -> tuple[dict, dict]:
    """The fastest of ``repeat`` alternating runs of each spider (other load only slows runs)."""
    bares, fulls = [], []
    for _ in range(repeat):
        bares.append(spawn(site, "bare"))
        fulls.append(spawn(site, "county_reports", feed=workdir / "reports.jsonl", workers=workers))
    fastest = min(bares, key=lambda f: f["elapsed"]), min(fulls, key=lambda f: f["elapsed"])
    return fastest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_throughput", description=__doc__.split("\n")[0])
    parser.add_argument("--portals", type=int, default=500)
    parser.add_argument("--reports", type=int, default=20, help="reports per portal")
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--site", help="an existing bench.make_site output directory")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each spider; fastest kept")
    parser.add_argument("--keep", action="store_true", help="keep the generated site and feed")
    parser.add_argument("--workers", help="GIAR_PARSE_PROCESSES for county_reports (default: "
                        "the project's, auto); 0 parses in the crawl's process")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="giar-bench-"))
    try:
        site = site_for(args, workdir)
        bare, full = crawl_figures(site, workdir, args.repeat, args.workers)
        exported = sum(1 for _ in (workdir / "reports.jsonl").open(encoding="utf-8"))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    bare_rate = bare["reports"] / bare["elapsed"]
    full_rate = full["reports"] / full["elapsed"]
    emit("report pages", full["reports"], "pages",
         f"{bare['responses']} responses in all; fastest of {args.repeat} run(s) each")
    emit("exported", exported, "records", "county_reports feed; should equal report pages")
    emit("request errors", full["request_errors"] + bare["request_errors"], "requests",
         "both crawls; 0 expected")
    emit("stage errors", full["stage_errors"], "stage runs", "county_reports; 0 expected")
    emit("bare rate", bare_rate, "pages/s", f"{bare['elapsed']:.1f} s")
    emit("county_reports rate", full_rate, "pages/s", f"{full['elapsed']:.1f} s")
    emit("ratio county_reports/bare", full_rate / bare_rate, "x",
         f"goal >= 0.80; {full['workers']} parse worker(s)")
    # The rate hides work moved to other cores; CPU time per page does not.
    bare_cpu, full_cpu = (1000 * f["cpu_s"] / f["reports"] for f in (bare, full))
    emit("cpu bare", bare_cpu, "ms/page", "crawl process")
    emit("cpu county_reports", full_cpu, "ms/page", "crawl process + parse workers")
    if full["workers"]:
        emit("cpu county_reports crawl process", 1000 * full["self_cpu_s"] / full["reports"],
             "ms/page", "without the parse workers")
    emit("ratio cpu county_reports/bare", full_cpu / bare_cpu, "x", "no goal; the work done")
    # However the work is spread, these cores give at most cores / CPU-per-page pages a second.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ceiling = cores * 1000 / full_cpu
    emit("ratio ceiling county_reports/bare", ceiling / bare_rate, "x",
         f"{ceiling:.0f} pages/s: {cores} cores fully used at county_reports' CPU per page")
    emit("peak rss county_reports", full["vmhwm_kib"] / 1024, "MiB", "VmHWM of the child")
    if full["workers"]:
        emit("peak rss parse worker", full["worker_vmhwm_kib"] / 1024, "MiB", "largest worker")
    emit("peak rss bare", bare["vmhwm_kib"] / 1024, "MiB", "VmHWM of the child")
    if args.keep:
        print(f"kept: {workdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
