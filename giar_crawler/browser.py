"""Browser-rendered listings: scrapy-playwright driving Debian's system Chromium.

``LazyBrowserHandler`` serves http/https. Requests without ``meta["playwright"]`` go
through Scrapy's own HTTP/1.1 downloader; the first request that asks for the browser
starts scrapy-playwright's handler (its driver, then Chromium). A crawl of static portals
therefore never spawns the Playwright driver or a browser.
"""

from __future__ import annotations

import asyncio
import os

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

CHROMIUM = os.environ.get("GIAR_CHROMIUM", "/usr/bin/chromium")
# Root in a container needs --no-sandbox; the rest stop Chromium phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--metrics-recording-only",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
]
_HEAVY = {"image", "media", "font"}


def page_meta() -> dict:
    """Request meta for a page that only a browser can list: wait for its XHRs to settle."""
    return {
        "playwright": True,
        "playwright_page_goto_kwargs": {"wait_until": "networkidle"},
    }


def skip_heavy(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: listings need scripts and XHR, never images or fonts."""
    return request.resource_type in _HEAVY


class LazyBrowserHandler(HTTP11DownloadHandler):
    def __init__(self, crawler):
        super().__init__(crawler)
        self._browser = None
        self._lock: asyncio.Lock | None = None

    async def _browser_handler(self):
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            if self._browser is None:
                from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

                handler = ScrapyPlaywrightDownloadHandler(self._crawler)
                # engine_started, which normally starts it, has already fired.
                await handler._launch()
                self._browser = handler
                self._crawler.stats.inc_value("giar/browser/started")
        return self._browser

    async def download_request(self, request):
        if request.meta.get("playwright"):
            handler = await self._browser_handler()
            return await handler.download_request(request)
        return await super().download_request(request)

    async def close(self) -> None:
        await super().close()
        if self._browser is not None:
            await self._browser.close()
