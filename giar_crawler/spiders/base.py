"""The shared crawl mechanism: registry rows → listing pages → report items.

Spiders only discover and fetch; the item pipelines do everything else.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import scrapy

from giar_crawler import listings, registry
from giar_crawler.items import ReportItem
from giar_crawler.listings import ListingPage
from giar_crawler.parsing.encoding import decode_html
from giar_crawler.schema import discovery


def parse_years(spec: str | None) -> set[int] | None:
    """'2021-2023' or '2019,2021' → set of years; None means every year."""
    if not spec:
        return None
    years: set[int] = set()
    for part in str(spec).split(","):
        lo, _, hi = part.strip().partition("-")
        years.update(range(int(lo), int(hi or lo) + 1))
    return years


def listed_year(title: str, date: str | None) -> int | None:
    """Report year a listing shows: in the title, else the year before publication."""
    years = discovery.years_in(title)
    if years:
        return years[0]
    if date and date[:4].isdigit():
        return int(date[:4]) - 1
    return None


class ReportSpider(scrapy.Spider):
    """Walk the listings of registry portals whose level is in ``levels``."""

    levels: tuple[str, ...] = ()
    custom_settings: dict = {}

    def __init__(self, portals=None, province=None, level=None, years=None, **kwargs):
        super().__init__(**kwargs)  # scrapyd passes _job and friends
        self.portals_path = portals
        self.province = province
        self.level = level
        self.years = parse_years(years)

    def selected_portals(self) -> list[registry.PortalRow]:
        rows = registry.load(self.portals_path)
        levels = set(self.level.split(",")) if self.level else set(self.levels)
        return [
            r
            for r in rows
            if (not levels or r.level in levels)
            and (not self.province or self.province in r.province)
        ]

    async def start(self):
        for row in self.selected_portals():
            if not row.listing_urls:
                self.logger.warning("portal %s has no listing URL", row.name)
                self.crawler.stats.inc_value("giar/portal/no_listing")
                continue
            for url in row.listing_urls:
                yield self.listing_request(url, row, family=row.cms or None)

    def listing_request(self, url, row, family=None, page=1, **kw):
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.on_error,
            meta={"portal_row": row, "family": family, "listing_page": page},
            **kw,
        )

    def parse_listing(self, response):
        row = response.meta["portal_row"]
        stats = self.crawler.stats
        stats.inc_value(f"giar/portal/{row.name}/listing_pages")
        decoded = decode_html(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))
        page = ListingPage(response.url, decoded.text)
        family = response.meta.get("family")
        adapter = listings.adapter_for(family) if family else None
        if adapter is None:
            adapter = listings.detect_family(page)
            self.logger.info("%s: listing family detected as %s", response.url, adapter.FAMILY)
        found = 0
        for link in adapter.links(page):
            if link.kind != "report":
                continue
            year = listed_year(link.title, link.date)
            if self.years and year is not None and year not in self.years:
                continue
            found += 1
            yield scrapy.Request(
                link.url,
                callback=self.parse_report,
                errback=self.on_error,
                meta={"portal_row": row},
                cb_kwargs={"listing_url": response.url, "link": link},
            )
        stats.inc_value(f"giar/portal/{row.name}/reports_found", found)
        max_pages = self.crawler.settings.getint("GIAR_MAX_LISTING_PAGES", 200)
        for req in adapter.next_pages(page):
            next_no = response.meta["listing_page"] + 1
            if next_no > max_pages:
                self.logger.warning("%s: stopped at %d listing pages", row.name, max_pages)
                stats.inc_value("giar/listing/page_limit")
                break
            yield self.listing_request(
                req.url, row, family=adapter.FAMILY, page=next_no,
                method=req.method, body=req.body or None, headers=req.headers or None,
            )

    def parse_report(self, response, listing_url, link):
        row = response.meta["portal_row"]
        self.crawler.stats.inc_value(f"giar/portal/{row.name}/reports_fetched")
        yield ReportItem(
            url=response.url,
            listing_url=listing_url,
            portal=row.as_portal(),
            listed_title=link.title,
            listed_date=link.date,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            status=response.status,
            sha256=hashlib.sha256(response.body).hexdigest(),
            headers={
                k.decode("latin-1").lower(): b", ".join(v).decode("latin-1")
                for k, v in response.headers.items()
            },
            body=response.body,
        )

    def on_error(self, failure):
        request = failure.request
        row = request.meta.get("portal_row")
        name = row.name if row else "?"
        self.crawler.stats.inc_value(f"giar/portal/{name}/errors")
        self.crawler.stats.inc_value("giar/errors")
        self.logger.error("%s: %s failed: %s", name, request.url, failure.getErrorMessage())
