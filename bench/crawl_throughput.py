"""Crawl throughput: county_reports in replay mode vs a bare spider on the same generated site.

    python -m bench.crawl_throughput [--portals 500 --reports 20] [--site DIR] [--keep]

Generates N portals × M reports (bench.make_site) unless --site names one, then crawls it
twice in child processes with the same settings (no delays, no AutoThrottle, robots.txt off):
the bare spider (same listings and links, no items, nothing exported) and county_reports
with all pipelines and a JSON-lines feed. Goal: county_reports ≥ 80% of the bare rate.
"""

from __future__ import annotations

import argparse
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


def crawl_figures(site: Path, workdir: Path, repeat: int = 1) -> tuple[dict, dict]:
    """The fastest of ``repeat`` alternating runs of each spider (other load only slows runs)."""
    bares, fulls = [], []
    for _ in range(repeat):
        bares.append(spawn(site, "bare"))
        fulls.append(spawn(site, "county_reports", feed=workdir / "reports.jsonl"))
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
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="giar-bench-"))
    try:
        site = site_for(args, workdir)
        bare, full = crawl_figures(site, workdir, args.repeat)
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
    emit("ratio county_reports/bare", full_rate / bare_rate, "x", "goal >= 0.80")
    emit("peak rss county_reports", full["vmhwm_kib"] / 1024, "MiB", "VmHWM of the child")
    emit("peak rss bare", bare["vmhwm_kib"] / 1024, "MiB", "VmHWM of the child")
    if args.keep:
        print(f"kept: {workdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
