"""Report attachments: finding them, reading PDF/DOCX made from seed 004, and the stage."""

import pytest

from giar_crawler.items import ReportItem
from giar_crawler.parsing import attachments, tables
from giar_crawler.parsing.tables import TablesResult
from giar_crawler.pipelines import attachments as stage
from tests.conftest import FIXTURES

FILES = FIXTURES / "attachments"
URL = "http://www.example.gov.cn/zwgk/nb/202201/P020220120.docx"

# Rows typed from seed 004 (左岭街道 2021 report), as tab-separated lines.
ROWS = [
    "行政许可\t1837",
    "行政处罚\t335",
    "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2",
    "(四)无法提供\t1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1",
    "(七)总计\t2\t0\t0\t0\t0\t0\t2",
    "0\t0\t撤销\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
]


@pytest.mark.parametrize("name", ["seed004_report.docx", "seed004_report.pdf"])
def test_file_text_and_table_rows(name):
    got = attachments.extract((FILES / name).read_bytes(), name)
    assert got.kind == name.rsplit(".", 1)[1]
    assert got.flags == []
    lines = got.text.splitlines()
    for row in ROWS:
        assert row in lines, row
    assert "一、总体情况" in lines
    # Prose and tables keep document order: 表二 follows its heading.
    assert lines.index("二、主动公开政府信息情况") < lines.index("行政许可\t1837")


def test_find_links():
    html = """<html><body><div class=TRS_Editor><p>正文</p></div>
    <a href="./P0202401.pdf">某县2023年政府信息公开工作年度报告.pdf</a>
    <a href="/files/tables.docx">附件2</a>
    <a href="/files/data.xls">统计表.xls</a>
    <a href="/files/zn.pdf">政府信息公开指南</a>
    <a href="javascript:void(0)">打印</a>
    <iframe src="/generic2/web/viewer.html?file=/files/full.pdf"></iframe></body></html>"""
    base = "http://x.gov.cn/zwgk/nb/202401/t20240110_1.html"
    found = attachments.find_links(html, base)
    assert [f.url for f in found] == [
        "http://x.gov.cn/zwgk/nb/202401/P0202401.pdf",  # report-titled first
        "http://x.gov.cn/files/tables.docx",
        "http://x.gov.cn/files/full.pdf",  # 全真版 viewer's file=
    ]  # not the 指南 PDF: a titled file of another kind
    assert len(attachments.find_links(html, base, limit=1)) == 1


def test_sniff_by_magic_not_by_name():
    assert attachments.sniff(b"%PDF-1.7\n...", "a.doc") == "pdf"
    assert attachments.sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.pdf") == "doc"
    assert attachments.sniff(b"<!DOCTYPE html><html>", "a.pdf") == "html"


def test_bad_files_give_flags_not_exceptions(monkeypatch):
    broken = attachments.extract(b"%PDF-1.4\nnot really a pdf", "http://x/a.pdf")
    assert broken.text == "" and broken.flags[0][0] == "attachment_broken"
    waf = attachments.extract(b"<html><body>403</body></html>", "http://x/a.pdf")
    assert waf.flags[0][0] == "attachment_unsupported"
    monkeypatch.setattr(attachments.shutil, "which", lambda name: None)
    doc = attachments.extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "http://x/a.doc")
    assert doc.kind == "doc"
    assert doc.flags == [("attachment_unsupported", "DOC needs catdoc (apt-get install catdoc)")]


def _item(**kw):
    return ReportItem(url="http://www.example.gov.cn/zwgk/nb/202201/t20220120_1.html", **kw)


def test_stage_takes_numbers_from_the_attachment_when_the_page_has_none(monkeypatch):
    seen = []

    def fake_parse(element, text):
        seen.append((element, text))
        ok = "行政许可\t1837" in text
        return TablesResult("gov_2021", {"active_disclosure": {"x": 1}} if ok else {}, [])

    monkeypatch.setattr(stage.tables, "parse", fake_parse)
    body = (FILES / "seed004_report.docx").read_bytes()
    item = _item(text="", attachment_files=[{"url": URL, "title": "年报全文", "body": body}])
    stage.read_attachments(item)
    assert seen and seen[0][0] is None  # the text parser, no element
    assert item.tables == {"active_disclosure": {"x": 1}}
    assert item.tables_source == f"attachment:{URL}"
    assert item.text.startswith(attachments.extract(body).text[:20])  # file-only report
    (entry,) = item.attachments
    assert (entry["url"], entry["kind"], entry["status"]) == (URL, "docx", "read")


def test_stage_keeps_the_page_numbers(monkeypatch):
    monkeypatch.setattr(stage.tables, "parse", lambda e, t: pytest.fail("must not parse"))
    body = (FILES / "seed004_report.pdf").read_bytes()
    item = _item(text="正文", tables={"active_disclosure": {"y": 2}}, tables_source="page",
                 attachment_files=[{"url": URL, "body": body}])
    stage.read_attachments(item)
    assert item.tables_source == "page"
    assert item.tables == {"active_disclosure": {"y": 2}}
    assert item.text == "正文"


def test_broken_attachment_still_a_record():
    item = _item(text="正文", attachment_files=[{"url": URL, "error": "404 Not Found"},
                                               {"url": URL + "x", "body": b"PK\x03\x04junk"}])
    stage.read_attachments(item)
    codes = [f["code"] for f in item.flags]
    assert codes == ["attachment_broken", "attachment_unsupported"]
    assert item.attachments[0]["status"] == "failed"
    assert item.tables_source is None


def test_real_tables_parser_reads_the_pdf_tables():
    body = (FILES / "seed004_report.pdf").read_bytes()
    item = _item(text="", attachment_files=[{"url": URL.replace("docx", "pdf"), "body": body}])
    stage.read_attachments(item)
    assert item.tables_source == "attachment:" + URL.replace("docx", "pdf")
    assert item.tables  # 表二/三/四 found in the PDF's tab-separated rows


def test_file_only_report_gets_title_and_year_from_the_file():
    body = (FILES / "seed004_report.docx").read_bytes()
    item = _item(text="", attachment_files=[{"url": URL, "body": body}])
    item.flag("not_a_report", "empty page: no report text")  # what the page stages said
    stage.read_attachments(item)
    assert item.title == "左岭街道2021年政府信息公开工作年度报告"  # the file's heading
    assert (item.year, item.year_source) == (2021, "title")
    assert not item.has_flag("not_a_report")  # there is no page to be empty


@pytest.mark.skipif(not attachments.shutil.which("catdoc"), reason="catdoc not installed")
def test_doc_goes_through_catdoc():
    # No real DOC fixture exists (nothing here writes Word 97); a corrupt one must still
    # reach catdoc and come back as a flag with catdoc's reason.
    got = attachments.extract(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "http://x/a.doc")
    assert got.kind == "doc" and got.text == ""
    assert got.flags[0][0] == "attachment_broken"
    assert got.flags[0][1].startswith("catdoc: ")


@pytest.mark.skipif(not attachments.shutil.which("catdoc"), reason="catdoc not installed")
def test_real_doc_file_gives_text_and_statutory_tables():
    # seed004_report.doc: the DOCX fixture saved as Word 97 by LibreOffice (fixtures README).
    got = attachments.extract((FILES / "seed004_report.doc").read_bytes(), "http://x/a.doc")
    assert (got.kind, got.flags) == ("doc", [])
    assert "行政许可\t1837" in got.text.splitlines()
    result = tables.parse(None, got.text)
    assert result.format == "gov_2021"
    disclosure = result.tables["active_disclosure"]
    assert disclosure["art20_5"]["administrative_licensing"]["decisions_this_year"]["value"] == 1837
    assert disclosure["art20_6"]["administrative_penalty"]["decisions_this_year"]["value"] == 335
    apps = result.tables["applications"]
    assert apps["new_received"]["total"]["value"] == 2
    assert apps["unable_not_held"]["natural_person"]["value"] == 1
    review = result.tables["review_litigation"]["cases"]
    assert review["review_other"] == {"raw": "撤销", "value": None, "status": "text"}
    assert review["review_total"]["value"] == 1
