"""Validate stage: check the accounting identities; report failures, never repair."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import checks
from giar_crawler.pipelines import StagePipeline


def validate(item: ReportItem) -> ReportItem:
    item.checks = checks.run(item.format, item.tables)
    failed = [c for c in item.checks if c["outcome"] == "fail"]
    if failed:
        item.flag("identity_failed", ", ".join(sorted({c["id"] for c in failed})))
    return item


class ValidatePipeline(StagePipeline):
    stage = staticmethod(validate)
    name = "validate"
