"""Guangdong 政府信息公开目录平台 (gkmlpt): an SPA shell listed by a JSON API.

Listing URL ``{base}/gkmlpt/index#{column}`` or ``{base}/gkmlpt/annualreport#{column}``;
the page carries ``SID: '…'``; the API is ``{base}/gkmlpt/api/all/{column}?page=N&sid=…``
answering ``{"articles": [{"title", "url", "date" (unix) | "created_at"}], "total"|classify}``.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from giar_crawler.listings.base import (
    Link,
    ListingPage,
    PageRequest,
    query_value,
    record,
    with_query,
)
from giar_crawler.schema import discovery

FAMILY = "gkmlpt"

_SID = re.compile(r"\bSID\s*[:=]\s*[\"']?(\d+)")
_COLUMN = re.compile(r"/gkmlpt/(?:index|annualreport)[^#]*#(\d+)")
_API = re.compile(r"/gkmlpt/api/all/(\d+)")
_DATE = re.compile(r"(20\d\d)-(\d{1,2})-(\d{1,2})")
MAX_PAGES = 200


def detect(page: ListingPage) -> bool:
    return "/gkmlpt/" in page.url or ("gkmlpt" in page.text and bool(_SID.search(page.text)))


def api_url(listing_url: str, sid: str, page: int = 1) -> str | None:
    m = _COLUMN.search(listing_url)
    if not m:
        return None
    base = listing_url[: listing_url.index("/gkmlpt/")]
    return f"{base}/gkmlpt/api/all/{m[1]}?page={page}&sid={sid}"


# A column of the embedded tree (window._CONFIG.TREE): {"id": 2629, "name": "…年报", …}.
_TREE_NODE = re.compile(r"\{[^{}]*\}")
_NODE_ID = re.compile(r"[\"']id[\"']\s*:\s*(\d+)")
_NODE_NAME = re.compile(r"[\"']name[\"']\s*:\s*[\"']([^\"']*)")


def report_column(text: str) -> str | None:
    """The annual-report column's id from the page's column tree, when the URL names none."""
    for node in _TREE_NODE.findall(text):
        name, col = _NODE_NAME.search(node), _NODE_ID.search(node)
        if name and col and discovery.REPORT_TITLE.search(name[1]):
            return col[1]
    return None


def links(page: ListingPage) -> list[Link]:
    return []  # the shell lists nothing; the API does


def next_pages(page: ListingPage) -> list[PageRequest]:
    sid = _SID.search(page.text)
    if not sid or "/gkmlpt/" not in page.url:
        return []
    listing = page.url
    if not _COLUMN.search(listing):
        column = report_column(page.text)
        if column is None:
            return []
        listing = f"{listing.split('#')[0].split('/gkmlpt/')[0]}/gkmlpt/index#{column}"
    url = api_url(listing, sid[1])
    return [PageRequest(url, kind="api")] if url else []


def _reply(text: str) -> dict:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _date(article: dict) -> str | None:
    stamp = article.get("date")
    if isinstance(stamp, int | float) and stamp > 0:
        # Publication dates are Beijing dates; +8h keeps a midnight stamp on its day.
        return datetime.fromtimestamp(stamp + 8 * 3600, UTC).strftime("%Y-%m-%d")
    m = _DATE.search(str(article.get("created_at") or article.get("publish_time") or ""))
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def links_from_reply(url: str, text: str) -> list[Link]:
    out = []
    for article in _reply(text).get("articles") or []:
        if not isinstance(article, dict):
            continue
        href = article.get("url") or article.get("post_url")
        if href:
            out.append(record(urljoin(url, href), str(article.get("title") or ""), _date(article)))
    return out


def next_from_reply(url: str, text: str) -> list[PageRequest]:
    """Page 1 asks for the rest, sized by the total the reply states."""
    data = _reply(text)
    articles = data.get("articles") or []
    page = int(query_value(url, "page") or 1)
    if page != 1 or not articles or not _API.search(urlsplit(url).path):
        return []
    total = data.get("total") or (data.get("classify") or {}).get("post_count") or 0
    pages = min(math.ceil(int(total) / len(articles)), MAX_PAGES)
    return [PageRequest(with_query(url, page=k), kind="api") for k in range(2, pages + 1)]
