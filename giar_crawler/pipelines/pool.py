"""The parse stages in worker processes, so the crawl keeps fetching while pages are parsed.

Parsing is CPU work; in one process every millisecond of it is a millisecond the reactor is
not downloading. With ``GIAR_PARSE_PROCESSES`` workers (``auto``: one per core beyond the
crawl's own, at most 4; ``0``: parse in the crawl's process) this pipeline sends each item to a
worker, which runs the stage pipelines that follow it in ITEM_PIPELINES — the same pure stage
functions, in the same order — and sends back the exported fields. Those stage pipelines then
pass the item on untouched (``ReportItem.stages_done``).

Only items cross the process boundary, never parse trees. A worker that dies, or an item that
cannot be sent, is parsed here instead: the record is never lost.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from scrapy.exceptions import NotConfigured
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object

from giar_crawler.items import ReportItem, exported_fields
from giar_crawler.pipelines import StagePipeline, run_stage

logger = logging.getLogger(__name__)
MAX_AUTO = 4
MAX_RESTARTS = 3  # then the pool is given up and the stages run in the crawl's process


def worker_count(setting) -> int:
    """GIAR_PARSE_PROCESSES as a number of workers."""
    if setting in (None, "", "auto"):
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        return max(0, min(MAX_AUTO, (cores or 1) - 1))
    return max(0, int(setting))


def stages_after(pipeline: type, settings) -> list[type[StagePipeline]]:
    """The stage pipelines right after ``pipeline`` in ITEM_PIPELINES, in chain order, up to
    the first other pipeline (which must still see the item before the stages after it)."""
    chain = [load_object(p) if isinstance(p, str) else p
             for p in build_component_list(settings.getwithbase("ITEM_PIPELINES"))]
    stages = []
    for cls in chain[chain.index(pipeline) + 1:] if pipeline in chain else []:
        if not (isinstance(cls, type) and issubclass(cls, StagePipeline)):
            break
        stages.append(cls)
    return stages


def parse_in_worker(stage_paths: tuple[str, ...], item: ReportItem) -> dict:
    """Run in a worker: the stages over the item; its exported fields."""
    for path in stage_paths:
        cls = load_object(path)
        run_stage(cls.stage, item, cls.name)
    return {name: getattr(item, name) for name in exported_fields()}


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group; the crawl decides when its workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, format="parse worker %(process)d %(levelname)s: %(message)s")


def _peak_rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float:
    """User + system time of a live process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


class ParsePoolPipeline:
    def __init__(self, crawler, processes: int, stages: list[type[StagePipeline]]):
        self.stats = crawler.stats
        self.processes = processes
        self.stages = stages
        self.paths = tuple(f"{cls.__module__}.{cls.__qualname__}" for cls in stages)
        self.executor: ProcessPoolExecutor | None = None
        self.restarts = 0

    @classmethod
    def from_crawler(cls, crawler):
        processes = worker_count(crawler.settings.get("GIAR_PARSE_PROCESSES"))
        stages = stages_after(cls, crawler.settings)
        if not processes or not stages:
            raise NotConfigured("stages run in the crawl's process")
        return cls(crawler, processes, stages)

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: workers start clean (no reactor, no open sockets), with the stages imported.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["giar_crawler.parse"])
        return ProcessPoolExecutor(self.processes, mp_context=context, initializer=_worker_init)

    def open_spider(self, spider=None):
        self.executor = self._start()
        self.stats.set_value("giar/pool/workers", self.processes)

    def close_spider(self, spider=None):
        if self.executor is None:
            return
        # Private, but the only way to the workers' pids; the figures are for bench/.
        pids = list(getattr(self.executor, "_processes", {}) or {})
        peak = max((_peak_rss_kib(pid) for pid in pids), default=0)
        if peak:
            self.stats.max_value("giar/pool/worker_peak_rss_kib", peak)
        self.stats.inc_value("giar/pool/worker_cpu_s", round(sum(map(_cpu_seconds, pids)), 2))
        self.executor.shutdown(wait=True)
        self.executor = None

    async def process_item(self, item, spider=None):
        executor = self.executor
        if not isinstance(item, ReportItem) or executor is None:
            return item
        # The spider's own decoding stays here: the worker decodes the bytes again, cheaply.
        shipped = replace(item, decoded=None, tree=None, content=None, html=None)
        try:
            done = await asyncio.wrap_future(executor.submit(parse_in_worker, self.paths, shipped))
        except Exception as exc:  # noqa: BLE001 — whatever went wrong, parse it here instead
            self._fallback(item, exc, executor)
            return item
        for name, value in done.items():
            setattr(item, name, value)
        item.stages_done.update(cls.name for cls in self.stages)
        self._count_errors(item)
        return item

    def _fallback(self, item: ReportItem, exc: Exception, executor: ProcessPoolExecutor) -> None:
        logger.warning("parse worker failed on %s (%s: %s); parsing it in the crawl's process",
                       item.url, type(exc).__name__, exc)
        self.stats.inc_value("giar/pool/fallbacks")
        if not isinstance(exc, BrokenProcessPool) or executor is not self.executor:
            return  # not a dead worker, or its pool was replaced already
        executor.shutdown(wait=False)
        self.executor = None
        if self.restarts == MAX_RESTARTS:
            logger.error("parse workers died %d times; parsing in the crawl's process from now on",
                         self.restarts + 1)
            return
        self.restarts += 1
        self.executor = self._start()
        self.stats.inc_value("giar/pool/restarts")

    def _count_errors(self, item: ReportItem) -> None:
        """What run_stage counts and logs in the crawl's process, for stages run in a worker."""
        for flag in item.flags:
            if flag["code"] != "stage_error":
                continue
            name = flag["detail"].split(":", 1)[0]
            logger.error("%s stage failed on %s (in a parse worker): %s", name, item.url, flag["detail"])
            self.stats.inc_value(f"giar/stage/{name}/errors")
