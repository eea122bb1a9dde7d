"""Saved sites: serve every request from disk (REPLAY_DIR) or write a live crawl to disk (RECORD_DIR).

Layout, one pair of files per exchange, under a folder per host:

    DIR/<host>/<key>.json   {"url", "method", "body", "status", "headers": {name: value}}
    DIR/<host>/<key>.body   the response body exactly as the server sent it

``key`` hashes the method, the canonical URL and the request body, so POST search APIs
replay too. The bytes are never re-encoded: decoding is exercised exactly as live.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from w3lib.url import canonicalize_url

from giar_crawler.headers import flat_headers


def exchange_key(url: str, method: str = "GET", body: bytes = b"") -> str:
    h = hashlib.sha1(f"{method.upper()} {canonicalize_url(url)}\n".encode())
    h.update(body or b"")
    return h.hexdigest()[:20]


def _host_dir(root: Path, url: str) -> Path:
    host = urlsplit(url).netloc.replace(":", "_") or "_"
    return root / host


def save_exchange(
    root: str | Path,
    url: str,
    status: int,
    headers: dict[str, str],
    body: bytes,
    method: str = "GET",
    request_body: bytes = b"",
) -> Path:
    """Write one exchange in the replay layout; returns the .body path."""
    folder = _host_dir(Path(root), url)
    folder.mkdir(parents=True, exist_ok=True)
    key = exchange_key(url, method, request_body)
    meta = {
        "url": url,
        "method": method.upper(),
        "body": request_body.decode("utf-8", "replace") if request_body else "",
        "status": status,
        "headers": headers,
    }
    (folder / f"{key}.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    path = folder / f"{key}.body"
    path.write_bytes(body)
    return path


def load_exchange(root: str | Path, url: str, method: str = "GET", body: bytes = b""):
    """Return (meta, body bytes) for a saved exchange, or None."""
    folder = _host_dir(Path(root), url)
    key = exchange_key(url, method, body)
    meta_path = folder / f"{key}.json"
    if not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return meta, (folder / f"{key}.body").read_bytes()


class ReplayMiddleware:
    """Serve every request from REPLAY_DIR; an unknown URL answers 404.

    Sits first in the chain (priority 50) so nothing reaches the network; the usual
    middlewares (decompression, redirects, retries) still see the saved response.
    """

    def __init__(self, crawler):
        self.stats = crawler.stats
        self.root = crawler.settings.get("REPLAY_DIR")
        # Seconds before each saved response is served, as a server's latency would be:
        # saved responses bypass the downloader, so DOWNLOAD_DELAY does not pace them.
        self.delay = crawler.settings.getfloat("REPLAY_DELAY")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        if not self.root:
            return None
        saved = load_exchange(self.root, request.url, request.method, request.body)
        if saved is None:
            self.stats.inc_value("giar/replay/missing")
            return Response(url=request.url, status=404, request=request, flags=["replay"])
        meta, body = saved
        self.stats.inc_value("giar/replay/hit")
        headers = meta.get("headers") or {}
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        response = cls(
            url=request.url,
            status=meta.get("status", 200),
            headers=headers,
            body=body,
            request=request,
            flags=["replay"],
        )
        return self._later(response) if self.delay else response

    async def _later(self, response):
        await asyncio.sleep(self.delay)
        return response


class RecordMiddleware:
    """Save every live response to RECORD_DIR as the server sent it.

    Sits next to the downloader (priority 950) so it sees redirects and compressed
    bodies before other middlewares rewrite them.
    """

    def __init__(self, crawler):
        self.root = crawler.settings.get("RECORD_DIR")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        if self.root and "replay" not in response.flags:
            save_exchange(
                self.root,
                request.url,
                response.status,
                flat_headers(response.headers),
                response.body,
                request.method,
                request.body,
            )
        return response
