"""开普云 (Kaipuyun/UCAP) 集约化 platforms (Jiangxi, Shaanxi, Hainan…, www.gov.cn).

Only the family's tells are documented (cms_patterns.md §4): the template meta, the
``websiteCode``/``manuscriptId`` script variables, ``UCAP-CONTENT``. Its list pagination is
not, so links and pages are the generic adapter's; the family is still named in the log
and on the registry row, so a dedicated pager can replace these two functions later.
"""

from __future__ import annotations

import re

from giar_crawler.listings import generic
from giar_crawler.listings.base import Link, ListingPage, PageRequest

FAMILY = "kaipuyun"

_TELLS = re.compile(
    r"name=[\"']template,templategroup,version[\"']|websiteCode\s*=|manuscriptId|UCAP-CONTENT"
)


def detect(page: ListingPage) -> bool:
    return bool(_TELLS.search(page.text))


def links(page: ListingPage) -> list[Link]:
    return generic.links(page)


def next_pages(page: ListingPage) -> list[PageRequest]:
    return generic.next_pages(page)
