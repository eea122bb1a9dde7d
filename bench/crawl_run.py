"""One crawl in this process over a generated site; prints one JSON line of figures.

    python -m bench.crawl_run SITE_DIR --spider county_reports|bare [--feed FILE]

Run as a child by crawl_throughput.py and memory.py so each crawl has its own peak RSS.
Settings are the project's, with delays, AutoThrottle and robots.txt off for both spiders.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from bench.bare_spider import BareSpider
from giar_crawler.pipelines.pool import peak_rss_kib
from giar_crawler.spiders.county_reports import CountyReportsSpider

SPIDERS = {"county_reports": CountyReportsSpider, "bare": BareSpider}
BENCH_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "ROBOTSTXT_OBEY": False,
    "LOG_LEVEL": "WARNING",
}


def run(site: Path, spider: str, feed: Path | None, workers: str | None = None) -> dict:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "giar_crawler.settings")
    settings = get_project_settings()
    settings.setdict({**BENCH_SETTINGS, "REPLAY_DIR": str(site / "replay")}, priority="cmdline")
    if workers is not None:
        settings.set("GIAR_PARSE_PROCESSES", workers, priority="cmdline")
    if spider == "bare":
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    elif feed:
        settings.set("FEEDS", {str(feed): {"format": "jsonlines", "overwrite": True}},
                     priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SPIDERS[spider])
    started = time.perf_counter()
    process.crawl(crawler, portals=str(site / "portals.csv"))
    process.start()
    wall = time.perf_counter() - started
    stats = crawler.stats.get_stats()
    reports = sum(v for k, v in stats.items() if k.endswith("/reports_fetched"))
    return {
        "spider": spider,
        "reports": reports,
        "responses": stats.get("response_received_count", 0),
        "items": stats.get("item_scraped_count", 0),
        "elapsed": stats.get("elapsed_time_seconds") or wall,
        "wall": wall,
        "request_errors": stats.get("giar/errors", 0),
        "stage_errors": sum(
            v for k, v in stats.items() if k.startswith("giar/stage/") and k.endswith("/errors")
        ),
        "logged_errors": stats.get("log_count/ERROR", 0),
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "vmhwm_kib": peak_rss_kib(),
        # Parse workers (pipelines/pool.py): how many, their peak RSS and CPU time.
        "workers": stats.get("giar/pool/workers", 0),
        "worker_vmhwm_kib": stats.get("giar/pool/worker_peak_rss_kib", 0),
        # Parse workers are children, reaped when the spider closes: RUSAGE_CHILDREN has them.
        "cpu_s": _cpu_s(resource.RUSAGE_SELF) + _cpu_s(resource.RUSAGE_CHILDREN),
        "self_cpu_s": _cpu_s(resource.RUSAGE_SELF),
    }


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_run")
    parser.add_argument("site", type=Path)
    parser.add_argument("--spider", choices=sorted(SPIDERS), default="county_reports")
    parser.add_argument("--feed", type=Path, help="where county_reports writes its items")
    parser.add_argument("--workers", help="GIAR_PARSE_PROCESSES (default: the project's)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.site, args.spider, args.feed, args.workers)))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def spawn(site: Path, spider: str, feed: Path | None = None, timeout: float = 3600,
          workers: str | None = None) -> dict:
    """Run one crawl in a child process (its own peak RSS); its figures as a dict."""
    cmd = [sys.executable, "-m", "bench.crawl_run", str(site), "--spider", spider]
    if feed:
        cmd += ["--feed", str(feed)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "giar_crawler.settings"}
    root = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    done = subprocess.run(cmd, check=False, cwd=root, env=env, capture_output=True, text=True, timeout=timeout)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"crawl {spider} failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(lines[-1])
