"""Shared shapes and helpers of listing adapters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urljoin

import lxml.html

from giar_crawler.schema import discovery

ATTACHMENT_EXT = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx")


@dataclass(frozen=True)
class Link:
    url: str
    title: str
    date: str | None = None
    kind: str = "report"  # report | listing | attachment


@dataclass(frozen=True)
class PageRequest:
    url: str
    method: str = "GET"
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict, hash=False)
    kind: str = "listing"  # listing (HTML) | api (JSON/XML reply handled by the adapter)


@dataclass
class ListingPage:
    url: str
    text: str

    @cached_property
    def tree(self):
        tree = lxml.html.fromstring(self.text or "<html/>", base_url=self.url)
        return tree

    def absolute(self, href: str) -> str:
        return urljoin(self.url, href.strip())


_WS = re.compile(r"\s+")


def clean_title(text: str) -> str:
    return _WS.sub(" ", text or "").strip()


def anchor_title(a) -> str:
    """The fullest title an anchor offers: title= is untruncated, the text may end in '...'."""
    text = clean_title(a.text_content())
    attr = clean_title(a.get("title", ""))
    return attr if len(attr) >= len(text.rstrip(".…")) else text


def classify(url: str, title: str) -> str | None:
    """report / attachment / None for a link on a listing page, by its title and URL."""
    if url.lower().split("?")[0].endswith(ATTACHMENT_EXT):
        return "attachment" if discovery.is_report_title(title) else None
    if discovery.is_report_title(title):
        return "report"
    return None
