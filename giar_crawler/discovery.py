"""Home-page discovery: find a portal's annual-report column by following link texts.

首页 → 政府信息公开 / 政务公开 (→ 法定主动公开内容 / 信息公开目录 …) → 政府信息公开年报.
Pure functions over a page's URL and text; the spider drives the requests, tests drive
:func:`walk` over saved pages. The words live in :mod:`giar_crawler.schema.discovery`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from giar_crawler.listings.base import ListingPage, anchor_title, clean_title
from giar_crawler.schema import discovery as words

MAX_DEPTH = 3  # home page = 0; the column is usually found at depth 1-2
MAX_HUBS_PER_PAGE = 3


@dataclass(frozen=True)
class Candidate:
    url: str
    text: str
    kind: str  # column (the annual-report listing) | hub (a page on the way)
    score: int


@dataclass
class Step:
    """What one page offers: annual-report columns, hubs to try next, report links seen."""

    columns: list[Candidate] = field(default_factory=list)
    hubs: list[Candidate] = field(default_factory=list)
    reports: int = 0


def site_of(url: str) -> str:
    """The registrable site: 'xx.gov.cn' for any host under it, else the last two labels."""
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    keep = 3 if host.endswith((".gov.cn", ".com.cn", ".org.cn")) else 2
    return ".".join(labels[-keep:])


def classify(text: str, url: str) -> Candidate | None:
    """A navigation link's role on the way to the annual-report column, if any."""
    text = clean_title(text)
    if not text or len(text) > words.MAX_NAV_TEXT * 2:
        return None
    if words.REPORT_COLUMN.search(text) and not words.years_in(text):
        if words.NOT_A_REPORT.search(text):
            return None
        slug = 1 if words.COLUMN_SLUGS.search(urlsplit(url).path) else 0
        return Candidate(url, text, "column", 10 + slug + bool(words.DISCLOSURE.search(text)))
    if len(text) > words.MAX_NAV_TEXT or words.NOT_A_HUB.search(text):
        return None
    for rank, word in enumerate(words.HUB_WORDS):
        if word in text:
            return Candidate(url, text, "hub", len(words.HUB_WORDS) - rank)
    return None


def step(url: str, text: str, max_hubs: int = MAX_HUBS_PER_PAGE) -> Step:
    """Classify the links of one page; only links within the portal's own site count."""
    page = ListingPage(url, text)
    site = site_of(url)
    seen: set[str] = set()
    out = Step()
    for a in page.tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        target = urldefrag(page.absolute(href))[0]
        if urlsplit(target).scheme not in ("http", "https") or site_of(target) != site:
            continue
        title = anchor_title(a)
        found = classify(title, target)
        if found is None:
            out.reports += words.is_report_title(title)
            continue
        if target in seen or target == url:
            continue
        seen.add(target)
        (out.columns if found.kind == "column" else out.hubs).append(found)
    out.columns.sort(key=lambda c: -c.score)
    out.hubs = sorted(out.hubs, key=lambda c: -c.score)[:max_hubs]
    if out.columns:  # keep only the best-named columns: a page rarely has two
        best = out.columns[0].score
        out.columns = [c for c in out.columns if c.score == best]
    return out


MIN_REPORTS_FOR_COLUMN = 2


def columns_of(url: str, found: Step, depth: int) -> list[tuple[str, str | None]]:
    """(URL, link text) of the annual-report columns a page gives.

    Without a column link, a hub below the home page that itself lists reports is the
    column (its text is then None: the path to it is the path so far).
    """
    if found.columns:
        return [(c.url, c.text) for c in found.columns]
    if found.reports >= MIN_REPORTS_FOR_COLUMN and depth > 0:
        return [(url, None)]
    return []


@dataclass
class Discovery:
    home_url: str
    listing_urls: list[str] = field(default_factory=list)
    path: list[str] = field(default_factory=list)  # hub texts leading to the first column
    pages: int = 0
    listing_is_page: bool = False  # no column link: a hub page itself lists reports


def walk(
    home_url: str,
    fetch: Callable[[str], str | None],
    max_depth: int = MAX_DEPTH,
    max_hubs: int = MAX_HUBS_PER_PAGE,
) -> Discovery:
    """Breadth-first from the home page until a depth finds annual-report columns.

    ``fetch(url)`` returns the decoded page text or None. Pages at depth ``max_depth``
    are still read for column links, but their hubs are not followed.
    """
    result = Discovery(home_url)
    frontier: list[tuple[str, list[str]]] = [(home_url, [])]
    visited: set[str] = set()
    for depth in range(max_depth + 1):
        next_frontier: list[tuple[str, list[str]]] = []
        for url, path in frontier:
            if url in visited:
                continue
            visited.add(url)
            text = fetch(url)
            if text is None:
                continue
            result.pages += 1
            found = step(url, text, max_hubs)
            for col_url, col_text in columns_of(url, found, depth):
                if col_url not in result.listing_urls:
                    result.listing_urls.append(col_url)
                    result.path = result.path or [*path, *([col_text] if col_text else [])]
                    result.listing_is_page = col_text is None
            next_frontier += [(h.url, [*path, h.text]) for h in found.hubs]
        if result.listing_urls or depth == max_depth:
            break
        frontier = next_frontier
    return result
