"""Stubs and traps portals set: WAF pages, deleted-document stubs, off-site redirects.

``BackoffRetryMiddleware`` replaces Scrapy's retry middleware: the same retry rules, a
pause that doubles with each attempt, and a WAF stub (a tiny 200 HTML body) retried too.
``StubMiddleware`` marks deleted-document stubs; the spider logs what was marked.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import TextResponse
from w3lib.html import get_meta_refresh

from giar_crawler.headers import content_type

# A real listing or report page is kilobytes; WAF challenges and blank stubs are < 300 B.
WAF_MAX_BYTES = 300


def site_root(url: str) -> str:
    """The registrable site: zhangshu.gov.cn for www.zhangshu.gov.cn, a.com for x.a.com."""
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    keep = 3 if host.endswith((".gov.cn", ".com.cn", ".org.cn", ".net.cn", ".edu.cn")) else 2
    return ".".join(labels[-keep:])


def offsite_redirect(first_url: str, final_url: str) -> bool:
    """A redirect that left the portal's site (expired domain, hijack, another portal)."""
    return site_root(first_url) != site_root(final_url)


def deleted_stub(doc_url: str, refresh_url: str) -> bool:
    """A refresh from a document to one of its parent folders: the doc was deleted
    (TRS's ``<meta http-equiv="refresh" content="0;URL=../">``)."""
    doc, target = urlsplit(doc_url), urlsplit(refresh_url)
    return (
        doc.netloc == target.netloc
        and target.path.endswith("/")
        and doc.path.startswith(target.path)
        and doc.path != target.path
    )


# What a small real page still has: a link, or some Chinese text (20+ characters).
# A challenge is a script and a cookie, or nothing at all.
_LINK = re.compile(rb"href\s*=", re.IGNORECASE)
_TEXT_BYTES = 40


def is_waf_stub(status: int, body: bytes, content_type: str = "") -> bool:
    """A 200 too small to be a page and with nothing a page has: a challenge or blank stub."""
    ctype = content_type.lower()
    htmlish = not ctype or "html" in ctype or "text/plain" in ctype
    small = len(body.strip()) < WAF_MAX_BYTES
    if status != 200 or not htmlish or not small or _LINK.search(body):
        return False
    return sum(b > 0x7F for b in body) < _TEXT_BYTES


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry with a doubling pause (RETRY_BACKOFF_BASE × 2^attempt, capped at
    RETRY_BACKOFF_MAX); a WAF stub counts as retryable. API replies and attachments are
    exempt from the stub rule: an empty Hanweb reply is legitimately 54 bytes."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def _pause(self, retry):
        if retry is not None and self.base > 0:
            attempt = retry.meta.get("retry_times", 1)
            await asyncio.sleep(min(self.base * 2 ** (attempt - 1), self.cap))
        return retry

    async def process_response(self, request, response, spider=None):
        result = super().process_response(request, response)
        if result is not response:
            return await self._pause(result) or response
        exempt = (
            request.meta.get("listing_kind") == "api"
            or request.meta.get("giar_attachment")
            or "deleted_stub" in response.flags
        )
        ctype = content_type(response)
        if not exempt and not request.meta.get("dont_retry") and is_waf_stub(
            response.status, response.body, ctype
        ):
            self.crawler.stats.inc_value("giar/waf_stub")
            retry = self._retry(request, "tiny body (WAF stub?)")
            if retry is not None:
                return await self._pause(retry)
            response.flags.append("waf_stub")
        return response

    async def process_exception(self, request, exception, spider=None):
        return await self._pause(super().process_exception(request, exception))


class StubMiddleware:
    """Catch deleted-document stubs before MetaRefreshMiddleware (580) follows them to the
    parent listing, where the dupefilter would drop them without a word: the stub reaches
    the spider flagged ``deleted_stub``, to be logged and counted."""

    def __init__(self, crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        if isinstance(response, TextResponse) and len(response.body) < 4096:
            _, target = get_meta_refresh(response.text, response.url)
            if target and deleted_stub(request.url, target):
                request.meta["dont_redirect"] = True
                response.flags.append("deleted_stub")
                self.stats.inc_value("giar/deleted_stub")
        return response
