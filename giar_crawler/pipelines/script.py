"""Script stage: traditional → simplified, and full-width digits, in the body tree and text."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import script, sections
from giar_crawler.pipelines import StagePipeline
from giar_crawler.pipelines.content import body_text


def normalise(item: ReportItem) -> ReportItem:
    text = item.text or ""
    item.script = script.detect(text)  # one regex scan: simplified pages cost ~nothing
    converted = item.script != "simplified"
    if converted:
        item.title = script.to_simplified(item.title)
        item.organ = script.to_simplified(item.organ)
        item.region = script.to_simplified(item.region)
    wide = script.has_full_width_digits(text)
    if item.content is not None and (converted or wide):
        # Convert the tree the tables stage reads, then read the text off it again:
        # converting the text separately would double the cost.
        if converted:
            script.simplify_tree(item.content)
        if wide:
            script.normalise_tree_numbers(item.content)
        item.text = body_text(item)
    elif converted or wide:
        item.text = script.normalise_numbers(script.to_simplified(text) if converted else text)
    if converted or wide:
        item.sections = sections.split(item.text)
    return item


class ScriptPipeline(StagePipeline):
    stage = staticmethod(normalise)
    name = "script"
