"""Fujian's TRS 集约化 platform: page 1 is static, later pages come from POST /fjdzapp/search.

The listing page calls ``listModel({listArgs: {channelid, classsql, sortfield},
pagebar: {prepage, recordCount}})``; the search API answers JSON rows with ``doctitle``,
``chnldocurl`` (or ``docpuburl``) and ``docreltime`` under ``docs`` or ``data``.
"""

from __future__ import annotations

import json
import math
import re
from urllib.parse import urlencode, urljoin

from giar_crawler.listings import generic, trs_wcm
from giar_crawler.listings.base import Link, ListingPage, PageRequest, record

FAMILY = "trs_fujian"

SEARCH_PATH = "/fjdzapp/search"
_LIST_MODEL = re.compile(r"listModel\(\s*\{(.*?)\}\s*\)\s*;", re.DOTALL)
_SEARCH_ID = re.compile(r"searchId\s*:\s*(\d+)")
_DATE = re.compile(r"(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
MAX_PAGES = 500


def detect(page: ListingPage) -> bool:
    return "listModel(" in page.text and ("list2.trsapi" in page.text or "fjdzapp" in page.text)


def _arg(model: str, name: str) -> str | None:
    """The last non-empty literal given for ``name`` ("" || "chnlid=1813" → chnlid=1813)."""
    m = re.search(rf"\b{name}\s*:\s*([^,\n}}]+)", model)
    if not m:
        return None
    literals = [s for s in re.findall(r"[\"']([^\"']*)[\"']", m[1]) if s]
    if literals:
        return literals[-1]
    bare = m[1].strip()
    return bare if bare.isdigit() else None


def search_args(page: ListingPage) -> dict[str, str] | None:
    """The search API form the page's own pager would post, and the record count."""
    m = _LIST_MODEL.search(page.text)
    if not m:
        return None
    model = m[1]
    channel = _arg(model, "channelid")
    if channel is None and "SiteInfo.searchId" in model:
        sid = _SEARCH_ID.search(page.text)
        channel = sid[1] if sid else None
    classsql = _arg(model, "classsql")
    if not channel or not classsql:
        return None
    return {
        "channelid": channel,
        "classsql": classsql,
        "sortfield": _arg(model, "sortfield") or "-docorderpri,-docreltime",
        "prepage": _arg(model, "prepage") or "10",
        "recordCount": _arg(model, "recordCount") or "0",
    }


def links(page: ListingPage) -> list[Link]:
    return trs_wcm.links(page)


def next_pages(page: ListingPage) -> list[PageRequest]:
    args = search_args(page)
    if args is None:
        return generic.next_pages(page)
    per_page = max(int(args.pop("prepage")), 1)
    count = int(args.pop("recordCount"))
    pages = min(math.ceil(count / per_page), MAX_PAGES)
    url = urljoin(page.url, SEARCH_PATH)
    headers = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
               "Referer": page.url, "X-Requested-With": "XMLHttpRequest"}
    return [
        PageRequest(url, method="POST", headers=headers, kind="api",
                    body=urlencode({**args, "page": k, "prepage": per_page}))
        for k in range(2, pages + 1)
    ]


def _rows(text: str) -> list[dict]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    rows = data.get("docs") or data.get("data") or []
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def links_from_reply(url: str, text: str) -> list[Link]:
    out = []
    for row in _rows(text):
        href = row.get("chnldocurl") or row.get("docpuburl") or row.get("url")
        if not href:
            continue
        m = _DATE.search(str(row.get("docreltime") or ""))
        date = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None
        out.append(record(urljoin(url, href), str(row.get("doctitle") or ""), date))
    return out


def next_from_reply(url: str, text: str) -> list[PageRequest]:
    return []  # the first page already asked for every page the column has
