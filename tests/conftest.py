from pathlib import Path

import pytest
from scrapy import signals
from scrapy.crawler import CrawlerRunner
from scrapy.utils.project import get_project_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def crawl_settings(**overrides):
    """Project settings for an offline crawl in tests: no delays, no outside world."""
    settings = get_project_settings()
    settings.setdict(
        {
            "LOG_LEVEL": "WARNING",
            "TELNETCONSOLE_ENABLED": False,
            "REMOTE_CONTROL_ENABLED": False,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "ROBOTSTXT_OBEY": False,
            **overrides,
        },
        priority="cmdline",
    )
    return settings


async def run_crawl(spider: str, settings=None, **spider_args):
    """Run one crawl in-process; return (items, stats)."""
    runner = CrawlerRunner(settings or crawl_settings())
    crawler = runner.create_crawler(spider)
    items = []

    def collect(item):  # a named function: signal receivers are held weakly
        items.append(item)

    crawler.signals.connect(collect, signal=signals.item_scraped)
    await runner.crawl(crawler, **spider_args)
    return items, crawler.stats.get_stats()
