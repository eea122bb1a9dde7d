"""Shared shapes and helpers of listing adapters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import parse_qsl, quote, urljoin, urlsplit, urlunsplit

import lxml.html

from giar_crawler.schema import discovery

ATTACHMENT_EXT = (".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx")


@dataclass(frozen=True)
class Link:
    url: str
    title: str
    date: str | None = None
    # report: fetch as a report page; attachment: a report published as a file;
    # listing: a sub-listing (year folder, per-agency column) to walk; other: a listed
    # record that is not a report (counted, never fetched).
    kind: str = "report"


@dataclass(frozen=True)
class PageRequest:
    url: str
    method: str = "GET"
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict, hash=False)
    # listing: an HTML page for links()/next_pages(); api: a JSON/XML reply for the
    # adapter's links_from_reply()/next_from_reply().
    kind: str = "listing"


@dataclass
class ListingPage:
    url: str
    text: str

    @cached_property
    def tree(self):
        # A blank page (a WAF stub that outlived its retries) is an empty tree, not an error.
        return lxml.html.fromstring((self.text or "").strip() or "<html/>", base_url=self.url)

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
    """report / attachment / None for a link on a listing page, by its title and URL.

    A report title names its year: "政府信息公开年报" without one is a column link.
    """
    if not (discovery.is_report_title(title) and discovery.years_in(title)):
        return None
    if url.lower().split("?")[0].endswith(ATTACHMENT_EXT):
        return "attachment"
    return "report"


def record(url: str, title: str, date: str | None = None) -> Link:
    """A row of a structured listing: a report, an attachment or 'other' by its title."""
    return Link(url=url, title=title, date=date, kind=classify(url, title) or "other")


def with_query(url: str, **params: object) -> str:
    """``url`` with query parameters set in place (new ones appended); other pairs kept
    byte for byte (Hanweb's webname is double-encoded and must stay so)."""
    parts = urlsplit(url)
    todo = {k: f"{k}={quote(str(v), safe='')}" for k, v in params.items()}
    pairs = []
    for pair in parts.query.split("&"):
        key = pair.split("=", 1)[0]
        if key in todo:
            pairs.append(todo.pop(key))
        elif pair and key not in params:
            pairs.append(pair)
    pairs += todo.values()
    return urlunsplit(parts._replace(query="&".join(pairs)))


def query_value(url: str, name: str) -> str | None:
    for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if k == name:
            return v
    return None
