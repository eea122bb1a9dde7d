"""Hypothesis strategies: statutory tables with random values, rendered as HTML and as text.

A generated report is a list of logical rows per table (cells in printed order) plus the
expected export; renderers turn the rows into markup (random spans, split tables, label
variants) or into each flattened text form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as hs

from giar_crawler.schema import statutory as st

ORD = "一二三四五六七八九十"
NA = ["/", "-", "—", "--", "无"]


@dataclass
class Cell:
    text: str
    colspan: int = 1
    group: str | None = None  # Table 三 label column 1/2 group the row belongs to


@dataclass
class Report:
    fmt: str
    t2: list[list[Cell]] = field(default_factory=list)
    t3: list[tuple[str | None, str | None, list[Cell]]] = field(default_factory=list)
    t4: list[list[Cell]] = field(default_factory=list)
    expected: dict = field(default_factory=dict)


@hs.composite
def value(draw, kind: str = "int", blanks: bool = True):
    """(printed text, expected cell) for one value cell."""
    choices = ["num", "num", "num", "na"] + (["blank"] if blanks else [])
    if kind == "t4":
        choices.append("text")
    pick = draw(hs.sampled_from(choices))
    if pick == "blank":
        return "", {"raw": "", "value": None, "status": "blank"}
    if pick == "na":
        raw = draw(hs.sampled_from(NA))
        return raw, {"raw": raw, "value": None, "status": "na"}
    if pick == "text":
        return "撤销", {"raw": "撤销", "value": None, "status": "text"}
    if kind == "signed":
        n = draw(hs.integers(-500, 5000))
        raw = draw(hs.sampled_from([f"{n:+d}", str(n)])) if n >= 0 else str(n)
        return raw, {"raw": raw, "value": n}
    if kind == "wan":
        cents = draw(hs.integers(0, 10**8))
        raw = f"{cents // 100}.{cents % 100:02d}" if draw(hs.booleans()) else str(cents // 100)
        v = float(raw) if "." in raw else int(raw)
        return raw, {"raw": raw, "value": v, "unit": "万元"}
    if kind == "amount":
        n = draw(hs.integers(0, 10**7))
        unit = draw(hs.sampled_from(["元", "万元", ""]))
        raw = f"{n}{unit}"
        return raw, {"raw": raw, "value": n, **({"unit": unit} if unit else {})}
    n = draw(hs.integers(0, 100000))
    return str(n), {"raw": str(n), "value": n}


@hs.composite
def label_variant(draw, label: str) -> str:
    """A template label as real pages print it: bracket width, quotes, inner spaces."""
    text = label
    if draw(hs.booleans()):
        text = text.replace("（", "(").replace("）", ")")
    if "“" in text:
        text = draw(hs.sampled_from([text, text.replace("“", '"').replace("”", '"'),
                                     text.replace("“", "").replace("”", "")]))
    if len(text) > 3 and draw(hs.booleans()):
        cut = draw(hs.integers(2, len(text) - 1))
        if text[cut - 1] not in "（(" and text[cut] not in "）)":
            text = text[:cut] + draw(hs.sampled_from([" ", "\n", "\u3000"])) + text[cut:]
    return text


def _t2_header_label(label: str) -> str:
    return label


@hs.composite
def report(draw, blanks: bool = True, text_values: bool = True,
           trailing_blanks: bool = True) -> Report:
    """trailing_blanks=False: no row ends with a blank (the `|` form cannot show one)."""
    fmt = draw(hs.sampled_from(st.FORMATS))
    rep = Report(fmt)
    # Table 二.
    t2: dict = {}
    ordinals = {v: k for k, v in st.T2_BLOCK_BY_ORDINAL.items()}
    previous_cols = None
    for block, columns in st.T2_COLUMNS[fmt].items():
        rep.t2.append([Cell(f"第二十条第（{ordinals[block]}）项", colspan=4)])
        col_keys = [c[0] for c in columns]
        same = previous_cols == [c[1] for c in columns]
        if not (same and draw(hs.booleans())):  # a block may omit a header equal to the last
            rep.t2.append([Cell("信息内容")] + [Cell(draw(label_variant(c[1]))) for c in columns])
        previous_cols = [c[1] for c in columns]
        t2[block] = {}
        for row_key, row_label, _kw in st.T2_ROWS[fmt][block]:
            cells, exp = [Cell(draw(label_variant(row_label)))], {}
            for i, (key, kind) in enumerate(zip(col_keys, [_kind(c) for c in columns],
                                                strict=True)):
                last = i == len(col_keys) - 1
                raw, cell = draw(value(kind, blanks and (trailing_blanks or not last)))
                cells.append(Cell(raw))
                exp[key] = cell
            rep.t2.append(cells)
            t2[block][row_key] = exp
    # Table 三.
    t3: dict = {}
    for key in st.T3_DATA_ROWS[fmt]:
        spec = next(r for r in st.T3_ROWS if r[0] == key) if key != "other_other" else None
        label = spec[1] if spec else st.T3_OTHER_OTHER[1]
        parent = spec[3] if spec else "other_handling"
        if key == "other_handling":
            parent = "results"
        l1 = "results" if parent is not None else None
        l2 = parent if parent not in (None, "results") else None
        cells, exp = [Cell(draw(label_variant(label)))], {}
        for col, _l in st.T3_COLUMNS:
            last = col == "total"
            raw, cell = draw(value("int", blanks and (trailing_blanks or not last)))
            cells.append(Cell(raw))
            exp[col] = cell
        rep.t3.append((l1, l2, cells))
        t3[key] = exp
    # Table 四.
    t4, values_row = {}, []
    for key in st.T4_COLUMNS:
        last = key == st.T4_COLUMNS[-1]
        raw, cell = draw(value("t4" if text_values else "int",
                               blanks and (trailing_blanks or not last)))
        values_row.append(Cell(raw))
        t4[key] = cell
    rep.t4 = [
        [Cell("行政复议", 5), Cell("行政诉讼", 10)],
        [Cell(o) for _, o in st.T4_OUTCOMES] + [Cell("未经复议直接起诉", 5), Cell("复议后起诉", 5)],
        [Cell(o) for _, o in st.T4_OUTCOMES] * 2,
        values_row,
    ]
    rep.expected = {"active_disclosure": t2, "applications": t3,
                    "review_litigation": {"cases": t4}}
    return rep


def _kind(column) -> str:
    key, _label, _kw, unit, signed = column
    if signed:
        return "signed"
    if unit == "万元":
        return "wan"
    if key == "procurement_amount":
        return "amount"
    return "int"


T3_GROUP_LABELS = {"results": "三、本年度办理结果", "denied": "（三）不予公开",
                   "unable": "（四）无法提供", "not_processed": "（五）不予处理",
                   "other_handling": "（六）其他处理"}
T3_HEADER = [
    [Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3),
     Cell("申请人情况", 7)],
    [Cell("自然人"), Cell("法人或其他组织", 5), Cell("总计")],
    [Cell("商业 企业"), Cell("科研 机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他")],
]


def t3_rows_flat(rep: Report) -> list[list[Cell]]:
    """Table 三 rows in printed order, group labels on the first row of each group."""
    out, last = [], (None, None)
    for l1, l2, cells in rep.t3:
        row = []
        if l1 and l1 != last[0]:
            row.append(Cell(T3_GROUP_LABELS[l1]))
        if l2 and l2 != last[1]:
            row.append(Cell(T3_GROUP_LABELS[l2]))
        out.append(row + cells)
        last = (l1, l2)
    return out


# -- HTML ------------------------------------------------------------------------------

def _td(text: str, draw, colspan: int = 1, rowspan: int = 1) -> str:
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (
        f' rowspan="{rowspan}"' if rowspan > 1 else "")
    wrap = draw(hs.sampled_from(["plain", "p", "span", "nbsp"]))
    body = text.replace("\n", "<br/>")
    if wrap == "p":
        body = "".join(f"<p>{part}</p>" for part in body.split(" ")) if " " in body else f"<p>{body}</p>"
    elif wrap == "span":
        body = f"<span style='x'>{body}</span>"
    elif wrap == "nbsp":
        body = f"&nbsp;{body}&nbsp;"
    return f"<td{attrs}>{body}</td>"


def _spans(draw, n: int, width: int) -> list[int]:
    """Random colspans for n cells filling at least n columns (header and data may differ)."""
    spans = [1] * n
    for _ in range(draw(hs.integers(0, max(0, width - n)))):
        spans[draw(hs.integers(0, n - 1))] += 1
    return spans


def _split(draw, rows: list[str]) -> list[list[str]]:
    if len(rows) > 2 and draw(hs.booleans()):
        k = draw(hs.integers(1, len(rows) - 1))
        return [rows[:k], rows[k:]]
    return [rows]


def html(draw, rep: Report) -> str:
    parts = []
    # Table 二: one table, random spans per row, maybe split in two.
    rows = []
    for cells in rep.t2:
        spans = [4] if len(cells) == 1 else _spans(draw, len(cells), 4)
        rows.append("<tr>" + "".join(_td(c.text, draw, s) for c, s in zip(cells, spans, strict=True))
                    + "</tr>")
    parts += ["<table>" + "".join(p) + "</table>" for p in _split(draw, rows)]
    # Table 三: label area of 3 columns with group rowspans; split tables repeat group labels.
    corner = draw(hs.sampled_from([T3_HEADER[0][0].text, ""]))  # the note is often left out
    head = ["<tr>" + _td(corner, draw, 3, 3) + _td("申请人情况", draw, 7) + "</tr>",
            "<tr>" + _td("自然人", draw, 1, 2) + _td("法人或其他组织", draw, 5)
            + _td("总计", draw, 1, 2) + "</tr>",
            "<tr>" + "".join(_td(c.text, draw) for c in T3_HEADER[2]) + "</tr>"]
    k = draw(hs.integers(1, len(rep.t3) - 1)) if draw(hs.booleans()) else len(rep.t3)
    for part_index, part in enumerate([rep.t3[:k], rep.t3[k:]]):
        if not part:
            continue
        body = head if part_index == 0 else []
        for i, (l1, l2, cells) in enumerate(part):
            tds = []
            if l1 and (i == 0 or part[i - 1][0] != l1):
                n = sum(1 for r in part[i:] if r[0] == l1)
                tds.append(_td(T3_GROUP_LABELS[l1], draw, 1, n))
            if l2 and (i == 0 or part[i - 1][1] != l2):
                n = 0
                for r in part[i:]:
                    if r[1] != l2:
                        break
                    n += 1
                tds.append(_td(T3_GROUP_LABELS[l2], draw, 1, n))
            label_span = 3 - (1 if l1 else 0) - (1 if l2 else 0)
            if label_span > 1 and draw(hs.booleans()):  # label area padded with empty cells
                tds.append(_td(cells[0].text, draw) + "<td></td>" * (label_span - 1))
            else:
                tds.append(_td(cells[0].text, draw, label_span))
            tds += [_td(c.text, draw) for c in cells[1:]]
            body.append("<tr>" + "".join(tds) + "</tr>")
        parts.append("<table>" + "".join(body) + "</table>")
    # Table 四.
    t4 = ["<tr>" + _td("行政复议", draw, 5) + _td("行政诉讼", draw, 10) + "</tr>",
          "<tr>" + "".join(_td(o, draw, 1, 2) for _, o in st.T4_OUTCOMES)
          + _td("未经复议直接起诉", draw, 5) + _td("复议后起诉", draw, 5) + "</tr>",
          "<tr>" + "".join(_td(o, draw) for _, o in st.T4_OUTCOMES) * 2 + "</tr>",
          "<tr>" + "".join(_td(c.text, draw) for c in rep.t4[3]) + "</tr>"]
    parts.append("<table>" + "".join(t4) + "</table>")
    return "<div><p>二、主动公开政府信息情况</p>" + "<p>分页</p>".join(parts) + "</div>"


# -- text --------------------------------------------------------------------------------

def all_rows(rep: Report) -> list[list[Cell]]:
    return [[Cell("二、主动公开政府信息情况")], *rep.t2,
            [Cell("三、收到和处理政府信息公开申请情况")], *T3_HEADER, *t3_rows_flat(rep),
            [Cell("四、政府信息公开行政复议、行政诉讼情况")], *rep.t4,
            [Cell("五、存在的主要问题及改进情况")]]


def pipe_text(rep: Report, pad: int) -> str:
    lines = []
    for row in all_rows(rep):
        texts = [c.text.replace("\n", " ") for c in row]
        lines.append(" | ".join(texts) + (" |" + "|" * pad if len(row) > 1 else ""))
    return "\n".join(lines)


def tab_text(rep: Report, one_per_line: bool) -> str:
    lines = []
    for row in all_rows(rep):
        if len(row) == 1 and row[0].text.startswith(("二、", "三、", "四、", "五、")):
            lines.append(row[0].text)
            continue
        if one_per_line:
            lines.append("")
            lines += ["\t" + (c.text or "\u3000") for c in row]
        else:
            lines.append("\t".join(c.text.replace("\n", " ") or " " for c in row))
    return "\n".join(lines)


def line_text(rep: Report) -> str:
    """One cell per line, blank lines between (blank cells cannot survive this form); a
    line break inside a cell splits its text over two lines (`结果` / `纠正`)."""
    return "\n\n".join(c.text for row in all_rows(rep) for c in row if c.text)
