"""Decode stage: raw bytes → text and one lxml tree that later stages share.

The tree is built here once; later stages read and edit it, never re-parse the HTML.
"""

from __future__ import annotations

import re

import lxml.etree

from giar_crawler.items import ReportItem
from giar_crawler.parsing.encoding import CONTROL_CHARS, decode_html
from giar_crawler.pipelines import StagePipeline

# lxml refuses str input with an encoding declaration, and XML-illegal control characters.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = re.compile(f"[{re.escape(CONTROL_CHARS)}]")
# lxml.html's parser, without its element classes: lxml.html calls a Python class lookup for
# every element proxy it makes, which the later stages make by the thousand. The tree is the
# same; pagetext.drop_tree and text_content stand in for HtmlElement's two methods we use.
HTML_PARSER = lxml.etree.HTMLParser()


def build_tree(html: str, url: str | None = None, *, controls: bool = True):
    """`controls=False`: the text is known to hold no control character (Decoded.controls):
    the regex over the whole text is skipped."""
    html = _XML_DECL.sub("", html)
    if controls:
        html = _CONTROL.sub("", html)
    try:
        return lxml.etree.fromstring(html, HTML_PARSER, base_url=url)  # None: an empty document
    except (lxml.etree.ParserError, ValueError):
        return None


def decode(item: ReportItem) -> ReportItem:
    decoded = item.decoded or decode_html(item.body, item.headers.get("content-type"))
    item.decoded = None
    item.html = decoded.text
    item.encoding = decoded.encoding
    item.encoding_source = decoded.source
    for code, detail in decoded.flags:
        item.flag(code, detail)
    item.tree = build_tree(decoded.text, item.url, controls=decoded.controls)
    if item.tree is None:
        item.flag("not_a_report", "empty document: nothing to parse")
        item.tree = build_tree("<html><body></body></html>", item.url)
    return item


class DecodePipeline(StagePipeline):
    stage = staticmethod(decode)
    name = "decode"
