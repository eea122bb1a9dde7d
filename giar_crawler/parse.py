"""Run the report pipelines on one saved page and print the record as JSON.

    python -m giar_crawler.parse FILE [--url URL] [--encoding ENC]

FILE is HTML or plain text in any encoding; --encoding overrides detection the way an
HTTP header would.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from giar_crawler.items import ReportItem, exported_fields
from giar_crawler.parsing import attachments
from giar_crawler.pipelines import run_stage
from giar_crawler.pipelines.attachments import read_attachments
from giar_crawler.pipelines.content import extract
from giar_crawler.pipelines.decode import decode
from giar_crawler.pipelines.script import normalise
from giar_crawler.pipelines.tables import parse_tables
from giar_crawler.pipelines.validate import validate

STAGES = (
    ("decode", decode),
    ("content", extract),
    ("script", normalise),
    ("tables", parse_tables),
    ("attachments", read_attachments),
    ("validate", validate),
)


def process(item: ReportItem) -> ReportItem:
    """The crawl's pipeline chain, outside a crawl."""
    for name, stage in STAGES:
        run_stage(stage, item, name)
    return item


def record(item: ReportItem) -> dict:
    """The item's exported fields, as the feed writes them."""
    return {name: getattr(item, name) for name in exported_fields()}


def parse_file(path: str | Path, url: str | None = None, encoding: str | None = None) -> dict:
    body = Path(path).read_bytes()
    headers = {"content-type": f"text/html; charset={encoding}"} if encoding else {}
    item = ReportItem(
        url=url or Path(path).resolve().as_uri(),
        headers=headers,
        body=body,
        sha256=hashlib.sha256(body).hexdigest(),
    )
    if attachments.sniff(body, str(path)) in attachments.READERS:
        # A report file (PDF/DOCX/DOC): the attachment stage reads it, as in a crawl.
        item.body = b""
        item.attachment_files = [{"url": item.url, "body": body}]
    return record(process(item))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m giar_crawler.parse", description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--url", help="the page's original URL (provenance, relative links)")
    parser.add_argument("--encoding", help="charset to assume, as an HTTP header would say")
    args = parser.parse_args(argv)
    out = parse_file(args.file, args.url, args.encoding)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
