"""Decode stage: raw bytes → text and one lxml tree that later stages share."""

from __future__ import annotations

import lxml.html

from giar_crawler.items import ReportItem
from giar_crawler.parsing.encoding import decode_html
from giar_crawler.pipelines import StagePipeline


def decode(item: ReportItem) -> ReportItem:
    decoded = decode_html(item.body, item.headers.get("content-type"))
    item.html = decoded.text
    item.encoding = decoded.encoding
    item.encoding_source = decoded.source
    for code, detail in decoded.flags:
        item.flag(code, detail)
    item.tree = lxml.html.document_fromstring(decoded.text or "<html/>", base_url=item.url)
    return item


class DecodePipeline(StagePipeline):
    stage = staticmethod(decode)
    name = "decode"
