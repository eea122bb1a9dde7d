"""Decode a page's bytes: BOM, then HTTP header, then <meta>, then detection.

One function serves the spiders (listing pages) and the decode pipeline (reports).
A declaration is trusted only when the bytes decode under it into plausible text: the
Chinese characters it yields must be mostly common ones. That catches a UTF-8 header on
GBK bytes (decode errors), GBK declared on UTF-8 or Big5 bytes (rare-character mojibake)
and an ISO-8859-1 header on a GBK page (decodes without one error into Latin garbage).
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

import chardet
from w3lib.encoding import http_content_type_encoding, read_bom, resolve_encoding

# Supersets that decode everything their subsets do (镕 is GBK, not GB2312).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_ALIASES = {"x-gbk": "gb18030", "x-gb2312": "gb18030", "unicode": "utf-8", "utf8": "utf-8"}

_META_RE = re.compile(
    rb"""<meta[^>]+?(?:charset\s*=\s*["']?\s*([\w.:-]+)"""
    rb"""|content\s*=\s*["'][^"'>]*?charset\s*=\s*([\w.:-]+))""",
    re.IGNORECASE,
)
# Decode errors tolerated in an otherwise right encoding (a truncated character or two).
_MAX_ERRORS = 2
_ERRORS_PER_CHAR = 1 / 5000


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
    name = name.strip().strip("\"'").lower()
    resolved = resolve_encoding(_ALIASES.get(name, name))
    if not resolved:
        return None
    resolved = codecs.lookup(resolved).name
    return _SUPERSETS.get(resolved, resolved)


def meta_charset(body: bytes) -> str | None:
    """Charset from <meta charset> or <meta http-equiv content=...charset=>.

    Only <meta> tags count: <script charset="gb2312"> describes the script, not the page.
    Malformed forms such as httpequiv="ContentType" still carry content=...charset=.
    """
    for match in _META_RE.finditer(body[:8192]):
        name = (match.group(1) or match.group(2) or b"").decode("ascii", "ignore")
        enc = canonical(name)
        if enc:
            return enc
    return None


@cache
def _common_chars() -> frozenset[str]:
    """The frequent Chinese characters of both scripts: GB2312 level 1 and Big5 level 1."""
    chars = {
        bytes([hi, lo]).decode("gb2312")
        for hi in range(0xB0, 0xD8)
        for lo in range(0xA1, 0xFF)
        if not (hi == 0xD7 and lo > 0xF9)
    }
    for code in range(0xA440, 0xC67F):
        with contextlib.suppress(UnicodeDecodeError):
            chars.add(code.to_bytes(2, "big").decode("big5"))
    return frozenset(chars)


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _common_share(text: str) -> float | None:
    """Share of the first 1500 Chinese characters that are common ones."""
    cjk = [m[0] for m in islice(_CJK.finditer(text), 1500)]
    if len(cjk) < 20:
        return None
    common = _common_chars()
    return sum(1 for ch in cjk if ch in common) / len(cjk)


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _is_single_byte(enc: str) -> bool:
    return enc in {"ascii", "latin-1"} or enc.startswith(("cp125", "iso8859", "windows-125"))


def _try(body: bytes, enc: str) -> tuple[str, int] | None:
    """Text and decode-error count, or None when the encoding does not fit the bytes."""
    try:
        return body.decode(enc), 0
    except LookupError:
        return None
    except UnicodeDecodeError:
        text = body.decode(enc, "replace")
    errors = text.count("\ufffd")
    return (text, errors) if errors <= max(_MAX_ERRORS, len(text) * _ERRORS_PER_CHAR) else None


def _is_utf8(body: bytes) -> bool:
    """Valid UTF-8 with some multibyte characters: GBK or Big5 text practically never is."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(text) < len(body) - 3


def _plausible(body: bytes, enc: str, utf8: bool) -> tuple[str, int] | None:
    """`utf8`: the bytes are valid multibyte UTF-8 (then no other encoding is plausible)."""
    if enc != "utf-8" and utf8:
        return None  # UTF-8 bytes read as GBK give rare-character mojibake without one error
    decoded = _try(body, enc)
    if decoded is None:
        return None
    if _is_single_byte(enc):
        # Any byte string decodes as Latin-1; on these portals high bytes are Chinese.
        return decoded if len(body) - len(body.translate(None, _HIGH_BYTES)) < 16 else None
    share = _common_share(decoded[0])
    if share is None:  # too little Chinese to judge: only a clean decode counts
        return decoded if decoded[1] == 0 else None
    return decoded if share > 0.8 else None


def _detect(body: bytes) -> str | None:
    return canonical(chardet.detect(body[:65536]).get("encoding"))


def _candidates(body: bytes, header: str | None, meta: str | None):
    """Declarations first, then the encodings these portals use, then chardet (slowest)."""
    yield header, "header"
    yield meta, "meta"
    for enc in ("utf-8", "gb18030", "big5hkscs"):
        yield enc, "detected"
    yield _detect(body), "detected"


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page; a wrong declaration is caught and corrected by detection."""
    bom_enc, bom = read_bom(body)
    if bom_enc:
        enc = canonical(bom_enc) or "utf-8"
        return Decoded(body[len(bom):].decode(enc, "replace"), enc, "bom")

    flags: list[tuple[str, str]] = []
    header = canonical(http_content_type_encoding(content_type)) if content_type else None
    meta = meta_charset(body)
    tried: set[str] = set()
    utf8 = _is_utf8(body)
    for enc, source in _candidates(body, header, meta):
        if not enc or enc in tried:
            continue
        tried.add(enc)
        decoded = _plausible(body, enc, utf8)
        if decoded is None:
            if source != "detected":
                flags.append(("encoding_declared_wrong", f"{source} said {enc}"))
            continue
        text, errors = decoded
        if errors:
            flags.append(("decode_errors", f"{errors} bytes undecodable as {enc}"))
        if source == "header" and meta and meta != header:
            flags.append(("encoding_conflict", f"header {header}, meta {meta}; used header"))
        return Decoded(text, enc, source, flags)
    # Nothing decodes cleanly: keep every byte we can and say so.
    enc = meta or header or "gb18030"
    text = body.decode(enc, "replace")
    flags.append(("undecodable", f"no encoding fits; {enc} with {text.count(chr(0xFFFD))} replacements"))
    return Decoded(text, enc, "fallback", flags)


# Characters lost before the page reached us: '?' where a CMS could not encode a character,
# U+FFFD from an earlier bad decode. A '?' touching a Chinese character or another '?' counts.
_LOST = re.compile(r"\ufffd+|\?{2,}|(?<=[\u4e00-\u9fff])\?|\?(?=[\u4e00-\u9fff])|^\?$", re.MULTILINE)
_PADDING = re.compile(r"^[ ?\ufffd]+|[ ?\ufffd]+$", re.MULTILINE)


def lost_characters(text: str) -> int:
    """How many places in clean text show characters lost at the source."""
    return len(_LOST.findall(text))


def strip_lost_padding(text: str) -> str:
    """Drop '?'/U+FFFD runs at line ends (lost indentation); the ones inside text stay."""
    lines = (_PADDING.sub("", line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
