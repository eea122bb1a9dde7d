"""Attachment stage: text and statutory tables from the report's PDF/DOCX/DOC files.

Runs after the page's own tables: an attachment's numbers are used only when the page had
none, and the record says which source its numbers came from (``tables_source``).
"""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import attachments, tables
from giar_crawler.pipelines import StagePipeline
from giar_crawler.pipelines.tables import apply_tables
from giar_crawler.schema import discovery

# Flags the decode/content stages give an empty HTML page.
PAGE_ONLY_FLAGS = {"not_a_report", "no_content"}


def _entry(item: ReportItem, url: str) -> dict:
    """The item's attachment record for ``url`` (the content stage may have listed it)."""
    for entry in item.attachments:
        if entry.get("url") == url:
            return entry
    entry = {"url": url}
    item.attachments.append(entry)
    return entry


def _file_facts(item: ReportItem, text: str) -> None:
    """Title and year of a file-only report: the listing's title, else the file's first line."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    item.title = item.title or item.listed_title or (first if len(first) <= 60 else None)
    years = discovery.years_in(item.title or "")
    if item.year is None and years:
        item.year, item.year_source = years[0], "title"


def read_attachments(item: ReportItem) -> ReportItem:
    for file in item.attachment_files:
        url = file["url"]
        entry = _entry(item, url)
        entry.setdefault("title", file.get("title", ""))
        if file.get("error"):
            entry["status"] = "failed"
            item.flag("attachment_broken", f"{url}: {file['error']}")
            continue
        got = attachments.extract(file.get("body", b""), url, file.get("content_type", ""))
        entry.update(kind=got.kind, status="read" if got.text else "unread", chars=str(len(got.text)))
        for code, detail in got.flags:
            item.flag(code, detail)
        if not got.text:
            continue
        if not (item.text or "").strip():
            item.text = got.text  # a report published only as a file
            if not item.body:
                # The page stages judged a page that does not exist: their "empty page"
                # verdicts do not apply to a file-only report.
                item.flags = [f for f in item.flags if f["code"] not in PAGE_ONLY_FLAGS]
                _file_facts(item, got.text)
        if not item.tables:
            result = tables.parse(None, got.text)
            if result.tables:
                apply_tables(item, result, f"attachment:{url}")
    return item


class AttachmentsPipeline(StagePipeline):
    stage = staticmethod(read_attachments)
    name = "attachments"
