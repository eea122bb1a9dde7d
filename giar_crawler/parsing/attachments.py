"""Reports published as files: find attachment links, read text and tables out of them.

Tables come out as tab-separated lines (one line per row, merged cells repeated), the
shape the statutory tables text parser reads. PDF via pdfplumber, DOCX via python-docx,
DOC via Debian's ``catdoc`` when installed (else flagged unsupported, with the reason).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html

from giar_crawler.schema import discovery

# What we can read; other attachment types (xls, ofd, zip…) are listed but not fetched.
READABLE_EXT = (".pdf", ".docx", ".doc", ".wps")
_WS = re.compile(r"[ \t\r\n\u3000\xa0]+")
MAX_PDF_PAGES = 200  # a report is a few dozen pages; more is an annex book


@dataclass(frozen=True)
class AttachmentLink:
    url: str
    title: str


@dataclass
class Extracted:
    kind: str  # pdf | docx | doc | html | unknown
    text: str = ""
    flags: list[tuple[str, str]] = field(default_factory=list)
    pages: int | None = None


def _file_url(url: str) -> str | None:
    """The file a link points at: itself, or a PDF viewer's ``?file=`` (Fujian 全真版)."""
    parts = urlsplit(url)
    if parts.path.lower().endswith(READABLE_EXT):
        return url
    for value in parse_qs(parts.query).get("file", []):
        if value.lower().split("?")[0].endswith(READABLE_EXT):
            return urljoin(url, value)
    return None


_FILE_MENTION = re.compile(rb"\.(?:pdf|docx?|wps)\b", re.IGNORECASE)


def mentions_files(body: bytes) -> bool:
    """Cheap test on raw bytes: can the page link a readable file at all?

    Most report pages link none, and then the spider need not decode and parse them.
    """
    return bool(_FILE_MENTION.search(body))


def find_links(html_text: str, base_url: str, limit: int = 3) -> list[AttachmentLink]:
    """Readable attachment links on a page, report-titled ones first, at most ``limit``."""
    tree = lxml.html.fromstring(html_text or "<html/>", base_url=base_url)
    found: dict[str, AttachmentLink] = {}
    for el in tree.iter("a", "iframe", "embed", "object"):
        ref = el.get("href") or el.get("src") or el.get("data") or ""
        if not ref.strip() or ref.strip().lower().startswith(("javascript:", "mailto:")):
            continue
        url = _file_url(urljoin(base_url, ref.strip()))
        if url and url not in found:
            title = _WS.sub(" ", el.text_content() if el.tag == "a" else "").strip()
            found[url] = AttachmentLink(url, title or el.get("title", "") or url.rsplit("/", 1)[-1])
    wanted = [a for a in found.values() if _may_be_the_report(a.title)]
    ranked = sorted(wanted, key=lambda a: not discovery.is_report_title(a.title))
    return ranked[:limit]


# Titles an attachment of the report itself carries; a titled sidebar file does not.
_ATTACHMENT_WORDS = re.compile(r"附件|全文|下载|原文|报告|年报|统计表|表|PDF|pdf|WORD|Word|word")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _may_be_the_report(title: str) -> bool:
    """Report files are titled as reports, 附件/全文/下载…, or only by a file name; a link
    titled "政府信息公开指南.pdf" in the page's chrome is another document."""
    return not _CJK.search(title) or bool(_ATTACHMENT_WORDS.search(title))


def sniff(body: bytes, url: str = "", content_type: str = "") -> str:
    """File type by magic bytes first (servers mislabel), then by extension."""
    head = body[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in body[:4096] or url.lower().endswith(".docx") else "unknown"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if b"<html" in body[:1024].lower() or "html" in content_type.lower():
        return "html"
    return "unknown"


# A line break inside a cell between two Chinese characters is wrapping, not a space.
_WRAP = re.compile(r"(?<=[\u3400-\u9fff（）、，])[ \t]*\n[ \t]*(?=[\u3400-\u9fff（）、，])")


def _cell(text: str | None) -> str:
    return _WS.sub(" ", _WRAP.sub("", text or "")).strip()


def table_lines(rows: list[list[str | None]]) -> list[str]:
    """Rows → tab-separated lines, trailing empty cells and empty rows dropped."""
    out = []
    for row in rows:
        cells = [_cell(c) for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            out.append("\t".join(cells))
    return out


def pdf_text(body: bytes) -> Extracted:
    import pdfplumber  # heavy; only when a PDF arrives

    result = Extracted("pdf")
    parts: list[str] = []
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        result.pages = len(pdf.pages)
        if result.pages > MAX_PDF_PAGES:
            result.flags.append(("attachment_truncated", f"read {MAX_PDF_PAGES} of {result.pages} pages"))
        for page in pdf.pages[:MAX_PDF_PAGES]:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes):
                x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            prose = page.filter(outside).extract_text() if boxes else page.extract_text()
            parts.append(prose or "")
            for table in tables:
                parts.extend(table_lines(table.extract()))
    result.text = "\n".join(p for p in parts if p).strip()
    if not result.text:
        result.flags.append(("attachment_no_text", "PDF has no text layer (scanned image?)"))
    return result


def docx_text(body: bytes) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(body))
    parts: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(block, Paragraph):
            parts.append(block.text.strip())
        elif isinstance(block, Table):
            parts.extend(table_lines([[c.text for c in row.cells] for row in block.rows]))
    result = Extracted("docx", "\n".join(p for p in parts if p).strip())
    if not result.text:
        result.flags.append(("attachment_no_text", "DOCX has no text"))
    return result


def doc_text(body: bytes) -> Extracted:
    """Word 97-2003 via catdoc (Debian package ``catdoc``)."""
    exe = shutil.which("catdoc")
    if not exe:
        return Extracted("doc", flags=[("attachment_unsupported", "DOC needs catdoc (apt-get install catdoc)")])
    run = subprocess.run(
        [exe, "-d", "utf-8", "-w"], input=body, capture_output=True, timeout=60, check=False
    )
    text = run.stdout.decode("utf-8", "replace").strip()
    if run.returncode != 0 or not text:
        detail = run.stderr.decode("utf-8", "replace").strip()[:200] or "no text"
        return Extracted("doc", flags=[("attachment_broken", f"catdoc: {detail}")])
    return Extracted("doc", text)


READERS = {"pdf": pdf_text, "docx": docx_text, "doc": doc_text}


def extract(body: bytes, url: str = "", content_type: str = "") -> Extracted:
    """Text of an attachment; a file we cannot read gives flags, never an exception."""
    kind = sniff(body, url, content_type)
    reader = READERS.get(kind)
    if reader is None:
        reason = "an HTML page, not a file" if kind == "html" else "unknown file type"
        return Extracted(kind, flags=[("attachment_unsupported", f"{url}: {reason}")])
    try:
        return reader(body)
    except Exception as exc:  # noqa: BLE001 -- a corrupt file costs a flag, not the record
        return Extracted(kind, flags=[("attachment_broken", f"{url}: {type(exc).__name__}: {exc}")])
