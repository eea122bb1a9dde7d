"""The parse stages in worker processes, so the crawl keeps fetching while pages are parsed.

Parsing is CPU work; in one process every millisecond of it is a millisecond the reactor is
not downloading. With ``GIAR_PARSE_PROCESSES`` workers (``auto``: one per core, at most 4,
none on one core; ``0``: parse in the crawl's process) this pipeline sends each item to a
worker (``giar_crawler.parse_worker``), which runs the stage pipelines that follow it in
ITEM_PIPELINES — the same pure stage functions, in the same order — and sends back the exported
fields. Those stage pipelines then pass the item on untouched (``ReportItem.stages_done``).

Workers are child processes talking over their stdin and stdout, read and written by the
reactor's own event loop: no threads in the crawl's process, so no lock hand-offs on the
reactor's time. Only items cross, never parse trees. A worker that dies, or an item that
cannot be sent, is parsed here instead: the record is never lost.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import sys
from collections import deque
from dataclasses import replace
from pathlib import Path

from scrapy.exceptions import NotConfigured
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object

from giar_crawler import parse_worker
from giar_crawler.items import ReportItem
from giar_crawler.pipelines import StagePipeline

logger = logging.getLogger(__name__)
MAX_AUTO = 4
MAX_RESTARTS = 3  # then the pool is given up and the stages run in the crawl's process
# Items sent to a worker and not answered yet: one parsed, three waiting in the pipe, so a
# worker never idles; the rest wait here as items, not as copies in pipe buffers.
IN_FLIGHT = 4


def worker_count(setting) -> int:
    """GIAR_PARSE_PROCESSES as a number of workers."""
    if setting in (None, "", "auto"):
        # One a core: while parsing is the bottleneck the crawl's own process keeps about a
        # third of a core busy, so the workers share its core (bench/README.md). One core: none.
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        return min(MAX_AUTO, cores or 1) if (cores or 1) > 1 else 0
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


def peak_rss_kib(pid: int | str = "self") -> int:
    """A live process's peak resident set (VmHWM), from /proc (Linux; 0 elsewhere)."""
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


class WorkerDied(Exception):
    pass


class ParseTimeout(Exception):
    pass


class Worker:
    """One parse worker process and the replies it owes, in the order of the items sent."""

    def __init__(self, process: asyncio.subprocess.Process, timeout: float | None = None):
        self.process = process
        self.waiting: deque[asyncio.Future] = deque()
        self.alive = True
        self.timeout = timeout
        self.head_since = 0.0  # when the item at the head of the line reached the worker
        self.reader = asyncio.ensure_future(self._read())
        self.watchdog = asyncio.ensure_future(self._watch()) if timeout else None

    @classmethod
    async def start(cls, stage_paths: tuple[str, ...], timeout: float | None = None) -> Worker:
        # The crawl's own import path (scrapyd's project egg included) for the worker.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
               parse_worker.ENV_FLAG: "1"}
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "giar_crawler.parse_worker", *stage_paths,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=env,
        )
        return cls(process, timeout)

    async def parse(self, item: ReportItem) -> dict:
        message = parse_worker.frame(item)  # before queueing: an unpicklable item fails here
        if not self.alive:
            raise WorkerDied("worker already gone")
        reply = asyncio.get_running_loop().create_future()
        if not self.waiting:
            self.head_since = asyncio.get_running_loop().time()
        self.waiting.append(reply)
        try:
            self.process.stdin.write(message)
            await self.process.stdin.drain()
        except ConnectionError:
            pass  # the worker is gone: the reader fails every reply owed, this one too
        ok, payload = await reply
        if not ok:
            raise ValueError(payload)
        return payload

    async def _read(self) -> None:
        stream = self.process.stdout
        try:
            while True:
                (size,) = parse_worker.FRAME.unpack(await stream.readexactly(parse_worker.FRAME.size))
                reply = pickle.loads(await stream.readexactly(size))
                self.waiting.popleft().set_result(reply)
                self.head_since = asyncio.get_running_loop().time()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        self.alive = False
        code = await self.process.wait()
        while self.waiting:
            self.waiting.popleft().set_exception(WorkerDied(f"parse worker exited with {code}"))

    async def _watch(self) -> None:
        """A page the stages never finish with stops its worker, rather than the crawl
        waiting forever; the items queued behind it fail over to the crawl's process."""
        loop = asyncio.get_running_loop()
        while self.alive:
            await asyncio.sleep(min(1.0, self.timeout / 4))
            if self.alive and self.waiting and loop.time() - self.head_since > self.timeout:
                self.waiting.popleft().set_exception(
                    ParseTimeout(f"no result after {self.timeout:g} s; parse worker stopped"))
                self.process.kill()
                return

    def figures(self) -> tuple[int, float]:
        """Peak RSS (KiB) and CPU seconds so far, while the worker runs."""
        pid = self.process.pid
        return peak_rss_kib(pid), _cpu_seconds(pid)

    async def stop(self, timeout: float = 30) -> None:
        if self.alive:
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        await self.reader
        if self.watchdog:
            self.watchdog.cancel()


class ParsePoolPipeline:
    def __init__(self, crawler, processes: int, stages: list[type[StagePipeline]]):
        self.stats = crawler.stats
        self.processes = processes
        self.stages = stages
        self.timeout = crawler.settings.getfloat("GIAR_PARSE_TIMEOUT") or None
        self.paths = tuple(f"{cls.__module__}.{cls.__qualname__}" for cls in stages)
        self.workers: list[Worker] = []
        self.starting: asyncio.Lock | None = None
        self.slots: asyncio.Semaphore | None = None
        self.restarts = 0
        self.given_up = False

    @classmethod
    def from_crawler(cls, crawler):
        processes = worker_count(crawler.settings.get("GIAR_PARSE_PROCESSES"))
        stages = stages_after(cls, crawler.settings)
        if not processes or not stages:
            raise NotConfigured("stages run in the crawl's process")
        return cls(crawler, processes, stages)

    def open_spider(self, spider=None):
        self.stats.set_value("giar/pool/workers", self.processes)

    async def _worker(self) -> Worker | None:
        """The least busy live worker. Workers start with the first item; dead ones are
        replaced MAX_RESTARTS times, then the pool is given up (None)."""
        self.starting = self.starting or asyncio.Lock()
        async with self.starting:
            live = [w for w in self.workers if w.alive]
            while len(live) < self.processes and not self.given_up:
                if len(self.workers) >= self.processes:  # replacing a dead one
                    if self.restarts == MAX_RESTARTS:
                        self.given_up = not live
                        if self.given_up:
                            logger.error("parse workers died %d times; parsing in the crawl's "
                                         "process from now on", self.restarts + 1)
                        break
                    self.restarts += 1
                    self.stats.inc_value("giar/pool/restarts")
                self.workers.append(await Worker.start(self.paths, self.timeout))
                live.append(self.workers[-1])
        return min(live, key=lambda w: len(w.waiting)) if live else None

    async def process_item(self, item, spider=None):
        if not isinstance(item, ReportItem):
            return item
        self.slots = self.slots or asyncio.Semaphore(IN_FLIGHT * self.processes)
        async with self.slots:
            return await self._parse(item)

    async def _parse(self, item: ReportItem) -> ReportItem:
        # The spider's own decoding stays here: the worker decodes the bytes again, cheaply.
        shipped = replace(item, decoded=None, tree=None, content=None, html=None)
        try:
            worker = await self._worker()  # may fail to start one: then parse here too
            if worker is None:
                return item
            done = await worker.parse(shipped)
        except ParseTimeout as exc:
            # Parsing it here would hang the crawl: the record says why it has no content.
            logger.error("parse of %s abandoned: %s", item.url, exc)
            self.stats.inc_value("giar/pool/timeouts")
            item.flag("stage_error", f"parse: {exc}")
            item.stages_done.update(cls.name for cls in self.stages)
            return item
        except Exception as exc:  # noqa: BLE001 — whatever went wrong, parse it here instead
            logger.warning("parse worker failed on %s (%s: %s); parsing it in the crawl's process",
                           item.url, type(exc).__name__, exc)
            self.stats.inc_value("giar/pool/fallbacks")
            return item
        for name, value in done.items():
            setattr(item, name, value)
        item.stages_done.update(cls.name for cls in self.stages)
        self._count_errors(item)
        return item

    async def close_spider(self, spider=None):
        for worker in self.workers:
            if worker.alive:
                peak, cpu = worker.figures()
                self.stats.max_value("giar/pool/worker_peak_rss_kib", peak)
                self.stats.inc_value("giar/pool/worker_cpu_s", round(cpu, 2))
        await asyncio.gather(*(w.stop() for w in self.workers))

    def _count_errors(self, item: ReportItem) -> None:
        """What run_stage counts and logs in the crawl's process, for stages run in a worker."""
        for flag in item.flags:
            if flag["code"] != "stage_error":
                continue
            name = flag["detail"].split(":", 1)[0]
            logger.error("%s stage failed on %s (in a parse worker): %s", name, item.url, flag["detail"])
            self.stats.inc_value(f"giar/stage/{name}/errors")
