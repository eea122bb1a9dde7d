"""scrapy validate_registry [PATH]: the registry check as a Scrapy command."""

from __future__ import annotations

from typing import ClassVar

from scrapy.commands import ScrapyCommand

from giar_crawler import registry


class Command(ScrapyCommand):
    requires_project = False
    default_settings: ClassVar[dict] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[PATH]"

    def short_desc(self) -> str:
        return "Check a portal registry (default: the shipped one); non-zero exit on problems"

    def run(self, args, opts) -> None:
        self.exitcode = registry.main(["validate", *args[:1]])
