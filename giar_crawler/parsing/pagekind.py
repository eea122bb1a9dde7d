"""What kind of page this is: a government report, a content-farm copy, a hacked page, a
list page, a login wall, a redirect stub or an empty shell. Such pages are flagged, never
dropped. Patterns match both scripts: this runs before the script stage converts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from giar_crawler.items import ReportItem
from giar_crawler.parsing import sections
from giar_crawler.parsing.content import Phrases, is_spam_line, may_hold_spam
from giar_crawler.parsing.pagetext import text_content
from giar_crawler.parsing.script import compile_both
from giar_crawler.schema import page as vocab

_FARM = Phrases(vocab.CONTENT_FARM)
_ABUSE = Phrases(vocab.REPORT_ABUSE)
# Counted from the 年, which re finds fast being a literal, the character before checked
# after (\s holds the line break, so only the text's start is left of ^); the count is
# BLANKED_YEAR's findall's: two matches never share a 年.
_BLANKED_AT = compile_both(vocab.BLANKED_YEAR_AT)
_BLANKED_BEFORE = compile_both(vocab.BLANKED_YEAR_BEFORE)
_LOGIN = compile_both(vocab.LOGIN_WALL)
_REPORT_WORDS = compile_both(vocab.REPORT_WORDS)
_PHRASE_LINE = 60  # a line that may be a farm's or an abuse form's wording
_SHORT_LINE = max(_PHRASE_LINE, vocab.SPAM_LINE_MAX)  # ... or spam
_SHORT_PAGE = 1500  # characters: less than any report that has no section headings
# A listing row's date, alone or at the end of the row: '2025-03-10', '[2024-01-16]', '10-19'.
_DATED_ENTRY = re.compile(r"(?:^|\s|\[|（|\()(?:20\d\d[-/.])?\d{1,2}[-/.]\d{1,2}[\])）]?$")


@dataclass
class Page:
    """What the whole page shows, read before chrome is stripped from the body."""

    lines: list[str]
    has_password: bool = False
    # The short lines joined: one scan tells whether any of them holds a phrase.
    short: str = field(init=False, repr=False)

    def __post_init__(self):
        self.short = "\n".join(ln for ln in self.lines if len(ln) <= _SHORT_LINE)

    def phrase_lines(self, pattern: Phrases) -> list[str]:
        """Lines of _PHRASE_LINE characters at most the pattern (spanning no line break)
        finds in."""
        if not pattern.search(self.short):
            return []
        return [ln for ln in self.lines if len(ln) <= _PHRASE_LINE and pattern.search(ln)]


_REFRESH_CASE = str.maketrans("REFSH", "refsh")  # XPath translate(), as the check was written


# iter(tag) over the tree rather than XPath's //: no walk over every text node.
def _has_password(tree) -> bool:
    """//input[@type='password']"""
    return any(el.get("type") == "password" for el in tree.iter("input"))


def _refresh(tree) -> list[str]:
    """//meta[translate(@http-equiv, 'REFSH', 'refsh')='refresh']/@content"""
    return [m.get("content") for m in tree.iter("meta")
            if (m.get("http-equiv") or "").translate(_REFRESH_CASE) == "refresh"
            and m.get("content") is not None]


def read_page(tree, lines: list[str]) -> Page:
    return Page(lines, _has_password(tree))


def _blanked_years(text: str) -> int:
    """len(BLANKED_YEAR.findall(text)), MULTILINE."""
    return sum(1 for m in _BLANKED_AT.finditer(text)
               if not (i := m.start()) or _BLANKED_BEFORE.match(text, i - 1))


def classify_source(item: ReportItem, page: Page) -> None:
    """Flag hacked pages, content-farm copies and copies with the years blanked out."""
    text = item.text or ""
    page_lines = page.lines
    spam = [ln for ln in page_lines if is_spam_line(ln)] if may_hold_spam(page.short) else []
    if spam:
        item.flag("compromised", f"gambling spam injected: {spam[0]}")

    host = urlsplit(item.url).hostname or ""
    listing = urlsplit(item.listing_url or "").hostname or ""
    foreign = bool(host) and not host.endswith((".gov.cn", ".gov")) and _site(host) != _site(listing)
    if foreign:
        item.flag("not_government_source", host)
    abuse = page.phrase_lines(_ABUSE)
    farm = page.phrase_lines(_FARM) if foreign else []
    if abuse or farm:
        item.flag("content_farm", f"copy on a document site: {(abuse or farm)[0]}")
    blanked = _blanked_years(text)
    if blanked >= 3:
        item.flag("years_blanked", f"{blanked} years removed from the text")


def check_report(item: ReportItem, page: Page) -> None:
    """Flag pages that are no report at all (run once the title is known)."""
    reason = _not_a_report(item, page, item.text or "")
    if reason:
        item.flag("not_a_report", reason)


def _site(host: str) -> str:
    """Registered domain: big5.example.com.cn and xxgk.example.com.cn are one site."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in {"com", "net", "org", "gov", "edu"} else 2
    return ".".join(labels[-keep:])


def _not_a_report(item: ReportItem, page: Page, text: str) -> str | None:
    refresh = _refresh(item.tree)
    if refresh and len(text) < 200:
        return f"meta refresh stub: {refresh[0].strip()[:120]}"
    if page.has_password and len(text) < 300 and any(_LOGIN.search(ln) for ln in page.lines):
        return "login wall"
    found = item.sections or sections.split(text)
    if len(found) >= 2:
        return None
    if item.content is not None:
        reason = _list_page(item.content, text)
        if reason:
            return reason
    if len(text) < 50:
        if item.attachments:
            return None  # the report is the attached file
        return "empty page: no report text"
    if not _REPORT_WORDS.search(item.title or "") and not found:
        return "no report title or sections"
    return None


def _list_page(content, text: str) -> str | None:
    """Links to other reports (not to this one's files), a column of dated entries, or mostly
    link text; run only when the text has no report sections."""
    links = [(" ".join(text_content(a).split()), a.get("href") or "") for a in content.iter("a")]
    reports = {title for title, href in links
               if _REPORT_WORDS.search(title)
               and not href.split("?", 1)[0].lower().endswith(vocab.ATTACHMENT_EXT)}
    if len(reports) >= 3 or (reports and len(text) < _SHORT_PAGE):
        return f"list page: links to {len(reports)} reports"
    dated = [ln for ln in text.split("\n") if len(ln) <= 80 and _DATED_ENTRY.search(ln)]
    if len(dated) >= 8:
        return f"list page: {len(dated)} dated entries"
    linked = [title for title, _ in links if len(title) >= 6]
    if len(linked) >= 8 and sum(map(len, linked)) > 0.5 * max(1, len(text)):
        return f"list page: {len(linked)} links and no report sections"
    return None
