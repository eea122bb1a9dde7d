"""The fast t2s converter against its reference, opencc-python-reimplemented's OpenCC("t2s")."""

from __future__ import annotations

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from giar_crawler.parsing import script
from tests.conftest import FIXTURES

REFERENCE = OpenCC("t2s").convert
BIG5_PAGE = FIXTURES / "sites" / "big5.fixture-county.test" / "801d134b05987c388e63.body"

_steps = script._Converter("t2s").steps
PHRASES, CHARACTERS = _steps[0][0].table, _steps[0][1].table
SEPARATORS = [*" \t\n-,.?!*\u3000，。、；：？！…“”‘’「」—－（）《》～．／【】", "\u3000\u3000", "\xa0"]

_piece = st.one_of(
    st.sampled_from(sorted(PHRASES)),
    st.sampled_from(sorted(PHRASES.values())),
    st.sampled_from(sorted(CHARACTERS)),  # astral keys included
    st.sampled_from(sorted(CHARACTERS.values())),
    st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=3),
    st.sampled_from(SEPARATORS),
)
texts = st.lists(_piece, max_size=25).map("".join)


# Phrases that overlap another one (傷亡枕藉 + 藉寇兵齎盜糧): which one OpenCC replaces decides.
OVERLAPS = sorted({a + b[k:] for a in PHRASES for b in PHRASES if a != b
                   for k in range(1, min(len(a), len(b))) if a[-k:] == b[:k]})


@st.composite
def phrase_fragments(draw):
    """Cut phrases, and phrases overlapping each other, among other text."""
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    return text[start:draw(st.integers(start, len(text)))]


overlapping = st.lists(st.one_of(st.sampled_from(OVERLAPS), _piece), min_size=1, max_size=6).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts, phrase_fragments(), overlapping))
def test_fast_t2s_equals_opencc(text):
    assert script.to_simplified(text) == (REFERENCE(text) if text else text)


def test_the_fast_converter_is_the_one_in_use():
    # Not OpenCC itself, which it falls back to if the package's data ever changes shape.
    assert isinstance(script._t2s().__self__, script._Converter)


def test_longest_phrase_wins_not_the_leftmost():
    # 傷亡枕藉 (4) and 藉寇兵齎盜糧 (6) overlap on 藉: OpenCC replaces the longer one first.
    assert script.to_simplified("傷亡枕藉寇兵齎盜糧") == "伤亡枕借寇兵赍盗粮" == REFERENCE("傷亡枕藉寇兵齎盜糧")
    assert script.to_simplified("反覆思維") == "反复思维"
    assert script.to_simplified("乾隆年間，天干物燥") == "乾隆年间，天干物燥"


def test_fast_t2s_equals_opencc_on_the_traditional_fixture_page():
    html = BIG5_PAGE.read_bytes().decode("big5hkscs")
    assert script.to_simplified(html) == REFERENCE(html)
    nodes = list(lxml.html.document_fromstring(html).body.itertext())
    assert [script.to_simplified(t) for t in nodes] == [REFERENCE(t) if t else t for t in nodes]
    joined = "\x00".join(nodes)
    assert script.to_simplified(joined) == REFERENCE(joined)


def _detect_reference(text: str) -> str:
    """detect() as it was, with a set intersection over the text's characters."""
    present = script._traditional_only().intersection(text)
    if len(present) < 3:
        return "simplified"
    trad = sum(text.count(ch) for ch in present)
    cjk = len(script._CJK.findall(text))
    return "traditional" if trad > 0.05 * cjk else "mixed"


_TRADITIONAL = sorted(script._traditional_only())
_detect_texts = st.lists(
    st.one_of(st.sampled_from(_TRADITIONAL), _piece, st.characters(min_codepoint=0x10000, max_codepoint=0x2FFFF)),
    max_size=60,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(_detect_texts)
def test_detect_equals_the_set_intersection(text):
    assert script.detect(text) == _detect_reference(text)


def test_detect_on_the_fixture_page():
    html = BIG5_PAGE.read_bytes().decode("big5hkscs")
    assert script.detect(html) == _detect_reference(html) == "traditional"


def test_detect_with_ascii_around_the_chinese_text():
    # Three traditional-only characters: "traditional" among 10 Chinese ones, however much
    # markup surrounds them; "mixed" among 100.
    for text, expected in (("後來發" + "a" * 1000 + "中" * 10, "traditional"),
                           ("後來發" + "中" * 100, "mixed"), ("後來發" * 30, "traditional")):
        assert script.detect(text) == _detect_reference(text) == expected
