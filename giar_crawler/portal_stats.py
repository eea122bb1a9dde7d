"""Crawl summary per portal at the end: pages, reports found/fetched/parsed, errors.

Counters are the spider's ``giar/portal/<name>/…`` stats plus items scraped per portal;
every portal the spider selected is reported, and one that yielded nothing says so.
"""

from __future__ import annotations

import logging

from scrapy import signals

logger = logging.getLogger(__name__)

COLUMNS = ("listing_pages", "reports_found", "reports_fetched", "reports_parsed", "errors")


class PortalStats:
    def __init__(self, crawler):
        self.stats = crawler.stats
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def item_scraped(self, item, response=None, spider=None):
        name = (getattr(item, "portal", None) or {}).get("name")
        if name:
            self.stats.inc_value(f"giar/portal/{name}/reports_parsed")

    def summary(self, names: list[str]) -> dict[str, dict[str, int]]:
        return {
            name: {c: self.stats.get_value(f"giar/portal/{name}/{c}", 0) for c in COLUMNS}
            for name in names
        }

    def spider_closed(self, spider, reason=None):
        selected = getattr(spider, "selected_portals", None)
        names = [r.name for r in selected()] if selected else []
        known = {k.split("/")[2] for k in self.stats.get_stats() if k.startswith("giar/portal/")
                 and k.count("/") >= 3}
        names += sorted(known - set(names))
        empty = 0
        for name, row in self.summary(names).items():
            logger.info("portal %s: %s", name, ", ".join(f"{k}={v}" for k, v in row.items()))
            if not row["reports_parsed"]:
                empty += 1
                logger.warning("portal %s yielded no reports (%s)", name,
                               "no listing page read" if not row["listing_pages"] else
                               f"{row['listing_pages']} listing pages, {row['reports_found']} found")
        self.stats.set_value("giar/portals/total", len(names))
        self.stats.set_value("giar/portals/empty", empty)
