"""Script stage: traditional → simplified, full-width digits, then the six sections."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import script, sections
from giar_crawler.pipelines import StagePipeline


def normalise(item: ReportItem) -> ReportItem:
    text = item.text or ""
    item.script = script.detect(text)
    if item.script != "simplified":
        text = script.to_simplified(text)
        if item.content is not None:
            script.simplify_tree(item.content)
        item.title = script.to_simplified(item.title)
        item.organ = script.to_simplified(item.organ)
        item.region = script.to_simplified(item.region)
    if script.has_full_width_digits(text):
        text = script.normalise_numbers(text)
        if item.content is not None:
            script.normalise_tree_numbers(item.content)
    item.text = text
    item.sections = sections.split(text)
    return item


class ScriptPipeline(StagePipeline):
    stage = staticmethod(normalise)
    name = "script"
