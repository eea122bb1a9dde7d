"""Any listing page: report links by title, pages by pager links, sub-columns by name.

Bounds: index_N guesses never go past the page count the page prints; sub-columns are
only followed below the listing's own directory, from a page that is a report column.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from giar_crawler.listings.base import (
    ATTACHMENT_EXT,
    Link,
    ListingPage,
    PageRequest,
    anchor_title,
    classify,
    clean_title,
)
from giar_crawler.schema import discovery

FAMILY = "generic"

_DATE = re.compile(r"(20\d\d)[-./年](\d{1,2})[-./月](\d{1,2})")
_SKIP_HREF = ("javascript:", "#", "mailto:", "tel:")
_INDEX_PAGE = re.compile(r"/(index|default)(_\d+)?\.(s?html?)$")
_MAX_UNIT_NAME = 16  # a column name, not a sentence or a document title


def detect(page: ListingPage) -> bool:
    return True


def row_date(a) -> str | None:
    """A full date printed next to the link, in its row."""
    row = a.getparent()
    for _ in range(3):
        if row is None:
            break
        m = _DATE.search(row.text_content())
        if m:
            return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        row = row.getparent()
    return None


def _anchors(page: ListingPage):
    for a in page.tree.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.lower().startswith(_SKIP_HREF):
            yield a, page.absolute(href)


def column_name(page: ListingPage) -> str:
    """What the page says it is: <title>, ColumnName meta and the breadcrumb line."""
    tree = page.tree
    parts = [tree.findtext(".//title") or ""]
    parts += tree.xpath("//meta[@name='ColumnName']/@content")
    for el in tree.iter("div", "td", "span", "p", "li"):
        text = clean_title(el.text_content())
        if discovery.BREADCRUMB.search(text) and len(text) < 200:
            parts.append(text)
            break
    return " ".join(parts)


def is_report_column(page: ListingPage) -> bool:
    return bool(discovery.REPORT_TITLE.search(column_name(page)))


def _report_in_column(url: str, title: str) -> str | None:
    """In a report column a title needs no 信息公开: "双路街道2023年度报告" is one."""
    if url.lower().split("?")[0].endswith(ATTACHMENT_EXT):
        return None
    if (
        discovery.REPORT_TITLE.search(title)
        and discovery.years_in(title)
        and not discovery.NOT_A_REPORT.search(title)
    ):
        return "report"
    return None


def _is_sub_column(page: ListingPage, url: str, title: str) -> bool:
    """A year folder or a unit's column, below this listing's own directory."""
    if not title or len(title) > _MAX_UNIT_NAME:
        return False
    here, there = urlsplit(page.url), urlsplit(url)
    base = here.path.rsplit("/", 1)[0] + "/"
    if there.netloc != here.netloc or not there.path.startswith(base) or there.path == base:
        return False
    if there.path.lower().endswith(ATTACHMENT_EXT) or _INDEX_PAGE.search(there.path):
        return False
    return bool(discovery.YEAR_FOLDER.match(title) or discovery.UNIT_COLUMN.search(title))


def links(page: ListingPage) -> list[Link]:
    in_column = is_report_column(page)
    found: dict[str, Link] = {}
    for a, url in _anchors(page):
        if url in found or url.split("#")[0] == page.url.split("#")[0]:
            continue
        title = anchor_title(a)
        kind = classify(url, title)
        if kind is None and in_column:
            kind = _report_in_column(url, title)
            if kind is None and _is_sub_column(page, url, title):
                kind = "listing"
        if kind:
            found[url] = Link(url=url, title=title, date=row_date(a), kind=kind)
    return list(found.values())


def _printed_page_count(page: ListingPage) -> int | None:
    m = discovery.PAGE_COUNT.search(page.tree.text_content())
    return int(m[1]) if m else None


def next_pages(page: ListingPage) -> list[PageRequest]:
    """下一页 and numbered pager links; else index_N guesses up to the printed count."""
    urls: list[str] = []
    for a, url in _anchors(page):
        text = clean_title(a.text_content())
        is_next = text in discovery.NEXT_PAGE
        is_number = text.isdigit() and 1 < int(text) <= 1000
        if (is_next or is_number) and url != page.url and url not in urls:
            urls.append(url)
    if urls:
        return [PageRequest(u) for u in urls]
    count = _printed_page_count(page)
    path = urlsplit(page.url).path
    m = _INDEX_PAGE.search(path)
    if not count or count < 2 or (m and m[2]) or not (m or path.endswith("/")):
        return []  # nothing printed, or not the first page: guess nothing
    ext = m[3] if m else "html"
    return [PageRequest(page.absolute(f"index_{k}.{ext}")) for k in range(1, count)]
