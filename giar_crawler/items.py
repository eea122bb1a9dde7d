"""The report item: one per report page, filled stage by stage by the pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

# Fields the stages use but the feed never writes (raw bytes, parsed trees).
INTERNAL = {"internal": True}


@dataclass
class Portal:
    name: str
    province: str = ""
    city: str = ""
    county: str = ""
    level: str = ""
    division_code: str = ""
    cms: str = ""


@dataclass
class ReportItem:
    # Provenance, set by the spider.
    url: str
    listing_url: str | None = None
    portal: dict[str, str] = field(default_factory=dict)
    listed_title: str | None = None
    listed_date: str | None = None
    fetched_at: str | None = None
    status: int = 200
    sha256: str | None = None
    # Incremental runs (GIAR_STATE_FILE): 1 for a page first seen, n+1 when its body changed.
    version: int | None = None
    previous_sha256: str | None = None
    # Raw response, never exported.
    headers: dict[str, str] = field(default_factory=dict, repr=False, metadata=INTERNAL)
    body: bytes = field(default=b"", repr=False, metadata=INTERNAL)
    # The page as the spider already decoded it (to look for attachments), if it did.
    decoded: Any = field(default=None, repr=False, metadata=INTERNAL)
    # Decode stage.
    encoding: str | None = None
    encoding_source: str | None = None
    html: str | None = field(default=None, repr=False, metadata=INTERNAL)
    tree: Any = field(default=None, repr=False, metadata=INTERNAL)
    # Content stage: the report body element and its clean text.
    content: Any = field(default=None, repr=False, metadata=INTERNAL)
    # Large fields stay out of repr: Scrapy logs every scraped item.
    text: str | None = field(default=None, repr=False)
    sections: dict[str, str] = field(default_factory=dict, repr=False)
    attachments: list[dict[str, str]] = field(default_factory=list)
    # Attachment files the spider fetched for this report: {url, title, status, content_type,
    # body}; the attachment stage reads them (bytes never exported).
    attachment_files: list[dict[str, Any]] = field(
        default_factory=list, repr=False, metadata=INTERNAL
    )
    # Metadata.
    title: str | None = None
    organ: str | None = None
    year: int | None = None
    year_source: str | None = None
    published: str | None = None
    published_source: str | None = None
    level: str | None = None
    region: str | None = None  # place names of the organ or the portal: 重庆市大足区双路街道
    # Script stage.
    script: str | None = None
    # Tables and checks.
    format: str = "unknown"
    tables: dict[str, Any] = field(default_factory=dict, repr=False)
    tables_source: str | None = None  # "page" | "attachment:<url>": where the numbers came from
    checks: list[dict[str, Any]] = field(default_factory=list, repr=False)
    flags: list[dict[str, str]] = field(default_factory=list)
    # Stages already run on this item in a parse worker (pipelines/pool.py).
    stages_done: set[str] = field(default_factory=set, repr=False, metadata=INTERNAL)

    def flag(self, code: str, detail: str = "") -> None:
        """Record a problem with this report; flags are exported, never fatal."""
        entry = {"code": code, "detail": detail}
        if entry not in self.flags:
            self.flags.append(entry)

    def has_flag(self, code: str) -> bool:
        return any(f["code"] == code for f in self.flags)


def exported_fields(cls: type = ReportItem) -> list[str]:
    """Field names the feed writes, in declaration order."""
    return [f.name for f in fields(cls) if not f.metadata.get("internal")]
