"""Seed a distributed crawl: push the registry's listing requests to Redis.

Workers (``scrapy crawl county_reports_redis -s REDIS_URL=...`` on any number of machines)
share one scrapy-redis queue and duplicate filter, and take their start requests from the
list ``<spider>:start_urls``. This command fills that list, one JSON message per listing
URL, in the form scrapy-redis reads (``{"url": ..., "meta": {...}}``), with the portal's
registry row in ``meta`` so workers need no registry file of their own:

    python -m giar_crawler.seed_redis --redis-url redis://10.0.0.5:6379/0 [-a province=福建省]

A new crawl clears the spider's queue and duplicate filter first (they persist across runs,
so last year's filter would skip this year's reports); ``--add`` pushes into a running crawl.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from giar_crawler.registry import PortalRow
from giar_crawler.schedule import parse_pairs
from giar_crawler.spiders.county_reports import CountyReportsSpider
from giar_crawler.spiders.province_reports import ProvinceReportsSpider

SPIDERS = {"county_reports_redis": CountyReportsSpider, "province_reports_redis": ProvinceReportsSpider}


def row_to_dict(row: PortalRow) -> dict:
    return dataclasses.asdict(row)


def row_from_dict(data: dict) -> PortalRow:
    """The registry row back from its JSON form (unknown keys ignored)."""
    names = {f.name for f in dataclasses.fields(PortalRow)}
    values = {k: v for k, v in data.items() if k in names}
    values["listing_urls"] = tuple(values.get("listing_urls") or ())
    return PortalRow(**values)


def seed_messages(rows: list[PortalRow]) -> list[str]:
    """One message per listing URL of each row."""
    return [
        json.dumps(
            {"url": url, "meta": {"portal_row": row_to_dict(row), "family": row.cms or None}},
            ensure_ascii=False,
        )
        for row in rows
        for url in row.listing_urls
    ]


def seed(server, spider: str, rows: list[PortalRow], add: bool = False) -> int:
    if not add:
        server.delete(f"{spider}:start_urls", f"{spider}:requests", f"{spider}:dupefilter")
    messages = seed_messages(rows)
    if messages:
        server.rpush(f"{spider}:start_urls", *messages)
    return len(messages)


def main(argv: list[str] | None = None) -> int:
    import redis

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--spider", default="county_reports_redis", choices=sorted(SPIDERS))
    parser.add_argument("-a", dest="args", action="append", default=[], metavar="NAME=VALUE",
                        help="portals=PATH, province=, level=, shard=i/n: as for scrapy crawl")
    parser.add_argument("--add", action="store_true",
                        help="add to a running crawl: keep its queue and duplicate filter")
    opts = parser.parse_args(argv)
    rows = SPIDERS[opts.spider](**parse_pairs(opts.args, "-a")).selected_portals()
    try:
        count = seed(redis.Redis.from_url(opts.redis_url), opts.spider, rows, add=opts.add)
    except redis.RedisError as exc:
        print(f"seed_redis: {opts.redis_url}: {exc}", file=sys.stderr)
        return 1
    print(f"{count} listing URLs of {len(rows)} portals pushed to {opts.spider}:start_urls",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
