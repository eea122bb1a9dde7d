"""The floor of a crawl: the same discovery as county_reports, and nothing done with reports."""

from __future__ import annotations

from giar_crawler.spiders.county_reports import CountyReportsSpider


class BareSpider(CountyReportsSpider):
    """Follows the same listings and report links; builds no item, so nothing is exported."""

    name = "bench_bare"

    def parse_report(self, response, listing_url, link):
        row = response.meta["portal_row"]
        self.crawler.stats.inc_value(f"giar/portal/{row.name}/reports_fetched")
        yield from ()
