"""GC tuning for the crawl's lifetime, and the process's own settings back afterwards."""

import gc

from scrapy import signals
from scrapy.utils.test import get_crawler

from giar_crawler.gc_tuning import YOUNG_THRESHOLD, GcTuning


def test_crawl_freezes_the_startup_heap_and_gives_it_back():
    before = gc.get_threshold()
    crawler = get_crawler(settings_dict={"GIAR_GC_TUNING": True})
    ext = GcTuning.from_crawler(crawler)  # noqa: F841 — signal receivers are held weakly
    crawler.signals.send_catch_log(signals.spider_opened, spider=None)
    try:
        assert gc.get_freeze_count() > 1000
        assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
    finally:
        crawler.signals.send_catch_log(signals.spider_closed, spider=None, reason="finished")
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
