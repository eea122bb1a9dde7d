"""Classic TRS WCM: static index_N pages counted by a createPageHTML(...) call.

Records are ``./YYYYMM/tYYYYMMDD_ID.html`` links in the column's own directory; list rows
often print MM-DD only, so the year comes from the ``tYYYYMMDD`` in the link.
"""

from __future__ import annotations

import re

from giar_crawler.listings import generic
from giar_crawler.listings.base import Link, ListingPage, PageRequest, anchor_title, record

FAMILY = "trs_wcm"

# createPageHTML(21, 0, "index", "html"), createPage(34, 0, ...), createPageHTML('div', 21, 0, ...)
_PAGER = re.compile(
    r"createPage(?:HTML)?\(\s*(?:'[^']*'\s*,\s*)?(\w+)\s*,\s*(\d+)\s*,"
    r"\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']\s*\)"
)
_COUNT_VAR = re.compile(r"countPage\s*=\s*(\d+)")
DOC_URL = re.compile(r"/t(20\d\d)(\d\d)(\d\d)_\d+\.s?html?$")
_MONTH_DAY = re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})(?![\d-])")


def detect(page: ListingPage) -> bool:
    return bool(_PAGER.search(page.text) or _COUNT_VAR.search(page.text)) or (
        "CurrChnlCls" in page.text
    )


def _column_dir(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[0] + "/"


def _row_date(a, doc: re.Match) -> str:
    """The row's MM-DD with the link's year; the link's own date when the row has none."""
    full = generic.row_date(a)
    if full:
        return full
    row = a.getparent()
    for _ in range(3):
        if row is None:
            break
        m = _MONTH_DAY.search(row.text_content().replace(a.text_content(), ""))
        if m and 1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31:
            return f"{doc[1]}-{int(m[1]):02d}-{int(m[2]):02d}"
        row = row.getparent()
    return f"{doc[1]}-{doc[2]}-{doc[3]}"


def links(page: ListingPage) -> list[Link]:
    """Every document of this column (reports and the rest), then report links elsewhere."""
    column = _column_dir(page.url)
    found: dict[str, Link] = {}
    for a in page.tree.iter("a"):
        url = page.absolute(a.get("href") or "")
        doc = DOC_URL.search(url.split("?")[0])
        if doc and url.startswith(column) and url not in found:
            found[url] = record(url, anchor_title(a), _row_date(a, doc))
    for link in generic.links(page):
        found.setdefault(link.url, link)
    return list(found.values())


def page_count(page: ListingPage) -> tuple[int, int, str, str] | None:
    """(count, current, name, ext) from the pager call, or None."""
    m = _PAGER.search(page.text)
    if not m:
        return None
    count = m[1]
    if not count.isdigit():
        var = _COUNT_VAR.search(page.text)
        count = var[1] if var else "1"
    return int(count), int(m[2]), m[3], m[4]


def next_pages(page: ListingPage) -> list[PageRequest]:
    pager = page_count(page)
    if pager is None:
        return generic.next_pages(page)
    total, current, name, ext = pager
    if current != 0:
        return []  # only the first page fans out, so a crawl never loops
    return [PageRequest(page.absolute(f"{name}_{k}.{ext}")) for k in range(1, total)]
