"""The shared crawl mechanism: registry rows → listing pages → report items.

Spiders only discover and fetch; the item pipelines do everything else.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import scrapy

from giar_crawler import browser, listings, registry, sharding, traps
from giar_crawler import discovery as homepage  # home-page discovery (schema words: `discovery`)
from giar_crawler.headers import content_type, flat_headers
from giar_crawler.items import ReportItem
from giar_crawler.listings import ListingPage
from giar_crawler.parsing import attachments
from giar_crawler.parsing.encoding import decode_html
from giar_crawler.schema import discovery

LINKS_PER_PAGE = 20  # report links a listing page typically adds to the queue
MAX_QUEUE_WAIT = 30.0  # seconds


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
    custom_settings: ClassVar[dict] = {}

    def __init__(
        self, portals=None, province=None, level=None, years=None, shard=None, **kwargs
    ):
        super().__init__(**kwargs)  # scrapyd passes _job and friends
        self.portals_path = portals
        self.province = province
        self.level = level
        self.years = parse_years(years)
        self.shard = sharding.parse_shard(shard)
        self.discovered: dict[str, dict] = {}  # portal name → what home-page discovery found
        self._seen_keys: set[bytes] = set()
        # Portals opened whose first page has not been answered yet (see _queue_room).
        self._unanswered: set[str] = set()
        self._listing_pages: dict[str, int] = {}

    def selected_portals(self) -> list[registry.PortalRow]:
        rows = registry.load(self.portals_path)
        levels = set(self.level.split(",")) if self.level else set(self.levels)
        return [
            r
            for r in rows
            if (not levels or r.level in levels)
            and (not self.province or self.province in r.province)
            and (not self.shard or sharding.shard_of(r, self.shard[1]) == self.shard[0])
        ]

    async def start(self):
        for row in self.selected_portals():
            await self._queue_room()
            if row.listing_urls or row.home_url:
                self._unanswered.add(row.name)
            if row.listing_urls:
                for url in row.listing_urls:
                    yield self.listing_request(url, row, family=row.cms or None)
            elif row.home_url:
                self.discovered[row.name] = {
                    "name": row.name, "province": row.province, "home_url": row.home_url,
                    "listing_urls": [], "path": [], "pages": 0,
                }
                yield self.home_request(row.home_url, row, depth=0, path=())
            else:
                self.logger.warning("portal %s has no listing URL", row.name)
                self.crawler.stats.inc_value("giar/portal/no_listing")

    async def _queue_room(self) -> None:
        """Open the next portal only while the scheduler holds fewer than GIAR_MAX_QUEUED
        requests, counting a portal whose first page is still unanswered as the ~20 report
        links that page will add. Otherwise the queue takes every portal's listing pages and
        reports (the scheduler visits portals in turn): a request object per report of the
        whole crawl. Waits at most MAX_QUEUE_WAIT seconds a portal, so a page that is never
        answered cannot stall the crawl."""
        limit = self.crawler.settings.getint("GIAR_MAX_QUEUED")
        stats = self.crawler.stats
        for _ in range(int(MAX_QUEUE_WAIT / 0.05)):
            pending = stats.get_value("scheduler/enqueued", 0) - stats.get_value("scheduler/dequeued", 0)
            if not limit or pending + LINKS_PER_PAGE * len(self._unanswered) < limit:
                return
            await asyncio.sleep(0.05)

    # --- home-page discovery: portals that give only a home page ----------------------

    def home_request(self, url, row, depth, path):
        meta = {"portal_row": row, "discovery_depth": depth, "discovery_path": path}
        if row.needs_browser:
            meta.update(browser.page_meta())
        return scrapy.Request(url, callback=self.parse_home, errback=self.on_error, meta=meta)

    def parse_home(self, response):
        """Follow 政府信息公开 → … → 年报 links (bounded); crawl the columns found."""
        row = response.meta["portal_row"]
        self._unanswered.discard(row.name)
        depth = response.meta["discovery_depth"]
        path = response.meta["discovery_path"]
        record = self.discovered[row.name]
        record["pages"] += 1
        self.crawler.stats.inc_value("giar/discovery/pages")
        ctype = content_type(response)
        settings = self.crawler.settings
        max_hubs = settings.getint("GIAR_DISCOVERY_MAX_HUBS", homepage.MAX_HUBS_PER_PAGE)
        found = homepage.step(response.url, decode_html(response.body, ctype).text, max_hubs)
        columns = homepage.columns_of(response.url, found, depth)
        for url, text in columns:
            if url in record["listing_urls"]:
                continue
            via = [*path, *([text] if text else [])]
            record["listing_urls"].append(url)
            record["path"] = record["path"] or via
            self.logger.info(
                "%s: annual-report column %s found (page depth %d) via %s",
                row.name, url, depth, " > ".join(via),
            )
            self.crawler.stats.inc_value("giar/discovery/columns")
            # dont_filter: the column may be this very page, already fetched as a hub
            yield self.listing_request(url, row, family=row.cms or None, dont_filter=True)
        if columns or record["listing_urls"]:
            return
        if depth >= settings.getint("GIAR_DISCOVERY_MAX_DEPTH", homepage.MAX_DEPTH):
            self.crawler.stats.inc_value("giar/discovery/depth_limit")
            return
        for hub in found.hubs:
            yield self.home_request(hub.url, row, depth + 1, (*path, hub.text))

    def closed(self, reason):
        """Log portals whose home page led nowhere; write discoveries for the registry."""
        found = [d for d in self.discovered.values() if d["listing_urls"]]
        for record in self.discovered.values():
            if not record["listing_urls"]:
                self.logger.warning(
                    "%s: no annual-report column found from %s (%d pages read)",
                    record["name"], record["home_url"], record["pages"],
                )
                self.crawler.stats.inc_value("giar/discovery/not_found")
        self.crawler.stats.set_value("giar/discovery/found", len(found))
        out = self.crawler.settings.get("GIAR_DISCOVERED_FILE")
        if out and self.discovered:
            Path(out).write_text(
                json.dumps({"portals": found}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )

    # --- listings → reports (listing adapters, attachments, traps) ----------------------

    def listing_request(self, url, row, family=None, page=1, depth=0, kind="listing", **kw):
        meta = {
            "portal_row": row, "family": family, "listing_page": page,
            "listing_depth": depth, "listing_kind": kind,
        }
        if row.needs_browser and kind == "listing":
            meta.update(browser.page_meta())
        if "#" in url:  # index#2629 and index#2630 are two columns, not one URL twice
            kw.setdefault("dont_filter", True)
        return scrapy.Request(
            url, callback=self.parse_listing, errback=self.on_error, meta=meta, **kw
        )

    def _seen(self, key: str) -> bool:
        """Whether ``key`` (a URL or a body hash) was met before in this crawl; records it."""
        # 12-byte digests, not URLs: the set lives as long as the crawl.
        digest = hashlib.blake2b(key.encode(), digest_size=12).digest()
        if digest in self._seen_keys:
            return True
        self._seen_keys.add(digest)
        return False

    def _listing_budget(self, row) -> bool:
        """One more listing page for this portal? Bounds endless pagers and loops."""
        used = self._listing_pages
        used[row.name] = used.get(row.name, max(len(row.listing_urls), 1)) + 1  # + start pages
        return used[row.name] <= self.crawler.settings.getint("GIAR_MAX_LISTING_PAGES", 200)

    def _trapped(self, response, row) -> bool:
        """Log and count a response that is not what was asked for."""
        first = (response.meta.get("redirect_urls") or [response.url])[0]
        stats = self.crawler.stats
        if "deleted_stub" in response.flags:
            self.logger.warning("%s: %s is a deleted-document stub", row.name, response.url)
            stats.inc_value(f"giar/portal/{row.name}/deleted_stubs")
            return True
        if "waf_stub" in response.flags:
            self.logger.error("%s: %s still a %d-byte stub after retries (WAF?)",
                              row.name, response.url, len(response.body))
            stats.inc_value(f"giar/portal/{row.name}/errors")
            return True
        if traps.offsite_redirect(first, response.url):
            self.logger.warning("%s: %s redirected off-site to %s", row.name, first, response.url)
            stats.inc_value(f"giar/portal/{row.name}/offsite_redirects")
            return True
        return False

    def parse_listing(self, response):
        row = response.meta["portal_row"]
        self._unanswered.discard(row.name)
        stats = self.crawler.stats
        stats.inc_value(f"giar/portal/{row.name}/listing_pages")
        if self._trapped(response, row):
            return
        decoded = decode_html(response.body, content_type(response))
        try:
            adapter, found, pages = self._read_listing(response, decoded.text)
        except Exception:  # a page no adapter can read costs that page, counted, not the crawl
            self.logger.exception("%s: cannot read listing %s", row.name, response.url)
            stats.inc_value(f"giar/portal/{row.name}/errors")
            return
        yield from self._follow(response, row, found)
        if self._seen("body:" + hashlib.sha256(response.body).hexdigest()):
            # A server that ignores the page number answers the same page forever.
            self.logger.info("%s: %s repeats an earlier listing page", row.name, response.url)
            stats.inc_value("giar/listing/repeated_page")
            return
        for req in pages:
            if not self._listing_budget(row):
                self.logger.warning("%s: listing page limit reached at %s", row.name, req.url)
                stats.inc_value("giar/listing/page_limit")
                break
            yield self.listing_request(
                req.url, row, family=adapter.FAMILY, page=response.meta["listing_page"] + 1,
                depth=response.meta.get("listing_depth", 0), kind=req.kind,
                method=req.method, body=req.body or None, headers=req.headers or None,
            )

    def _read_listing(self, response, text):
        """(adapter, links, next pages) of a listing page or an API reply."""
        family = response.meta.get("family")
        adapter = listings.adapter_for(family) if family else None
        if response.meta.get("listing_kind") == "api" and adapter is not None:
            return (adapter, adapter.links_from_reply(response.url, text),
                    adapter.next_from_reply(response.url, text))
        url = response.url
        asked = response.request.url if response.request else url
        if "#" in asked and "#" not in url:
            url += asked[asked.index("#"):]  # SPA shells name their column there (gkmlpt)
        page = ListingPage(url, text)
        if adapter is None:
            adapter = listings.detect_family(page)
            self.logger.info("%s: listing family detected as %s", response.url, adapter.FAMILY)
        return adapter, adapter.links(page), adapter.next_pages(page)

    def _follow(self, response, row, links):
        """Requests for a listing's reports, report files and sub-listings."""
        stats = self.crawler.stats
        settings = self.crawler.settings
        reports = 0
        for link in links:
            if link.kind == "listing":
                depth = response.meta.get("listing_depth", 0) + 1
                if depth > settings.getint("GIAR_MAX_SUBLISTING_DEPTH", 3):
                    stats.inc_value("giar/listing/sublisting_limit")
                elif self._listing_budget(row):
                    self.logger.info("%s: sub-listing %s (%s)", row.name, link.url, link.title)
                    yield self.listing_request(link.url, row, family=row.cms or None, depth=depth)
                continue
            if link.kind not in ("report", "attachment"):
                continue
            year = listed_year(link.title, link.date)
            if self.years and year is not None and year not in self.years:
                continue
            reports += 1
            meta = {"portal_row": row}
            if link.kind == "report" and row.needs_browser:
                meta.update(browser.page_meta())
            callback = self.parse_report if link.kind == "report" else self.parse_file_report
            if link.kind == "attachment":
                meta["giar_attachment"] = True
            yield scrapy.Request(
                link.url, callback=callback, errback=self.on_error, meta=meta,
                cb_kwargs={"listing_url": response.url, "link": link},
                priority=1,  # reports before further listing pages: the queue stays short
            )
        stats.inc_value(f"giar/portal/{row.name}/reports_found", reports)

    def _item(self, response, listing_url, link, body: bytes, sha256: str) -> ReportItem:
        row = response.meta["portal_row"]
        return ReportItem(
            url=response.url,
            listing_url=listing_url,
            portal=row.as_portal(),
            listed_title=link.title,
            listed_date=link.date,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            status=response.status,
            sha256=sha256,
            headers=flat_headers(response.headers, lower=True),
            body=body,
        )

    def _duplicate(self, response, row, sha256: str) -> bool:
        """The same report reached twice in a portal (two listings, a mirror URL): one record.
        Byte-identical pages of two portals stay two records, one per publisher."""
        body_key = f"report:{row.name}:{sha256}"
        by_body = self.crawler.settings.getbool("GIAR_DEDUP_BY_BODY", True)
        if self._seen("url:" + response.url) | (by_body and self._seen(body_key)):
            self.crawler.stats.inc_value(f"giar/portal/{row.name}/duplicate_reports")
            self.logger.debug("%s: %s already collected", row.name, response.url)
            return True
        return False

    def parse_report(self, response, listing_url, link):
        row = response.meta["portal_row"]
        self.crawler.stats.inc_value(f"giar/portal/{row.name}/reports_fetched")
        sha256 = hashlib.sha256(response.body).hexdigest()
        if self._trapped(response, row) or self._duplicate(response, row, sha256):
            return
        item = self._item(response, listing_url, link, response.body, sha256)
        files = []
        if attachments.mentions_files(response.body):
            # Decoded once: the decode stage takes this over.
            item.decoded = decode_html(response.body, item.headers.get("content-type"))
            limit = self.crawler.settings.getint("GIAR_MAX_ATTACHMENTS", 3)
            files = attachments.find_links(item.decoded.text, response.url, limit)
        for f in files:
            self._seen("url:" + f.url)  # the page's own file is not a second report
        yield self._next_attachment(row, item, files) if files else item

    def parse_file_report(self, response, listing_url, link):
        """A report listed only as a file: the file is the record."""
        row = response.meta["portal_row"]
        self.crawler.stats.inc_value(f"giar/portal/{row.name}/reports_fetched")
        sha256 = hashlib.sha256(response.body).hexdigest()
        if self._trapped(response, row) or self._duplicate(response, row, sha256):
            return
        item = self._item(response, listing_url, link, b"", sha256)
        item.attachment_files.append(_file(response, link.title))
        yield item

    def _next_attachment(self, row, item, pending):
        link, rest = pending[0], pending[1:]
        return scrapy.Request(
            link.url, callback=self.parse_attachment, errback=self.on_attachment_error,
            dont_filter=True,  # a filtered request would lose the item waiting for it
            meta={"portal_row": row, "giar_attachment": True},
            cb_kwargs={"item": item, "link": link, "pending": rest},
        )

    def parse_attachment(self, response, item, link, pending):
        item.attachment_files.append(_file(response, link.title))
        row = response.meta["portal_row"]
        yield self._next_attachment(row, item, pending) if pending else item

    def on_attachment_error(self, failure):
        """A broken attachment still gives the page's record, flagged by the stage."""
        request = failure.request
        item, link, pending = (request.cb_kwargs[k] for k in ("item", "link", "pending"))
        item.attachment_files.append(
            {"url": request.url, "title": link.title, "error": failure.getErrorMessage()}
        )
        self.crawler.stats.inc_value("giar/attachment/errors")
        row = request.meta["portal_row"]
        yield self._next_attachment(row, item, pending) if pending else item

    def on_error(self, failure):
        request = failure.request
        row = request.meta.get("portal_row")
        if row:
            self._unanswered.discard(row.name)
        name = row.name if row else "?"
        self.crawler.stats.inc_value(f"giar/portal/{name}/errors")
        self.crawler.stats.inc_value("giar/errors")
        self.logger.error("%s: %s failed: %s", name, request.url, failure.getErrorMessage())


def _file(response, title: str) -> dict:
    return {
        "url": response.url,
        "title": title,
        "status": response.status,
        "content_type": content_type(response),
        "body": response.body,
    }
