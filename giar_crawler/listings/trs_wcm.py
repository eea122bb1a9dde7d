"""Classic TRS WCM: pages come from a createPageHTML(count, current, name, ext) call."""

from __future__ import annotations

import re

from giar_crawler.listings import generic
from giar_crawler.listings.base import Link, ListingPage, PageRequest

FAMILY = "trs_wcm"

_PAGER = re.compile(
    r"createPage(?:HTML)?\(\s*(\w+)\s*,\s*(\d+)\s*,\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']\s*\)"
)
_COUNT_VAR = re.compile(r"var\s+countPage\s*=\s*(\d+)")
_DOC_DATE = re.compile(r"/t(20\d\d)(\d\d)(\d\d)_\d+")


def detect(page: ListingPage) -> bool:
    return bool(_PAGER.search(page.text)) or "CurrChnlCls" in page.text


def links(page: ListingPage) -> list[Link]:
    out = []
    for link in generic.links(page):
        # Listing dates are often MM-DD only; the doc URL carries the full date.
        m = _DOC_DATE.search(link.url)
        if m and not link.date:
            link = Link(link.url, link.title, f"{m[1]}-{m[2]}-{m[3]}", link.kind)
        out.append(link)
    return out


def next_pages(page: ListingPage) -> list[PageRequest]:
    m = _PAGER.search(page.text)
    if not m:
        return generic.next_pages(page)
    count = m[1]
    if not count.isdigit():
        var = _COUNT_VAR.search(page.text)
        count = var[1] if var else "1"
    total, current, name, ext = int(count), int(m[2]), m[3], m[4]
    if current != 0:
        return []  # only the first page fans out, so a crawl never loops
    return [PageRequest(page.absolute(f"{name}_{k}.{ext}")) for k in range(1, total)]
