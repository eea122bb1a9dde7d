"""Stage pipelines for tests/test_pool.py, importable by parse workers."""

import os

from giar_crawler.parse_worker import ENV_FLAG
from giar_crawler.pipelines import StagePipeline


def die_in_worker(item):
    """Kills a parse worker outright (a segfault in a C library looks like this)."""
    if os.environ.get(ENV_FLAG):
        os._exit(3)
    item.flag("parsed_in_crawl_process")
    return item


class DieInWorkerPipeline(StagePipeline):
    stage = staticmethod(die_in_worker)
    name = "die_in_worker"


def fail(item):
    raise ValueError("a stage bug")


class FailingPipeline(StagePipeline):
    stage = staticmethod(fail)
    name = "failing"


class NotAStagePipeline:
    def process_item(self, item, spider=None):
        return item


def hang_in_worker(item):
    """Never finishes on a page marked 'hang' (a regex gone exponential, say)."""
    if os.environ.get(ENV_FLAG) and "hang" in item.url:
        import time

        time.sleep(600)
    item.flag("parsed")
    return item


class HangInWorkerPipeline(StagePipeline):
    stage = staticmethod(hang_in_worker)
    name = "hang_in_worker"
