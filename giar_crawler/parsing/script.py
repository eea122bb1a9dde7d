"""Traditional → simplified Chinese with opencc-python-reimplemented."""

from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text) if text else text


def detect(text: str) -> str:
    """'traditional' when converting changes a noticeable share of the characters."""
    sample = text[:4000]
    if not sample:
        return "simplified"
    converted = to_simplified(sample)
    changed = sum(1 for a, b in zip(sample, converted, strict=False) if a != b)
    return "traditional" if changed > max(3, len(sample) // 200) else "simplified"


def simplify_tree(element) -> None:
    for el in element.iter():
        if isinstance(el.tag, str):
            if el.text:
                el.text = to_simplified(el.text)
        if el.tail:
            el.tail = to_simplified(el.tail)
