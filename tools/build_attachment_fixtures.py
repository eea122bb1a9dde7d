"""Build fixtures/attachments/: seed 004's report as a PDF and a DOCX, tables as real tables.

    /path/to/python tools/build_attachment_fixtures.py   # needs reportlab and python-docx

Run once; the bytes are committed, so tests never need reportlab. Seed 004 (左岭街道 2021
report, 2021 format) is a text extraction whose table rows are ' | '-separated lines; each
run of such lines becomes one table. The PDF uses reportlab's built-in CID font
STSong-Light (no font file). The page's QR-code line is left out: a file has no QR widget.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT.parent / "shared" / "seeds").glob("004_*.txt"))
OUT = ROOT / "fixtures" / "attachments"
TITLE = "左岭街道2021年政府信息公开工作年度报告"


def blocks() -> list[tuple[str, object]]:
    """('p', text) paragraphs and ('table', rows) tables, in document order."""
    out: list[tuple[str, object]] = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("扫一扫"):
            continue
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            while cells and not cells[-1]:
                cells.pop()
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        else:
            out.append(("p", line))
    for kind, rows in out:
        if kind == "table":
            width = max(len(r) for r in rows)
            for r in rows:
                r.extend([""] * (width - len(r)))
    return out


def build_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for kind, value in blocks():
        if kind == "p":
            document.add_paragraph(value)
            continue
        table = document.add_table(rows=len(value), cols=len(value[0]))
        table.style = "Table Grid"
        for r, row in enumerate(value):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.core_properties.author = "giar-crawler fixture"
    document.save(path)


def build_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=9, leading=13, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=6.5, leading=8, wordWrap="CJK")
    story = [Paragraph(TITLE, ParagraphStyle("h", parent=body, fontSize=14, leading=20)),
             Spacer(1, 6)]
    page_width = landscape(A4)[0] - 72
    for kind, value in blocks():
        if kind == "p":
            story.append(Paragraph(value, body))
            continue
        cols = len(value[0])
        first = page_width * (0.3 if cols > 4 else 0.4)
        widths = [first] + [(page_width - first) / (cols - 1)] * (cols - 1)
        table = Table([[Paragraph(t, cell) for t in row] for row in value], colWidths=widths)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story += [table, Spacer(1, 6)]
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), title=TITLE,
                            author="giar-crawler fixture", invariant=1)
    doc.build(story)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    build_docx(OUT / "seed004_report.docx")
    build_pdf(OUT / "seed004_report.pdf")


if __name__ == "__main__":
    main()
