"""Content stage: find the report body, strip site chrome, read the report's facts."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import content, metadata
from giar_crawler.pipelines import StagePipeline


def extract(item: ReportItem) -> ReportItem:
    if item.tree is None:
        item.flag("no_content", "page was not decoded")
        return item
    item.content = content.find_body(item.tree)
    item.text = content.clean_text(item.content)
    metadata.fill(item)
    return item


class ContentPipeline(StagePipeline):
    stage = staticmethod(extract)
    name = "content"
