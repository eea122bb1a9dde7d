"""Report facts: title, organ, year, publication date."""

from __future__ import annotations

import re

from giar_crawler.items import ReportItem

_YEAR = re.compile(r"(20[0-3]\d)\s*年")
_DATE = re.compile(r"(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")


def _meta(tree, name: str) -> str | None:
    found = tree.xpath(f"//meta[@name='{name}']/@content")
    return found[0].strip() if found and found[0].strip() else None


def fill(item: ReportItem) -> None:
    tree = item.tree
    title = _meta(tree, "ArticleTitle") or item.listed_title
    if not title:
        t = tree.findtext(".//title")
        title = t.strip() if t else None
    item.title = title
    m = _YEAR.search(title or "")
    if m:
        item.year, item.year_source = int(m[1]), "title"
    pub = _meta(tree, "PubDate") or item.listed_date
    if pub:
        d = _DATE.search(pub)
        if d:
            item.published = f"{d[1]}-{int(d[2]):02d}-{int(d[3]):02d}"
            item.published_source = "meta" if _meta(tree, "PubDate") else "listing"
    if item.year is None and item.published:
        item.year, item.year_source = int(item.published[:4]) - 1, "published"
