"""Generate a large replay site: N portals × M reports re-using the fixture report pages.

    python -m bench.make_site OUT --portals N --reports M [--per-page 20]

Writes OUT/replay/<host>/<key>.json + .body (giar_crawler.replay layout) and OUT/portals.csv
(giar_crawler.registry columns). Each portal has a paged listing (generic adapter: report links
by title, a 下一页 anchor to the next page); report j of portal i serves corpus page
(i*M + j) mod len(corpus) with its own headers, so encodings and scripts are mixed as in the
corpus. Its bytes are the corpus page's plus a trailing ``<!-- bench i/j -->`` comment: every
report is then a distinct document, as on a real portal (the spider drops byte-identical
reports within a portal as duplicates). About 50 kB of disk per report.
"""

from __future__ import annotations

import argparse
import html
import shutil
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import Page, report_pages
from giar_crawler import registry
from giar_crawler.replay import save_exchange

HOST = "p{i:05d}.bench.test"
LISTING = "http://{host}/zwgk/xxgknb/{name}"
YEARS = range(2019, 2025)


@dataclass(frozen=True)
class Site:
    root: Path
    replay_dir: Path
    portals_csv: Path
    portals: int
    reports: int  # per portal
    corpus: int

    @property
    def total_reports(self) -> int:
        return self.portals * self.reports


def listing_name(k: int) -> str:
    return "index.html" if k == 0 else f"index_{k}.html"


def report_url(host: str, i: int, j: int) -> str:
    year = YEARS[j % len(YEARS)]
    return f"http://{host}/zwgk/xxgknb/{year + 1}01/t{year + 1}0115_{i:05d}{j:05d}.html"


def report_title(i: int, j: int) -> str:
    year = YEARS[j % len(YEARS)]
    return f"基准县{i}第{j}号{year}年政府信息公开工作年度报告"


def listing_html(i: int, host: str, first: int, last: int, k: int, pages: int) -> str:
    rows = []
    for j in range(first, last):
        url = report_url(host, i, j)
        year = YEARS[j % len(YEARS)]
        title = html.escape(report_title(i, j))
        rows.append(f'<li><a href="{url}" title="{title}">{title}</a><span>{year + 1}-01-15</span></li>')
    pager = f'<a href="{listing_name(k + 1)}">下一页</a>' if k + 1 < pages else ""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head>'
        '<body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>'
        f'<ul class="list">{"".join(rows)}</ul><div class="pager">{pager}</div></body></html>'
    )


def report_body(page: Page, i: int, j: int) -> bytes:
    """The corpus page made unique: an ASCII comment after it reads the same in any encoding."""
    return page.body + f"\n<!-- bench {i}/{j} -->\n".encode("ascii")


def make_site(
    out: str | Path,
    portals: int,
    reports: int,
    per_page: int = 20,
    corpus: list[Page] | None = None,
) -> Site:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    replay = out / "replay"
    corpus = corpus or report_pages()

    rows = []
    for i in range(portals):
        host = HOST.format(i=i)
        pages = max(1, -(-reports // per_page))
        for k in range(pages):
            first, last = k * per_page, min(reports, (k + 1) * per_page)
            body = listing_html(i, host, first, last, k, pages).encode("utf-8")
            save_exchange(replay, LISTING.format(host=host, name=listing_name(k)), 200,
                          {"Content-Type": "text/html; charset=utf-8"}, body)
        for j in range(reports):
            page = corpus[(i * reports + j) % len(corpus)]
            headers = {k.title(): v for k, v in page.headers.items() if k == "content-type"}
            save_exchange(replay, report_url(host, i, j), 200, headers, report_body(page, i, j))
        rows.append(
            registry.PortalRow(
                name=f"基准县{i}",
                province="基准省",
                city="基准市",
                county=f"基准县{i}",
                level="county",
                division_code=f"99{i:04d}",
                listing_urls=(LISTING.format(host=host, name=listing_name(0)),),
                home_url=f"http://{host}/",
                cms="generic",
                source="bench/make_site.py (generated)",
            )
        )
    csv_path = out / "portals.csv"
    registry.write(rows, csv_path)
    return Site(out, replay, csv_path, portals, reports, len(corpus))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.make_site", description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--portals", type=int, default=500)
    parser.add_argument("--reports", type=int, default=20, help="reports per portal")
    parser.add_argument("--per-page", type=int, default=20, help="report links per listing page")
    args = parser.parse_args(argv)
    site = make_site(args.out, args.portals, args.reports, args.per_page)
    print(f"portals: {site.portals}")
    print(f"report pages: {site.total_reports} (from {site.corpus} corpus pages)")
    print(f"replay dir: {site.replay_dir}")
    print(f"portals csv: {site.portals_csv}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
