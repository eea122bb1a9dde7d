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
    # False when the text surely has no C0 control character (lxml needs them removed).
    controls: bool = True


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


_SHARE_SAMPLE = 1500
# Up to and including the 1500th Chinese character (possessive: fails in linear time).
_SAMPLE_END = re.compile(rf"(?:[^\u4e00-\u9fff]*+[\u4e00-\u9fff]){{{_SHARE_SAMPLE}}}")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _rare() -> re.Pattern[str]:
    """The Chinese characters that are not common ones."""
    common = _common_chars()
    return re.compile("[" + "".join(chr(c) for c in range(0x4E00, 0xA000) if chr(c) not in common) + "]")


def _common_share(text: str) -> float | None:
    """Share of the first 1500 Chinese characters that are common ones.

    Two regex scans in C, no Python loop per character: where the sample ends, and how
    many rare characters it holds (few, on text in the right encoding)."""
    sample = _SAMPLE_END.match(text)
    if sample:
        end, cjk = sample.end(), _SHARE_SAMPLE
    else:  # fewer Chinese characters than the sample: all of them
        end, cjk = len(text), len(text) - len(_CJK_RUN.sub("", text))
    if cjk < 20:
        return None
    rare = len(_rare().findall(text, 0, end))
    return (cjk - rare) / cjk


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


def _utf8_text(body: bytes) -> str | None:
    """The body decoded as UTF-8 when it is valid UTF-8 (kept: the UTF-8 candidate reuses it)."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _is_multibyte(body: bytes, utf8_text: str | None) -> bool:
    """Valid UTF-8 with some multibyte characters: GBK or Big5 text practically never is."""
    return utf8_text is not None and len(utf8_text) < len(body) - 3


def _plausible(body: bytes, enc: str, utf8_text: str | None) -> tuple[str, int] | None:
    """`utf8_text`: the body decoded as UTF-8, if it is valid UTF-8."""
    if enc != "utf-8" and _is_multibyte(body, utf8_text):
        return None  # UTF-8 bytes read as GBK give rare-character mojibake without one error
    decoded = (utf8_text, 0) if enc == "utf-8" and utf8_text is not None else _try(body, enc)
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


# C0 controls other than tab, LF and CR: XML-illegal, lxml refuses them (decode stage).
CONTROL_CHARS = "".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
_CONTROL_BYTES = CONTROL_CHARS.encode("ascii")
# Codecs that decode a C0 control character only from its own single byte (no multibyte
# sequence, no replacement yields one): a body without such bytes decodes to text without.
_ASCII_SAFE = frozenset({"utf-8", "gb18030", "big5hkscs"})


def _controls(body: bytes, enc: str) -> bool:
    """Whether the text decoded from `body` may hold C0 controls other than tab, LF and CR.

    A bytes.translate is ~5x cheaper than a regex over the decoded text."""
    return enc not in _ASCII_SAFE or len(body.translate(None, _CONTROL_BYTES)) != len(body)


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page; a wrong declaration is caught and corrected by detection."""
    bom_enc, bom = read_bom(body)
    if bom_enc:
        enc = canonical(bom_enc) or "utf-8"
        return Decoded(body[len(bom):].decode(enc, "replace"), enc, "bom", controls=_controls(body, enc))

    flags: list[tuple[str, str]] = []
    header = canonical(http_content_type_encoding(content_type)) if content_type else None
    meta = meta_charset(body)
    tried: set[str] = set()
    utf8_text = _utf8_text(body)
    for enc, source in _candidates(body, header, meta):
        if not enc or enc in tried:
            continue
        tried.add(enc)
        decoded = _plausible(body, enc, utf8_text)
        if decoded is None:
            if source != "detected":
                flags.append(("encoding_declared_wrong", f"{source} said {enc}"))
            continue
        text, errors = decoded
        if errors:
            flags.append(("decode_errors", f"{errors} bytes undecodable as {enc}"))
        if source == "header" and meta and meta != header:
            flags.append(("encoding_conflict", f"header {header}, meta {meta}; used header"))
        return Decoded(text, enc, source, flags, _controls(body, enc))
    # Nothing decodes cleanly: keep every byte we can and say so.
    enc = meta or header or "gb18030"
    text = body.decode(enc, "replace")
    flags.append(("undecodable", f"no encoding fits; {enc} with {text.count(chr(0xFFFD))} replacements"))
    return Decoded(text, enc, "fallback", flags, _controls(body, enc))


# Characters lost before the page reached us: '?' where a CMS could not encode a character,
# U+FFFD from an earlier bad decode. A '?' touching a Chinese character or another '?' counts.
_LOST = re.compile(r"\ufffd+|\?{2,}|(?<=[\u4e00-\u9fff])\?|\?(?=[\u4e00-\u9fff])|^\?$", re.MULTILINE)
_PADDING = re.compile(r"^[ ?\ufffd]+|[ ?\ufffd]+$", re.MULTILINE)


def lost_characters(text: str) -> int:
    """How many places in clean text show characters lost at the source."""
    if "?" not in text and "\ufffd" not in text:  # most texts: no regex scan
        return 0
    return len(_LOST.findall(text))


def strip_lost_padding(text: str) -> str:
    """Drop '?'/U+FFFD runs at line ends (lost indentation); the ones inside text stay."""
    lines = (_PADDING.sub("", line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
