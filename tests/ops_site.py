"""Replayed sites and a crawl runner for the operations tests.

Synthetic portals (one listing page linking three reports each, saved in the REPLAY_DIR
layout with save_exchange), optionally next to the bundled fixture portal. The operations
tests check plumbing (which reports are exported, how often), not parsing: the synthetic
pages are minimal but real HTML, and give the distributed and resume tests enough requests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from giar_crawler import registry
from giar_crawler.replay import save_exchange

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
HTML = {"Content-Type": "text/html; charset=utf-8"}
YEARS = (2021, 2022, 2023)


@dataclass
class Site:
    portals: Path  # portals CSV
    replay: Path  # REPLAY_DIR
    reports: set[str]  # every report URL the listings link


def report_page(county: str, year: int, note: str = "") -> bytes:
    title = f"{county}{year}年政府信息公开工作年度报告"
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<h1>{title}</h1><p>一、总体情况</p><p>本年度{county}政府信息公开工作有序开展。{note}</p>"
        # Real pages are kilobytes; a tiny body is retried as a WAF stub (giar_crawler.traps).
        + "<p>二、主动公开政府信息情况</p><p>本年度主动公开政府信息，及时回应社会关切。</p>" * 8
        + "</body></html>"
    ).encode()


def listing_url(n: int, one_host: bool = False) -> str:
    """Portal n's listing: on its own host, or all portals under one host."""
    if one_host:
        return f"http://www.example.gov.cn/county{n}/zfxxgk/ndbg/"
    return f"http://county{n}.example.gov.cn/zfxxgk/ndbg/"


def report_url(listing: str, year: int) -> str:
    return f"{listing}{year}.html"


def build_site(
    root: Path,
    counties: tuple[str, ...] = ("甲县", "乙县", "丙县"),
    one_host: bool = False,
    with_fixtures: bool = False,
) -> Site:
    """Synthetic portals, plus (with_fixtures) the bundled fixture portal of fixtures/."""
    replay = root / "sites"
    rows, reports = [], set()
    if with_fixtures:
        from tests.test_fixtures import REPORTS

        shutil.copytree(FIXTURES / "sites", replay)
        rows += registry.load(FIXTURES / "portals.csv")
        reports |= REPORTS
    for n, county in enumerate(counties, 1):
        listing = listing_url(n, one_host)
        items = []
        for year in YEARS:
            url = report_url(listing, year)
            reports.add(url)
            save_exchange(replay, url, 200, HTML, report_page(county, year))
            items.append(
                f"<li><a href='{year}.html'>{county}{year}年政府信息公开工作年度报告</a>"
                f"<span>{year + 1}-01-20</span></li>"
            )
        page = (
            "<html><head><meta charset='utf-8'><title>政府信息公开工作年度报告</title></head>"
            f"<body><ul>{''.join(items)}</ul></body></html>"
        )
        save_exchange(replay, listing, 200, HTML, page.encode())
        rows.append(
            registry.PortalRow(
                name=f"{county}人民政府", province="测试省", city="测试市", county=county,
                level="county", listing_urls=(listing,), cms="generic",
            )
        )
    portals = root / "portals.csv"
    registry.write(rows, portals)
    return Site(portals, replay, reports)


def crawl(site: Site, out: Path, *args: str, spider: str = "county_reports", **popen):
    """Run one crawl as its own process over the replayed site; returns the Popen."""
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", spider,
        "-a", f"portals={site.portals}",
        "-s", f"REPLAY_DIR={site.replay}",
        "-s", "LOG_LEVEL=INFO",
        "-s", "DOWNLOAD_DELAY=0",
        "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "ROBOTSTXT_OBEY=False",
        "-o", f"{out}:jsonlines",
        *args,
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, **popen)


def run_crawl(site: Site, out: Path, *args: str, timeout: float = 120, **kw) -> str:
    """Crawl to the end; returns the log, fails the test on a non-zero exit."""
    log = out.with_suffix(".log")
    with log.open("w") as fh:
        proc = crawl(site, out, *args, stdout=fh, stderr=subprocess.STDOUT, **kw)
        code = proc.wait(timeout=timeout)
    text = log.read_text()
    assert code == 0, text[-3000:]
    return text


def read_lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
