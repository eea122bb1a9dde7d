"""Locate the report body in a page and turn it into clean text."""

from __future__ import annotations

import re

from giar_crawler.schema import page as vocab

# Known CMS containers, most specific first.
CONTAINERS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//*[@id='UCAP-CONTENT']",
    "//*[@id='zoom']",
    "//*[@id='ivs_content']",
    "//*[contains(@class, 'article_content')]",
    "//*[contains(@class, 'pages_content')]",
)
_BLOCK_TAGS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"}


def find_body(tree):
    """The element holding the report; the <body> when no container is known."""
    for xpath in CONTAINERS:
        found = tree.xpath(xpath)
        if found:
            return found[0]
    body = tree.find(".//body")
    return body if body is not None else tree


def clean_text(element) -> str:
    """Text of an element, one block per line, cells separated by tabs."""
    if element is None:
        return ""
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in {"script", "style", "noscript"}:
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        elif tag in {"td", "th"}:
            parts.append("\t")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(element)
    text = "".join(parts).replace("\xa0", " ").replace("\u3000", " ")
    lines = [re.sub(r"[ \t]+", lambda m: "\t" if "\t" in m[0] else " ", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln and not vocab.is_chrome_line(ln)]
    return "\n".join(lines)
