"""Decode a page's bytes: BOM, then HTTP header, then <meta>, then detection.

One function serves the spiders (listing pages) and the decode pipeline (reports).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import chardet
from w3lib.encoding import (
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

# Supersets that decode everything their subsets do (镕 is GBK, not GB2312).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_SINGLE_BYTE = {"cp1252", "latin_1", "iso8859-1", "ascii"}

_META_RE = re.compile(
    rb"""<meta[^>]+?(?:charset\s*=\s*["']?\s*([\w.:-]+)|content\s*=\s*["'][^"'>]*?charset\s*=\s*([\w.:-]+))""",
    re.I,
)


@dataclass
class Decoded:
    text: str
    encoding: str
    source: str  # bom | header | meta | detected | fallback
    flags: list[tuple[str, str]] = field(default_factory=list)


def canonical(name: str | None) -> str | None:
    """Python codec name for a declared charset, widened to its superset."""
    if not name:
        return None
    resolved = resolve_encoding(name.strip().strip("\"'").lower())
    if not resolved:
        return None
    resolved = codecs.lookup(resolved).name
    return _SUPERSETS.get(resolved, resolved)


def meta_charset(body: bytes) -> str | None:
    """Charset from <meta charset> or <meta http-equiv content=...charset=>.

    Only <meta> tags count: <script charset="gb2312"> describes the script, not the page.
    Malformed forms such as httpequiv="ContentType" still carry content=...charset=.
    """
    head = body[:8192]
    for match in _META_RE.finditer(head):
        name = (match.group(1) or match.group(2) or b"").decode("ascii", "ignore")
        enc = canonical(name)
        if enc:
            return enc
    return None


def _detect(body: bytes) -> str | None:
    guess = chardet.detect(body[:65536])
    return canonical(guess.get("encoding")) if guess.get("confidence", 0) > 0.2 else None


def _cjk_ratio(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk / max(1, sum(1 for ch in text if not ch.isascii()))


def _plausible(body: bytes, enc: str) -> bool:
    """Decodes strictly, and does not turn CJK bytes into Latin mojibake."""
    try:
        text = body.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return False
    if enc in _SINGLE_BYTE or enc.startswith(("cp125", "iso8859", "latin")):
        # Any byte string decodes as Latin-1; high bytes there are almost always CJK.
        high = sum(1 for b in body if b > 0x7F)
        return high < 16
    non_ascii = [ch for ch in text if not ch.isascii()]
    return len(non_ascii) < 16 or _cjk_ratio(text) > 0.3


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page; a wrong declaration is caught and corrected by detection."""
    bom_enc, bom = read_bom(body)
    if bom_enc:
        return Decoded(body[len(bom):].decode(bom_enc, "replace"), canonical(bom_enc), "bom")

    flags: list[tuple[str, str]] = []
    header = canonical(http_content_type_encoding(content_type)) if content_type else None
    meta = meta_charset(body)
    for enc, source in ((header, "header"), (meta, "meta")):
        if not enc:
            continue
        if _plausible(body, enc):
            if header and meta and header != meta:
                flags.append(("encoding_conflict", f"header {header}, meta {meta}; used {source}"))
            return Decoded(body.decode(enc), enc, source, flags)
        flags.append(("encoding_declared_wrong", f"{source} said {enc}"))

    detected = _detect(body)
    for enc in (detected, "utf-8", "gb18030"):
        if enc and _plausible(body, enc):
            return Decoded(body.decode(enc), enc, "detected", flags)
    # Nothing decodes cleanly: keep every byte we can and say so.
    enc = detected or meta or header or "utf-8"
    flags.append(("undecodable", f"no encoding decodes cleanly; {enc} with replacements"))
    return Decoded(body.decode(enc, "replace"), enc, "fallback", flags)
