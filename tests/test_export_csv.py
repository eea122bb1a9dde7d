"""Flat cells CSV and per-report summary CSV, from JSON lines and as feed exporters."""

import csv
import io
import json

import pytest

from giar_crawler.export_csv import CellsCsvExporter, SummaryCsvExporter, main
from giar_crawler.items import ReportItem
from tests.ops_site import build_site, run_crawl

# A record in the exported layout, typed by hand: Table 二 nests block.row.column,
# Tables 三 and 四 nest row.column.
RECORD = {
    "url": "http://xx.gov.cn/ndbg/2023.html",
    "listing_url": "http://xx.gov.cn/ndbg/",
    "portal": {"name": "甲县人民政府", "province": "福建省", "city": "福州市",
               "county": "甲县", "level": "county", "division_code": "350100"},
    "title": "甲县2023年政府信息公开工作年度报告",
    "year": 2023,
    "format": "gov_2021",
    "sha256": "ab" * 32,
    "version": 2,
    "previous_sha256": "cd" * 32,
    "text": "一、总体情况",
    "attachments": [{"url": "http://xx.gov.cn/a.pdf", "title": "附件"}],
    "tables": {
        "active_disclosure": {
            "art20_1": {"rules": {"issued_this_year": {"raw": "3", "value": 3}}},
            "art20_8": {"administrative_fees": {"fee_amount": {
                "raw": "156.32万元", "value": 156.32, "unit": "万元"}}},
        },
        "applications": {
            "new_received": {"natural_person": {"raw": "/", "value": None, "status": "na"}},
            "carried_over": {"total": {"raw": "撤销", "value": None, "status": "text",
                                       "note": "a key this exporter does not know"}},
        },
        "review_litigation": {"cases": {"review_upheld": {"raw": "", "value": None,
                                                          "status": "blank"}}},
    },
    "checks": [
        {"id": "t3_balance", "outcome": "pass"},
        {"id": "t3_balance", "outcome": "not_assessable"},
        {"id": "t4_group_total", "outcome": "fail"},
    ],
    "flags": [{"code": "identity_failed", "detail": "t4_group_total"},
              {"code": "encoding_conflict", "detail": ""}],
}


def _read(path):
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_cells_one_row_per_cell_with_raw_and_value(tmp_path):
    src = tmp_path / "reports.jsonl"
    src.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main([str(src), "--cells", str(tmp_path / "cells.csv")]) == 0
    rows = _read(tmp_path / "cells.csv")
    assert len(rows) == 5
    key = {(r["table"], r["block"], r["row"], r["column"]): r for r in rows}
    fee = key["active_disclosure", "art20_8", "administrative_fees", "fee_amount"]
    assert (fee["raw"], fee["value"], fee["unit"]) == ("156.32万元", "156.32", "万元")
    rules = key["active_disclosure", "art20_1", "rules", "issued_this_year"]
    assert (rules["raw"], rules["value"]) == ("3", "3")
    na = key["applications", "", "new_received", "natural_person"]
    assert (na["raw"], na["value"], na["status"], na["notes"]) == ("/", "", "na", "")
    revoked = key["applications", "", "carried_over", "total"]
    assert (revoked["raw"], revoked["value"], revoked["status"]) == ("撤销", "", "text")
    assert json.loads(revoked["notes"]) == {"note": "a key this exporter does not know"}
    blank = key["review_litigation", "", "cases", "review_upheld"]
    assert (blank["raw"], blank["value"], blank["status"]) == ("", "", "blank")
    assert (fee["status"], rules["status"]) == ("", "")
    assert {r["portal_name"] for r in rows} == {"甲县人民政府"}
    assert {r["year"] for r in rows} == {"2023"}


def test_summary_one_row_per_report(tmp_path):
    src = tmp_path / "reports.jsonl"
    empty = {"url": "http://yy.gov.cn/1.html", "format": "pre_2019", "portal": {}}
    src.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (RECORD, empty)) + "\n",
        encoding="utf-8",
    )
    assert main([str(src), "--summary", str(tmp_path / "s.csv")]) == 0
    first, second = _read(tmp_path / "s.csv")
    assert first["portal_name"] == "甲县人民政府" and first["division_code"] == "350100"
    assert (first["cells"], first["cells_with_value"]) == ("5", "2")
    assert (first["checks_pass"], first["checks_fail"], first["checks_not_assessable"]) == (
        "1", "1", "1")
    assert first["failed_checks"] == "t4_group_total"
    assert first["flags"] == "identity_failed;encoding_conflict"
    assert (first["version"], first["attachments"], first["text_chars"]) == ("2", "1", "6")
    assert (second["format"], second["cells"], second["title"]) == ("pre_2019", "0", "")


def test_bad_lines_are_reported_not_fatal(tmp_path, capsys):
    src = tmp_path / "reports.jsonl"
    src.write_text(
        json.dumps(RECORD, ensure_ascii=False) + "\n{broken\n[1, 2]\n", encoding="utf-8"
    )
    assert main([str(src), "--summary", str(tmp_path / "s.csv")]) == 1
    assert len(_read(tmp_path / "s.csv")) == 1
    err = capsys.readouterr().err
    assert "reports.jsonl:2: not JSON" in err and "reports.jsonl:3: not a report" in err
    assert "1 reports exported, 2 lines skipped" in err


def test_excel_flag_writes_bom(tmp_path):
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    main([str(src), "--summary", str(tmp_path / "s.csv"), "--excel"])
    assert (tmp_path / "s.csv").read_bytes().startswith(b"\xef\xbb\xbfurl,")


def test_feed_exporters_take_report_items():
    item = ReportItem(
        url=RECORD["url"], portal=RECORD["portal"], year=2023, format="gov_2021",
        tables=RECORD["tables"], checks=RECORD["checks"], flags=RECORD["flags"],
        body=b"<html>raw bytes never exported</html>",
    )
    for cls, expected_rows in ((CellsCsvExporter, 5), (SummaryCsvExporter, 1)):
        out = io.BytesIO()
        exporter = cls(out, fields_to_export=["url"], encoding="utf-8")
        exporter.start_exporting()
        exporter.export_item(item)
        exporter.finish_exporting()
        text = out.getvalue().decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == expected_rows
        assert "raw bytes" not in text
        assert rows[0]["url"] == RECORD["url"]


@pytest.mark.slow
def test_feed_exporters_and_command_agree_on_a_real_crawl(tmp_path):
    """The fixture crawl written three ways: JSON lines, cells_csv and summary_csv feeds."""
    site = build_site(tmp_path, counties=(), with_fixtures=True)
    jsonl = tmp_path / "reports.jsonl"
    run_crawl(site, jsonl, "-o", f"{tmp_path / 'feed_cells.csv'}:cells_csv",
              "-o", f"{tmp_path / 'feed_summary.csv'}:summary_csv")
    assert main([str(jsonl), "--cells", str(tmp_path / "cells.csv"),
                 "--summary", str(tmp_path / "summary.csv")]) == 0

    def rows(name):
        return sorted(tuple(r.values()) for r in _read(tmp_path / name))

    assert rows("feed_cells.csv") == rows("cells.csv")
    assert rows("feed_summary.csv") == rows("summary.csv")
    summary = _read(tmp_path / "summary.csv")
    assert sorted(r["url"] for r in summary) == sorted(site.reports)
    assert sum(int(r["cells"]) for r in summary) == len(_read(tmp_path / "cells.csv")) > 0
