"""Scrapy's byte headers as plain strings, the way items and saved sites keep them."""

from __future__ import annotations


def flat_headers(headers, lower: bool = False) -> dict[str, str]:
    """{name: value}; repeated headers joined with ', '."""
    out = {}
    for key, values in headers.items():
        name = key.decode("latin-1")
        out[name.lower() if lower else name] = b", ".join(values).decode("latin-1")
    return out


def content_type(response) -> str:
    return response.headers.get("Content-Type", b"").decode("latin-1")
