"""GIAR_MAX_QUEUED: portals are opened while the scheduler is short, so a crawl of many
portals does not hold every report request of the crawl at once (memory stays flat)."""

import pytest
import pytest_twisted
from scrapy import signals
from scrapy.crawler import CrawlerRunner

from bench.corpus import report_pages
from bench.make_site import make_site
from tests.conftest import crawl_settings


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # 40 portals × 5 reports, one listing page each: a portal adds 5 requests at once.
    return make_site(tmp_path_factory.mktemp("queue") / "site", portals=40, reports=5,
                     per_page=5, corpus=report_pages()[:2])


async def _crawl(site, limit):
    # Items wait for a parse worker and the scraper takes few at a time, so the downloads
    # stop while the listing pages of ever more portals are queued: a national crawl's shape.
    settings = crawl_settings(REPLAY_DIR=str(site.replay_dir), GIAR_MAX_QUEUED=limit,
                              GIAR_PARSE_PROCESSES=1, SCRAPER_SLOT_MAX_ACTIVE_SIZE=100_000)
    peak = [0]

    def received(response, request, spider):
        stats = spider.crawler.stats
        pending = stats.get_value("scheduler/enqueued", 0) - stats.get_value("scheduler/dequeued", 0)
        peak[0] = max(peak[0], pending)

    runner = CrawlerRunner(settings)
    crawler = runner.create_crawler("county_reports")
    items = []

    def scraped(item):  # a named function: signal receivers are held weakly
        items.append(item)

    crawler.signals.connect(received, signal=signals.response_received)
    crawler.signals.connect(scraped, signal=signals.item_scraped)
    await runner.crawl(crawler, portals=str(site.portals_csv))
    return items, peak[0]


@pytest_twisted.ensureDeferred
async def test_queue_stays_under_the_limit_plus_one_listing_page(site):
    items, peak = await _crawl(site, limit=10)
    assert len(items) == 200  # every report all the same
    # The limit, plus the listing pages of portals opened before their reports were queued.
    assert peak <= 40


@pytest_twisted.ensureDeferred
async def test_without_a_limit_every_portal_is_opened_at_once(site):
    items, peak = await _crawl(site, limit=0)
    assert len(items) == 200
    assert peak > 100  # the first test's bound is a real one
