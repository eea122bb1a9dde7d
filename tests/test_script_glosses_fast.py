"""has_glosses without a leading lookbehind: the same answer as the plain findall."""

from hypothesis import given, settings
from hypothesis import strategies as st

from giar_crawler.parsing import script


def reference(text: str) -> bool:
    return len(script._GLOSS_TONED.findall(text[:20000])) >= 3


PIECES = st.sampled_from(["當", "前", "(dāng)", "(qián)", "(men)", "(", ")", "a", "ǎ", "Android",
                          "（一）", " ", "\n", "們", "(ü)", "(lǜ)", "x(dāng)", "(dāngqiánxx)"])


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40))
def test_same_answer_as_findall(pieces):
    text = "".join(pieces)
    assert script.has_glosses(text) == reference(text)


def test_the_20000_character_window_is_kept():
    gloss = "當(dāng)"
    assert script.has_glosses(gloss * 3)
    assert not script.has_glosses("x" * 20000 + gloss * 3)
    assert not script.has_glosses("x" * 19995 + gloss * 3)  # the last gloss is cut
    assert reference("x" * 19995 + gloss * 3) is False
