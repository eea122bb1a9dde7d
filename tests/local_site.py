"""A small web site on 127.0.0.1 for crawl tests, started and stopped by the test."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """Routes → (status, headers, body); a GET route may be a callable of its hit count,
    a POST route a callable of the form body; bodies may use {port}."""

    def __init__(self):
        self.hits: dict[str, int] = {}
        self.routes: dict = {}  # path or ("POST", path) → answer, or a callable giving one
        self.posts: list[tuple[str, str]] = []
        self.fallback = None  # path → answer, for paths without a route
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                n = site.hits[self.path] = site.hits.get(self.path, 0) + 1
                route = site.routes.get(self.path, site.fallback)
                if callable(route):
                    route = route(n) if route is not site.fallback else route(self.path)
                self.answer(route)

            def do_POST(self):
                size = int(self.headers.get("Content-Length") or 0)
                form = self.rfile.read(size).decode()
                site.posts.append((self.path, form))
                route = site.routes.get(("POST", self.path))
                self.answer(route(form) if callable(route) else route)

            def answer(self, route):
                status, headers, body = route or (404, {}, "not here")
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v.replace("{port}", str(site.port)))
                data = body if isinstance(body, bytes) else body.replace("{port}", str(site.port)).encode()
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


