"""Fewer garbage collections in a long crawl (GIAR_GC_TUNING, on by default).

CPython runs a full collection whenever the objects that survived since the last one reach a
quarter of all long-lived objects, and a full collection walks every object of the process:
Scrapy, lxml bindings, the registry, the scheduler. A report's record is a few thousand small
dicts that live until the feed writes them, so a crawl paid for such a walk every few dozen
reports, and for a young collection every 700 new objects (bench/crawl_throughput.py).
Once the spider is open, everything alive is moved to the permanent generation (gc.freeze), so
later collections walk only what the crawl made since, and young collections wait for
10,000 new objects. Nothing is leaked: frozen objects are the process's start-up state.
"""

from __future__ import annotations

import gc

from scrapy import signals
from scrapy.exceptions import NotConfigured

YOUNG_THRESHOLD = 10_000


class GcTuning:
    def __init__(self):
        self.saved = gc.get_threshold()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GIAR_GC_TUNING", True):
            raise NotConfigured("GIAR_GC_TUNING is off")
        ext = cls()
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider=None):
        gc.collect()  # garbage first: freezing it would keep it for good
        gc.freeze()
        gc.set_threshold(max(YOUNG_THRESHOLD, self.saved[0]), *self.saved[1:])

    def spider_closed(self, spider=None, reason=None):
        # In-process runs (tests, scrapyd's runner) go on with a normal heap.
        gc.set_threshold(*self.saved)
        gc.unfreeze()
