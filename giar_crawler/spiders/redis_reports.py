"""Distributed crawls: the same spiders over one shared scrapy-redis queue.

Run ``scrapy crawl county_reports_redis -s REDIS_URL=redis://HOST:6379/0 -o part-N.jsonl``
on as many machines as needed, after ``python -m giar_crawler.seed_redis``. The spider
switches the scheduler and duplicate filter to scrapy-redis; items stay JSON lines per
process. Tested with scrapy-redis 0.9.1 on Scrapy 2.19 (docs/operations.md).
"""

from __future__ import annotations

import json

from scrapy_redis.spiders import RedisMixin

from giar_crawler.seed_redis import row_from_dict
from giar_crawler.spiders.county_reports import CountyReportsSpider
from giar_crawler.spiders.province_reports import ProvinceReportsSpider

REDIS_SETTINGS = {
    "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
    # Scrapy's own RFPDupeFilter lost from_settings() in 2.14: use scrapy-redis's.
    "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
    # Never flush on close: other workers are still using the queue and the filter.
    "SCHEDULER_PERSIST": True,
    # Close after this long with nothing to do (0 = wait for seeds forever).
    "MAX_IDLE_TIME_BEFORE_CLOSE": 60,
}


class RedisReportsMixin(RedisMixin):
    """Start requests come from ``<name>:start_urls``, not the registry file."""

    custom_settings = REDIS_SETTINGS

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.setup_redis(crawler)
        return spider

    async def start(self):
        # Scrapy >= 2.16 never calls start_requests(); seeds are pulled when idle.
        return
        yield

    def make_request_from_data(self, data):
        try:
            text = data.decode(self.redis_encoding) if isinstance(data, bytes) else data
            message = json.loads(text)
            meta = message.get("meta") or {}
            row = row_from_dict(meta["portal_row"])
            url = message["url"]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            self.logger.error("bad seed message %r: %s", data[:200], exc)
            self.crawler.stats.inc_value("giar/redis/bad_seed")
            return []
        request = self.listing_request(url, row, family=meta.get("family"))
        return request.replace(dont_filter=True)  # a seed is fetched even if seen before


class CountyReportsRedisSpider(RedisReportsMixin, CountyReportsSpider):
    name = "county_reports_redis"


class ProvinceReportsRedisSpider(RedisReportsMixin, ProvinceReportsSpider):
    name = "province_reports_redis"
