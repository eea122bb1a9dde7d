"""The JSON lines feed: orjson writes what Scrapy's own exporter would, one object a line."""

import io
import json
from decimal import Decimal

from scrapy.exporters import JsonLinesItemExporter

from giar_crawler.exporters import JsonLinesExporter
from giar_crawler.items import ReportItem, exported_fields


def _lines(exporter_cls, items, **kwargs):
    out = io.BytesIO()
    exporter = exporter_cls(out, encoding="utf-8", fields_to_export=exported_fields(), **kwargs)
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return out.getvalue().decode("utf-8").split("\n")[:-1]  # not splitlines(): U+2028


def test_same_records_as_scrapys_exporter():
    item = ReportItem(url="http://x.test/1.html", title="平潭综合实验区2024年度报告", year=2024,
                      body=b"\xff never exported", text="第一行\n第二行 \"引号\" \\ /",
                      tables={"t3": {"applications_new": {"raw": "12", "value": 12, "unit": None}},
                              "t1": {"regulations_made": {"raw": "/", "value": None,
                                                          "status": "not_applicable"}}},
                      checks=[{"id": "T3-ROW", "ok": False, "expected": 3, "got": 2.5}],
                      flags=[{"code": "x", "detail": "\u2028 line separator"}])
    ours = _lines(JsonLinesExporter, [item, ReportItem(url="http://x.test/2.html")])
    theirs = _lines(JsonLinesItemExporter, [item, ReportItem(url="http://x.test/2.html")])
    assert len(ours) == 2
    assert [json.loads(line) for line in ours] == [json.loads(line) for line in theirs]
    assert "平潭" in ours[0]  # UTF-8, not \\u escapes
    assert "body" not in json.loads(ours[0])


def test_types_json_does_not_know_go_the_way_scrapy_sends_them():
    item = ReportItem(url="http://x.test/1.html", portal={"name": "某县"})
    item.tables = {"t3": {"x": Decimal("1.50")}, "seen": {"a"}}
    ours = json.loads(_lines(JsonLinesExporter, [item])[0])
    theirs = json.loads(_lines(JsonLinesItemExporter, [item])[0])
    assert ours == theirs
    assert ours["tables"]["t3"]["x"] == "1.50"


def test_other_items_go_through_scrapys_field_handling():
    plain = {"url": "http://x.test/1.html", "title": "某县报告"}
    ours = [json.loads(line) for line in _lines(JsonLinesExporter, [plain])]
    assert ours == [json.loads(line) for line in _lines(JsonLinesItemExporter, [plain])]
    assert ours == [plain]  # a dict exports the fields it has


def test_pretty_printing_falls_back_to_scrapys_encoder():
    out = _lines(JsonLinesExporter, [ReportItem(url="http://x.test/1.html")], indent=2)
    assert json.loads("\n".join(out))["url"] == "http://x.test/1.html"
