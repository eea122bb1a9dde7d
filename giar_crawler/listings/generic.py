"""Any listing page: report links by title, pagination by 下一页 anchors."""

from __future__ import annotations

import re

from giar_crawler.listings.base import (
    Link,
    ListingPage,
    PageRequest,
    anchor_title,
    classify,
)
from giar_crawler.schema import discovery

FAMILY = "generic"

_DATE = re.compile(r"(20\d\d)[-./年](\d{1,2})[-./月](\d{1,2})")


def detect(page: ListingPage) -> bool:
    return True


def _row_date(a) -> str | None:
    """A date printed next to the link, in its row."""
    row = a.getparent()
    for _ in range(3):
        if row is None:
            break
        m = _DATE.search(row.text_content())
        if m:
            return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        row = row.getparent()
    return None


def links(page: ListingPage) -> list[Link]:
    found: dict[str, Link] = {}
    for a in page.tree.iter("a"):
        href = a.get("href")
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        url = page.absolute(href)
        title = anchor_title(a)
        kind = classify(url, title)
        if kind and url not in found:
            found[url] = Link(url=url, title=title, date=_row_date(a), kind=kind)
    return list(found.values())


def next_pages(page: ListingPage) -> list[PageRequest]:
    pages = []
    for a in page.tree.iter("a"):
        text = (a.text_content() or "").strip()
        href = a.get("href") or ""
        if text in discovery.NEXT_PAGE and href and not href.startswith(("javascript:", "#")):
            pages.append(PageRequest(page.absolute(href)))
    return pages
