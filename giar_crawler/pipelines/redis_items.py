"""Items to a Redis list, for distributed crawls that collect centrally (GIAR_REDIS_ITEMS=1).

Each exported record is pushed as one JSON line (UTF-8, Chinese unescaped, the feed's
fields only) to ``REDIS_ITEMS_KEY`` (default ``<spider>:items``) on ``REDIS_URL``. Runs
last, after validation; the JSON lines feed of the process is written as well.
scrapy-redis's own RedisPipeline is not used: it escapes Chinese and serialises every field
(raw bytes and parse trees included).
"""

from __future__ import annotations

import json

from scrapy.exceptions import NotConfigured

from giar_crawler.export_csv import as_record


class RedisItemsPipeline:
    def __init__(self, crawler):
        from scrapy_redis import connection

        self.crawler = crawler
        self.stats = crawler.stats
        self.server = connection.from_settings(crawler.settings)
        self.key_pattern = crawler.settings.get("REDIS_ITEMS_KEY", "%(spider)s:items")
        self.key = ""

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GIAR_REDIS_ITEMS"):
            raise NotConfigured("GIAR_REDIS_ITEMS not set")
        return cls(crawler)

    def open_spider(self, spider=None):
        self.key = self.key_pattern % {"spider": self.crawler.spider.name}

    def process_item(self, item, spider=None):
        line = json.dumps(as_record(item), ensure_ascii=False, default=str)
        self.server.rpush(self.key, line)
        self.stats.inc_value("giar/redis/items_pushed")
        return item
