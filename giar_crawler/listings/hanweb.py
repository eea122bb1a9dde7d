"""Hanweb 大汉 JCMS: records in a ``<script type="text/xml"><datastore>`` island; later
pages from ``dataproxy.jsp``, which honours ``page`` (not startrecord/endrecord).

The proxy is walked page by page from the page number the listing names; a reply with no
records, a page past ``<totalpage>`` or the spider's page bound ends the walk.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode, urljoin

import lxml.html

from giar_crawler.listings.base import (
    Link,
    ListingPage,
    PageRequest,
    anchor_title,
    query_value,
    record,
    with_query,
)

FAMILY = "hanweb"

_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL)
_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[.*?href=[\"']([^\"']+)", re.DOTALL)
_TOTAL_PAGE = re.compile(r"<totalpage>\s*(\d+)\s*</totalpage>")
_DATE = re.compile(r"(20\d\d)-(\d{1,2})-(\d{1,2})")
# $('#49468').jpage({... proxyUrl:'/module/...dataproxy.jsp', ... ajaxParam:{col:1,appid:'1',...}})
_PROXY = re.compile(r"proxyUrl\s*:\s*[\"']([^\"']+)[\"']")
_AJAX = re.compile(r"ajaxParam\s*:\s*\{([^}]*)\}")
_PAIR = re.compile(r"(\w+)\s*:\s*[\"']?([^,\"']*)[\"']?")


def detect(page: ListingPage) -> bool:
    return "<datastore>" in page.text or ("jpage" in page.text and "dataproxy" in page.text)


def _records(base_url: str, text: str) -> list[Link]:
    out = []
    for chunk in _RECORD.findall(text):
        frag = lxml.html.fragment_fromstring(chunk, create_parent="div")
        a = next((a for a in frag.iter("a") if a.get("href")), None)
        if a is None:
            continue
        m = _DATE.search(frag.text_content())
        date = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None
        out.append(record(urljoin(base_url, a.get("href").strip()), anchor_title(a), date))
    return out


def links(page: ListingPage) -> list[Link]:
    return _records(page.url, page.text)


def _proxy_start(page: ListingPage) -> str | None:
    """The dataproxy URL the page's own pager would call, with its page number."""
    m = _NEXTGROUP.search(page.text)
    if m:
        url = urljoin(page.url, html.unescape(m[1]))
        return url if query_value(url, "page") else with_query(url, page=1)
    proxy, ajax = _PROXY.search(page.text), _AJAX.search(page.text)
    if proxy and ajax:
        params = {k: v.strip() for k, v in _PAIR.findall(ajax[1])}
        return urljoin(page.url, proxy[1]) + "?" + urlencode({"page": 1, **params})
    return None


def next_pages(page: ListingPage) -> list[PageRequest]:
    start = _proxy_start(page)
    return [PageRequest(start, kind="api")] if start else []


def links_from_reply(url: str, text: str) -> list[Link]:
    return _records(url, text)


def next_from_reply(url: str, text: str) -> list[PageRequest]:
    if not _RECORD.search(text):
        return []  # an empty reply (often 54 bytes) ends the column
    page = int(query_value(url, "page") or 1)
    total = _TOTAL_PAGE.search(text)
    if total and page >= int(total[1]):
        return []
    return [PageRequest(with_query(url, page=page + 1), kind="api")]
