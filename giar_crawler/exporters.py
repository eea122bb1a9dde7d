"""JSON lines with orjson: the feed exporter runs in the crawl's process, once per report.

A record carries the report's text, its sections and every table cell (~20 kB of JSON);
the standard library encoder took a noticeable share of the crawl's own time on the reactor
(bench/crawl_throughput.py). Same records, one JSON object per line, UTF-8.
"""

from __future__ import annotations

import orjson
from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.serialize import ScrapyJSONEncoder

from giar_crawler.items import ReportItem

_OPTIONS = orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS


class JsonLinesExporter(JsonLinesItemExporter):
    def __init__(self, file, **kwargs):
        super().__init__(file, **kwargs)
        # What orjson does not know (sets, Decimal, items) is what Scrapy's encoder handles.
        self._default = ScrapyJSONEncoder().default
        self._fast = (self.encoding or "").lower().replace("-", "") == "utf8" and not self._kwargs.get("indent")

    def export_item(self, item) -> None:
        if not self._fast:  # another encoding or pretty-printing: Scrapy's own path
            return super().export_item(item)
        self.file.write(orjson.dumps(self._record(item), default=self._default, option=_OPTIONS))
        return None

    def _record(self, item) -> dict:
        names = self.fields_to_export
        if type(item) is ReportItem and isinstance(names, list):
            # A dataclass without per-field serializers: its attributes are the values.
            return {name: getattr(item, name) for name in names}
        return dict(self.get_serialized_fields(item))
