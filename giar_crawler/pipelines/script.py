"""Script stage: traditional → simplified, so labels and text match one script."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import script
from giar_crawler.pipelines import StagePipeline


def normalise(item: ReportItem) -> ReportItem:
    item.script = script.detect(item.text or "")
    if item.script == "traditional":
        item.text = script.to_simplified(item.text)
        if item.content is not None:
            script.simplify_tree(item.content)
        if item.title:
            item.title = script.to_simplified(item.title)
    return item


class ScriptPipeline(StagePipeline):
    stage = staticmethod(normalise)
    name = "script"
