"""A parse worker: items in on stdin, their exported fields out on stdout (pipelines/pool.py).

    python -m giar_crawler.parse_worker STAGE_PIPELINE_PATH...

Each message either way is an 8-byte length and a pickle; replies come in the order the
items came. A reply is ``(True, fields)`` or ``(False, reason)`` when the fields cannot be
sent. The pipes carry nothing else: whatever the stages print goes to stderr.
"""

from __future__ import annotations

import logging
import pickle
import signal
import struct
import sys
from typing import BinaryIO

from scrapy.utils.misc import load_object

from giar_crawler.items import ReportItem
from giar_crawler.parse import record
from giar_crawler.pipelines import run_stage

FRAME = struct.Struct("!Q")
# Set for workers (tests tell a worker from the crawl's process by it).
ENV_FLAG = "GIAR_PARSE_WORKER"


def frame(obj) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return FRAME.pack(len(data)) + data


def read_frame(stream: BinaryIO) -> bytes | None:
    """One message's pickle, or None at the end of the stream."""
    head = stream.read(FRAME.size)
    if len(head) < FRAME.size:
        return None
    (size,) = FRAME.unpack(head)
    data = stream.read(size)
    return data if len(data) == size else None


def parse(stages: list, item: ReportItem) -> dict:
    for cls in stages:
        run_stage(cls.stage, item, cls.name)
    return record(item)


def serve(stages: list, inbox: BinaryIO, outbox: BinaryIO) -> None:
    while (data := read_frame(inbox)) is not None:
        fields = parse(stages, pickle.loads(data))
        try:
            reply = frame((True, fields))
        except Exception as exc:  # noqa: BLE001 — an unpicklable value must not stop the worker
            reply = frame((False, f"{type(exc).__name__}: {exc}"))
        outbox.write(reply)
        outbox.flush()


def main(paths: list[str]) -> int:
    # Ctrl-C reaches the whole process group; the crawl decides when its workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, format="parse worker %(process)d %(levelname)s: %(message)s")
    serve([load_object(p) for p in paths], inbox, outbox)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
