"""The decode stage's shortcuts give the results of the plain per-character versions."""

from __future__ import annotations

import re
from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from giar_crawler.parsing import encoding
from giar_crawler.parsing.encoding import decode_html
from giar_crawler.pipelines.decode import _CONTROL, build_tree

_CJK = re.compile(r"[\u4e00-\u9fff]")
_COMMON = sorted(encoding._common_chars())


def _common_share_reference(text: str) -> float | None:
    """_common_share as it was: a Python loop over the first 1500 Chinese characters."""
    cjk = [m[0] for m in islice(_CJK.finditer(text), 1500)]
    if len(cjk) < 20:
        return None
    common = encoding._common_chars()
    return sum(1 for ch in cjk if ch in common) / len(cjk)


_piece = st.one_of(
    st.sampled_from(_COMMON),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # rare ones too
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DFF),  # CJK outside the sampled range
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40),
    st.text(max_size=5),
)
texts = st.lists(_piece, max_size=120).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts, st.integers(1, 9))
def test_common_share_equals_the_character_loop(text, repeat):
    text = text * repeat  # often past the 1500-character sample
    assert encoding._common_share(text) == _common_share_reference(text)


def test_common_share_around_the_sample_edge():
    for pad in (0, 1, 8191, 8192, 8193, 20000):
        for n in (19, 20, 1499, 1500, 1501, 3000):
            text = "a" * pad + ("的" * (n // 2) + "龘" * (n - n // 2))
            assert encoding._common_share(text) == _common_share_reference(text), (pad, n)


_SAFE = sorted(encoding._ASCII_SAFE)
_no_control_bytes = st.binary(max_size=400).map(lambda b: b.translate(None, encoding._CONTROL_BYTES))


@settings(max_examples=600, deadline=None)
@given(_no_control_bytes, st.sampled_from(_SAFE))
def test_safe_codecs_never_decode_a_control_character_from_other_bytes(body, codec):
    assert not _CONTROL.search(body.decode(codec, "replace"))


def test_every_multibyte_sequence_of_the_safe_codecs_decodes_without_controls():
    high = range(0x80, 0x100)
    trail = [b for b in range(0x20, 0x100) if b != 0x7F]
    pairs = b"".join(bytes([lead, t]) for lead in high for t in trail)
    for codec in ("gb18030", "big5hkscs"):
        for i in range(0, len(pairs), 2):  # one by one: a bad pair must not shift the next
            assert not _CONTROL.search(pairs[i:i + 2].decode(codec, "replace"))
    digits = range(0x30, 0x3A)
    quads = b"".join(bytes([a, b, c, d]) for a in range(0x81, 0xFF) for b in digits
                     for c in range(0x81, 0xFF) for d in digits)
    assert not _CONTROL.search(quads.decode("gb18030", "replace"))


_markup_text = st.text(alphabet=st.one_of(st.sampled_from(_COMMON[:300]), st.characters(max_codepoint=0x7F),
                                          st.characters(min_codepoint=0x80, max_codepoint=0x2FFF)), max_size=200)
# The safe codecs, and others, some of which decode controls from other bytes (cp500: 0x26).
_CODECS = ["utf-8", "gb18030", "big5hkscs", "utf-16", "utf-16-le", "latin-1", "cp1252", "utf-7", "cp500"]


@settings(max_examples=600, deadline=None)
@given(_markup_text, st.sampled_from(_CODECS), st.binary(max_size=20), st.booleans())
def test_decoded_text_without_controls_is_flagged_so(text, codec, noise, declared):
    body = f"<html><body><p>{text}</p></body></html>".encode(codec, "ignore") + noise
    decoded = decode_html(body, f"text/html; charset={codec}" if declared else None)
    if not decoded.controls:
        assert not _CONTROL.search(decoded.text)


def test_control_characters_are_still_removed():
    for codec in ("utf-8", "gb18030", "big5hkscs"):
        body = "<html><body><p>年度\x01報告\x0b</p></body></html>".encode(codec)
        decoded = decode_html(body, f"text/html; charset={codec}")
        assert decoded.controls
        tree = build_tree(decoded.text, controls=decoded.controls)
        assert tree.findtext(".//p") == "年度報告"
