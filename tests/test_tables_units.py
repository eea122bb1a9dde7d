"""Edge cases of the tables parser: spans, values, labels, formats, flags."""

from __future__ import annotations

import lxml.html
import pytest

from giar_crawler.parsing import tables
from giar_crawler.parsing.script import to_simplified
from giar_crawler.parsing.tables import grid, labels, values
from giar_crawler.schema import statutory as st


def parse_html(markup: str):
    return tables.parse(lxml.html.fromstring(f"<div>{markup}</div>"), "")


def texts(markup: str) -> list[list[str]]:
    table = lxml.html.fromstring(markup)
    return [[("MERGED" if c.merged else c.text) for c in row] for row in grid.table_rows(table)]


T2_2021 = """<table>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr>
<tr><td>行政规范性文件</td><td>4</td><td>5</td><td>6</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">11398889</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>行政处罚</td><td colspan="3">7</td></tr>
<tr><td>行政强制</td><td colspan="3">-</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">24252.311082</td></tr>
</table>"""


# -- grid -------------------------------------------------------------------------------

def test_colspan_value_is_one_value_not_three():
    got = parse_html(T2_2021).tables["active_disclosure"]
    assert got["art20_5"]["administrative_licensing"] == {
        "decisions_this_year": {"raw": "11398889", "value": 11398889}}
    # (六) has no header row: it inherits (五)'s.
    assert got["art20_6"]["administrative_penalty"]["decisions_this_year"]["value"] == 7
    assert got["art20_6"]["administrative_compulsion"]["decisions_this_year"] == {
        "raw": "-", "value": None, "status": "na"}
    assert got["art20_8"]["administrative_fees"]["fee_amount"] == {
        "raw": "24252.311082", "value": 24252.311082, "unit": "万元"}


def test_spans_do_not_copy_text_and_tolerate_bad_attributes():
    rows = texts('<table><tr><td rowspan="0">L</td><td colspan="2;">a</td></tr>'
                 '<tr><td>b</td><td colspan="0">c</td></tr>'
                 '<tr><td rowspan="2">5</td><td>d</td></tr><tr><td>e</td></tr></table>')
    # L is a label spanning all rows: left out of later rows; 5 spans a row: a placeholder.
    assert rows == [["L", "a"], ["b", "c"], ["5", "d"], ["MERGED", "e"]]


def test_cell_text_joins_paragraphs_and_skips_nested_tables():
    td = lxml.html.fromstring("<td><p>三、本</p><p>年<span>度办</span></p>&nbsp;理结果"
                              "<table><tr><td>x</td></tr></table></td>")
    assert labels.label(grid.cell_text(td)).core == "本年度办理结果"


def test_word_comments_and_th_cells():
    rows = texts("<table><tr><th>规<!--[if gte mso 9]>x<![endif]-->章</th>"
                 "<td><p>1<!-- 2 --></p></td></tr></table>")
    assert rows == [["规章", "1"]]


def test_statutory_tables_inside_a_layout_table():
    got = parse_html(f"<table><tr><td>栏目</td><td>{T2_2021}</td></tr></table>")
    assert got.tables["active_disclosure"]["art20_1"]["rules"]["in_force"]["value"] == 3


# -- values ------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("+1036", {"raw": "+1036", "value": 1036}),
    ("-18", {"raw": "-18", "value": -18}),
    ("42项", {"raw": "42项", "value": 42, "unit": "项"}),
    ("156.32万元", {"raw": "156.32万元", "value": 156.32, "unit": "万元"}),
    ("5394432.52元", {"raw": "5394432.52元", "value": 5394432.52, "unit": "元"}),
    ("１２", {"raw": "１２", "value": 12}),
    ("1,234", {"raw": "1,234", "value": 1234}),
    ("12.5万", {"raw": "12.5万", "value": 12.5, "unit": "万"}),
    (" 0 ", {"raw": "0", "value": 0}),
    ("", {"raw": "", "value": None, "status": "blank"}),
    ("\xa0\u3000", {"raw": "", "value": None, "status": "blank"}),
    ("/", {"raw": "/", "value": None, "status": "na"}),
    ("—", {"raw": "—", "value": None, "status": "na"}),
    ("--", {"raw": "--", "value": None, "status": "na"}),
    ("无", {"raw": "无", "value": None, "status": "na"}),
    ("撤销", {"raw": "撤销", "value": None, "status": "text"}),
    ("3件以上", {"raw": "3件以上", "value": None, "status": "text"}),
])
def test_cell_values(raw, expected):
    assert values.cell(raw) == expected


# -- labels ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    ("3.危及“三安全一稳定”", "denied_three_safety_one_stability"),
    ('3.危及"三安全一稳定"', "denied_three_safety_one_stability"),
    ("3、危及三安全一稳定", "denied_three_safety_one_stability"),
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "partially_granted"),
    ("三、本年度办 理结果", "results"),
    ("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", "other_no_correction"),
    (to_simplified("四、結轉下年度繼續辦理"), "carried_forward"),
    ("四、结转下一年度继续办理", "carried_forward"),
])
def test_t3_labels_by_meaning(text, key):
    assert labels.t3_row(labels.label(text)) == key


@pytest.mark.parametrize(("text", "fmt", "block", "key"), [
    ("本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8)", "gov_2019", "art20_5",
     "change_this_year"),
    ("处理决定数量(指2020年办件量)", "gov_2019", "art20_6", "decisions"),
    ("本年新\n制作数量", "gov_2019", "art20_1", "made_this_year"),
    ("本年处理决定数量", "gov_2021", "art20_5", "decisions_this_year"),
    ("本年收费金额（单位：万元）", "gov_2021", "art20_8", "fee_amount"),
])
def test_t2_columns_by_meaning(text, fmt, block, key):
    assert labels.t2_column(labels.label(text), fmt, block) == key


def test_annotated_and_pinyin_glossed_row_labels():
    assert labels.t2_row_any(labels.label("规章(设区的市、自治州人民政府应提供相关数据)"),
                             "art20_1") == "rules"
    assert labels.t2_row_any(labels.label("规(guī)章"), "art20_1") == "rules"


# -- Table 三 structure --------------------------------------------------------------------

def t3_html(rows: list[str], split_before: str | None = None) -> str:
    head = ('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加'
            '第四项之和）</td><td colspan="7">申请人情况</td></tr><tr><td rowspan="2">自然人</td>'
            '<td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr><tr><td>商业企业</td>'
            '<td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>')
    body = "".join(rows)
    if split_before:
        body = body.replace(split_before, "</table><p>-1-</p><table>" + split_before)
    return f"<table>{head}{body}</table>"


def tr(*cells: str) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def vals(*numbers) -> str:
    return "".join(f"<td>{n}</td>" for n in numbers)


def test_2021_tables_with_2019_single_other_row_match_by_label():
    rows = [tr('<td colspan="3">一、本年新收政府信息公开申请数量</td>', vals(3, 0, 0, 0, 0, 0, 3)),
            tr('<td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>',
               vals(1, 0, 0, 0, 0, 0, 1)),
            tr('<td colspan="2">（六）其他处理</td>', vals(2, 0, 0, 0, 0, 0, 2)),
            tr('<td colspan="2">（七）总计</td>', vals(3, 0, 0, 0, 0, 0, 3)),
            tr('<td colspan="3">四、结转下年度继续办理</td>', vals(0, 0, 0, 0, 0, 0, 0))]
    got = parse_html(T2_2021 + t3_html(rows))
    assert got.format == "gov_2019"  # by Table 三
    assert ("format_mismatch",
            "active_disclosure is gov_2021, applications is gov_2019; format from applications"
            ) in got.flags
    t3 = got.tables["applications"]
    assert t3["other_handling"]["natural_person"]["value"] == 2
    assert t3["results_total"]["total"]["value"] == 3  # not shifted
    assert t3["carried_over"]["total"]["status"] == "missing"
    assert any(code == "table_incomplete" for code, _ in got.flags)


def test_table_three_split_across_pages_with_repeated_group_label():
    rows = [tr('<td colspan="3">一、本年新收政府信息公开申请数量</td>', vals(9, 0, 0, 0, 0, 0, 9)),
            tr('<td rowspan="2">三、本年度办理结果</td><td rowspan="2">（三）不予公开</td>'
               '<td>1.属于国家秘密</td>', vals(1, 0, 0, 0, 0, 0, 1)),
            tr("<td>2.其他法律行政法规禁止公开</td>", vals(2, 0, 0, 0, 0, 0, 2)),
            tr('<td rowspan="2">三、本年度办理结果</td><td rowspan="2">（四）无法提供</td>'
               '<td>1.本机关不掌握相关政府信息</td>', vals(4, 0, 0, 0, 0, 0, 4)),
            tr("<td>2.没有现成信息需要另行制作</td>", vals(5, 0, 0, 0, 0, 0, 5))]
    got = parse_html(t3_html(rows, split_before=rows[3]))
    t3 = got.tables["applications"]
    assert [t3[k]["natural_person"]["value"] for k in (
        "new_received", "denied_state_secret", "denied_prohibited_by_law", "unable_not_held",
        "unable_needs_creation")] == [9, 1, 2, 4, 5]


def test_value_spanning_two_rows_is_not_copied_and_keeps_columns_aligned():
    rows = [tr('<td colspan="3">一、本年新收政府信息公开申请数量</td><td rowspan="2">0</td>',
               vals(1, 2, 3, 4, 5, 15)),
            tr('<td colspan="3">二、上年结转政府信息公开申请数量</td>', vals(6, 7, 8, 9, 10, 40))]
    t3 = parse_html(t3_html(rows)).tables["applications"]
    assert t3["carried_over"]["natural_person"] == {"raw": None, "value": None,
                                                    "status": "merged"}
    assert t3["carried_over"]["total"]["value"] == 40


def test_unmapped_table_is_flagged_and_the_rest_exported():
    rows = [tr("<td>甲</td>", vals(1, 2, 3, 4, 5, 6, 7))]
    got = parse_html(T2_2021 + t3_html(rows) + "<table><tr><td>行政复议</td></tr></table>")
    assert ("table_unmapped", "applications: header found, no row label known") in got.flags
    assert ("table_unmapped", "review_litigation: header found, no row of 15 values") in got.flags
    assert got.tables["active_disclosure"]["art20_1"]["rules"]["issued_this_year"]["value"] == 1


def test_text_fallback_when_markup_has_no_tables():
    text = ("第二十条第（一）项 | | |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
            "规章 | 0 | 1 | 2")
    got = tables.parse(lxml.html.fromstring("<div><p>正文</p></div>"), text)
    assert got.tables["active_disclosure"]["art20_1"]["rules"]["in_force"]["value"] == 2


@pytest.mark.parametrize(("text", "year", "fmt"), [
    ("2017年政府信息公开工作年度报告\n一、概述\n本年度…", None, "pre_2019"),
    ("某某局2016年度政府信息公开工作年度报告\n全年主动公开信息12条。", None, "pre_2019"),
    ("某某局政府信息公开工作年度报告\n全年主动公开信息12条。", 2015, "pre_2019"),
    ("本年报由概述等部分组成\n三、依申请公开政府信息办理情况\n无。", None, "pre_2019"),
    ("某某局2023年政府信息公开工作年度报告\n全年主动公开信息12条。", None, "unknown"),
    ("某某局2023年政府信息公开工作年度报告\n本报告概述如下：表格见附件。", 2023, "unknown"),
    ("", None, "unknown"),
])
def test_reports_without_tables(text, year, fmt):
    got = tables.parse(None, text, year)
    assert (got.format, got.tables) == (fmt, {})


def test_table_four_row_with_a_caption_cell():
    markup = ("<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
              "<tr><td>件数</td>" + vals(*range(15)) + "</tr></table>")
    cases = parse_html(markup).tables["review_litigation"]["cases"]
    assert cases["review_upheld"]["value"] == 0
    assert cases["litigation_after_review_total"]["value"] == 14


def test_invented_subtotal_row_is_flagged_not_dropped_silently():
    rows = [tr('<td colspan="3">一、本年新收政府信息公开申请数量</td>', vals(1, 0, 0, 0, 0, 0, 1)),
            tr('<td colspan="3">（三）不予公开</td>', vals(1, 0, 0, 0, 0, 0, 1)),
            tr('<td colspan="3">1.属于国家秘密</td>', vals(1, 0, 0, 0, 0, 0, 1))]
    got = parse_html(t3_html(rows))
    assert ("nonstandard_row", "t3: subtotal row denied") in got.flags
    assert got.tables["applications"]["denied_state_secret"]["total"]["value"] == 1


def test_traditional_script_text_parses_without_conversion_first():
    text = ("第二十條第（一）項 | | |\n信息內容 | 本年制發件數 | 本年廢止件數 | 現行有效件數\n"
            "規章 | 0 | 1 | 2\n行政規範性文件 | 3 | 4 | 5")
    got = tables.parse(None, text)
    assert got.tables["active_disclosure"]["art20_1"]["normative_documents"]["in_force"] == {
        "raw": "5", "value": 5}
    assert got.format == "gov_2021"


def test_table_four_header_words_are_not_table_three_rows():
    # 其他 in Table 四's header right after Table 三's （六）其他处理 group is not 3.其他 again.
    rows = [tr('<td rowspan="2">（六）其他处理</td><td>3.其他</td>', vals(1, 0, 0, 0, 0, 0, 1)),
            tr('<td colspan="2">（七）总计</td>', vals(1, 0, 0, 0, 0, 0, 1))]
    t4 = ("<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
          "<tr><td>结果</td><td>结果</td><td>其他</td><td>尚未</td><td>总计</td></tr>"
          "<tr>" + vals(*[0] * 15) + "</tr></table>")
    got = parse_html(t3_html(rows).replace("<td colspan=\"2\">（七）", "<td>（七）") + t4)
    assert not [f for f in got.flags if f[0] == "duplicate_row"]
    assert got.tables["applications"]["other_other"]["total"]["value"] == 1


def test_glued_digits_are_cut_only_where_the_totals_allow_one_cut():
    # statutory_format.md §1.5: Pingtan 2025's Table 四 and a Table 三 row, typed from there.
    text = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
            "一、本年新收政府信息公开申请数量\n15130000154\n"
            "二、上年结转政府信息公开申请数量\n1111111111\n"
            "行政复议\n25380363300630003\n")
    got = tables.parse(None, text)
    t3 = got.tables["applications"]
    assert [t3["new_received"][c]["value"] for c in (
        "natural_person", "commercial_enterprise", "other_org", "total")] == [151, 3, 0, 154]
    assert t3["carried_over"]["natural_person"] == {"raw": "1111111111", "value": None,
                                                    "status": "glued"}
    cases = got.tables["review_litigation"]["cases"]
    assert [cases[k]["value"] for k in st.T4_COLUMNS] == [25, 3, 8, 0, 36, 3, 3, 0, 0, 6,
                                                          3, 0, 0, 0, 3]
    codes = [code for code, _ in got.flags]
    assert codes.count("digits_resegmented") == 2 and codes.count("glued_digits") == 1


def test_headers_with_empty_cells_instead_of_rowspans():
    # Some editors fill the slots under 自然人/总计 and under Table 四's first five headers
    # with empty cells rather than rowspans; the empty cells must not become values.
    t3 = ('<table><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：…）</td>'
          '<td colspan="7">申请人情况</td></tr>'
          '<tr><td>自然人</td><td colspan="5">法人或其他组织</td><td>总计</td></tr>'
          '<tr><td></td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td>'
          '<td>其他</td><td></td></tr>'
          + tr('<td colspan="3">一、本年新收政府信息公开申请数量</td>', vals(7, 1, 0, 0, 0, 0, 8))
          + "</table>")
    t4 = ("<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
          "<tr>" + "".join(f"<td>{o}</td>" for o in ("结果维持", "结果纠正", "其他结果", "尚未审结",
                                                       "总计"))
          + "<td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
          "<tr>" + "<td></td>" * 5
          + "".join(f"<td>{o}</td>" for o in ("结果维持", "结果纠正", "其他结果", "尚未审结",
                                              "总计")) * 2 + "</tr>"
          "<tr>" + vals(*range(1, 16)) + "</tr></table>")
    got = parse_html(t3 + t4)
    assert got.tables["applications"]["new_received"]["total"]["value"] == 8
    cases = got.tables["review_litigation"]["cases"]
    assert [cases[k]["value"] for k in st.T4_COLUMNS] == list(range(1, 16))


def test_extra_table_two_column_is_flagged_and_the_rest_aligned():
    markup = ("<table><tr><td colspan='5'>第二十条第（一）项</td></tr>"
              "<tr><td>信息内容</td><td>本年制发件数</td><td>备注</td><td>本年废止件数</td>"
              "<td>现行有效件数</td></tr><tr><td>规章</td>" + vals(1, "x", 2, 3) + "</tr></table>")
    got = parse_html(markup)
    rules = got.tables["active_disclosure"]["art20_1"]["rules"]
    assert [rules[k]["value"] for k in ("issued_this_year", "repealed_this_year", "in_force")] == [
        1, 2, 3]
    assert any(code == "nonstandard_column" for code, _ in got.flags)


def test_table_three_values_placed_under_their_headings():
    # A value spanning the five 法人 columns fills the first and is not copied; values of a
    # table printing 总计 before 自然人 land under their own headings.
    merged = t3_html([tr('<td colspan="3">一、本年新收政府信息公开申请数量</td>',
                         '<td>4</td><td colspan="5">0</td><td>4</td>')])
    row = parse_html(merged).tables["applications"]["new_received"]
    assert row["natural_person"]["value"] == 4 and row["total"]["value"] == 4
    assert row["commercial_enterprise"] == {"raw": "0", "value": 0}
    assert row["other_org"] == {"raw": None, "value": None, "status": "merged"}
    swapped = t3_html([tr('<td colspan="3">一、本年新收政府信息公开申请数量</td>',
                          vals(1, 2, 3, 4, 5, 6, 7))]).replace(
        '<td rowspan="2">自然人</td>', '<td rowspan="2">总计</td>', 1).replace(
        '<td rowspan="2">总计</td></tr>', '<td rowspan="2">自然人</td></tr>', 1)
    row = parse_html(swapped).tables["applications"]["new_received"]
    assert (row["total"]["value"], row["natural_person"]["value"]) == (1, 7)


def test_labels_glued_to_digits_and_to_the_next_rows_ordinal():
    # statutory_format.md §3.7: `…内部事务信息3200000326.属于四类…` = 32,0,0,0,0,0,32, then `6.`.
    text = ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
            "（三）不予公开\n"
            "4.保护第三方合法权益10000015.属于三类内部事务信息3200000326.属于四类过程性信息"
            "00000007.属于行政执法案卷21000038.属于行政查询事项0000000"
            "（四）无法提供1.本机关不掌握相关政府信息5000005\n"
            "（七）总计12\n")
    got = tables.parse(None, text)
    t3 = got.tables["applications"]
    cols = [k for k, _ in st.T3_COLUMNS]
    assert [t3["denied_internal_affairs"][c]["value"] for c in cols] == [32, 0, 0, 0, 0, 0, 32]
    assert [t3["denied_third_party_rights"][c]["value"] for c in cols] == [1, 0, 0, 0, 0, 0, 1]
    assert [t3["denied_process_information"][c]["value"] for c in cols] == [0] * 7
    assert [t3["denied_enforcement_files"][c]["value"] for c in cols] == [2, 1, 0, 0, 0, 0, 3]
    assert [t3["denied_administrative_query"][c]["value"] for c in cols] == [0] * 7
    assert [t3["unable_not_held"][c]["value"] for c in cols] == [5, 0, 0, 0, 0, 0, 5]
    # Too few digits for seven cells: kept as printed, never read as one count.
    assert t3["results_total"]["natural_person"] == {"raw": "12", "value": None,
                                                     "status": "glued"}
    codes = [code for code, _ in got.flags]
    assert codes.count("digits_resegmented") == 6 and codes.count("glued_digits") == 1


def test_table_two_labels_glued_to_digits_are_cut_only_when_one_cut_exists():
    # §1.5: `行政规范性文件693665` has several cuts into three counts, `规章000` only one.
    text = ("第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
            "规章000\n行政规范性文件693665\n"
            "第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可11398889\n")
    got = tables.parse(None, text)
    t2 = got.tables["active_disclosure"]
    assert [t2["art20_1"]["rules"][k]["value"] for k in (
        "issued_this_year", "repealed_this_year", "in_force")] == [0, 0, 0]
    docs = t2["art20_1"]["normative_documents"]
    assert docs["issued_this_year"] == {"raw": "693665", "value": None, "status": "glued"}
    assert docs["in_force"]["value"] is None
    assert t2["art20_5"]["administrative_licensing"]["decisions_this_year"]["value"] == 11398889
    detail = "active_disclosure.art20_1.normative_documents: 693665 (several cuts, no identity)"
    assert ("glued_digits", detail) in got.flags


@pytest.mark.parametrize("line", [
    "本年新收政府信息公开申请15件，其中自然人申请12件",
    "全年共主动公开行政规范性文件12",
])
def test_prose_with_numbers_is_not_split_into_rows(line):
    assert tables.parse(None, line).tables == {}


def test_line_whose_next_ordinal_does_not_follow_is_not_cut():
    # After 4. the next row is 5.; a run ending in 9 before `.属于` is no glued ordinal.
    got = tables.parse(None, "4.保护第三方合法权益10000019.属于三类内部事务信息3200000")
    row = got.tables["applications"]["denied_third_party_rights"]
    assert all(cell["value"] is None for cell in row.values())
    assert not [f for f in got.flags if f[0] == "digits_resegmented"]


OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def test_table_four_split_into_review_and_litigation_tables():
    review = ("<table><tr><td colspan='5'>行政复议</td></tr><tr>"
              + "".join(f"<td>{o}</td>" for o in OUTCOMES) + "</tr><tr>"
              + vals(2, 1, 0, 0, 3) + "</tr></table>")
    litigation = ("<table><tr><td colspan='10'>行政诉讼</td></tr>"
                  "<tr><td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
                  "<tr>" + "".join(f"<td>{o}</td>" for o in OUTCOMES) * 2 + "</tr><tr>"
                  + vals(4, 0, 1, 0, 5, 0, 1, 0, 1, 2) + "</tr></table>")
    got = parse_html(review + litigation)
    cases = got.tables["review_litigation"]["cases"]
    assert [cases[k]["value"] for k in st.T4_COLUMNS] == [2, 1, 0, 0, 3, 4, 0, 1, 0, 5,
                                                          0, 1, 0, 1, 2]
    assert not [f for f in got.flags if f[0] in ("extra_cells", "table_incomplete")]


@pytest.mark.parametrize("text", [
    "行政复议 | | | |\n1 | 0 | 0 | 0 | 1 | 2 | 0 | 0 | 1 | 3\n0 | 0 | 0 | 0 | 0\n",
    ("行政复议\t行政诉讼\n1\t0\t0\t0\t1\n未经复议直接起诉\t复议后起诉\n"
     "2\t0\t0\t1\t3\t0\t0\t0\t0\t0\n"),
    ("行政复议\n1\n0\n0\n0\n1\n行政诉讼\n未经复议直接起诉\n2\n0\n0\n1\n3\n复议后起诉\n"
     "0\n0\n0\n0\n0\n"),
])
def test_table_four_values_over_two_text_rows(text):
    cases = tables.parse(None, text).tables["review_litigation"]["cases"]
    assert [cases[k]["value"] for k in st.T4_COLUMNS] == [1, 0, 0, 0, 1, 2, 0, 0, 1, 3,
                                                          0, 0, 0, 0, 0]


def test_table_four_cut_short_by_prose_keeps_what_was_read():
    text = "行政复议\n1 | 0 | 0 | 0 | 1\n五、存在的主要问题及改进情况\n一是公开内容还不够全面，共3项。\n"
    got = tables.parse(None, text)
    cases = got.tables["review_litigation"]["cases"]
    assert [cases[k]["value"] for k in st.T4_COLUMNS[:5]] == [1, 0, 0, 0, 1]
    assert cases["litigation_direct_total"]["status"] == "missing"
    assert ("table_incomplete", "review_litigation: 10 of 15 cells missing") in got.flags


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_label_broken_over_two_lines_in_separated_text(sep):
    # A cell's line break splits the label: its last part starts the row of values.
    lines = [["第二十条第（八）项"], ["信息内容", "本年收费金额（单位：万元）"], ["行政事业"],
             ["性收费", "1.5"],
             ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"],
             ["5.属于三类内部"], ["事务信息", "3", "0", "0", "0", "0", "1", "4"],
             ["（七）"], ["总计", "9", "0", "0", "0", "0", "1", "10"]]
    got = tables.parse(None, "\n".join(sep.join(line) for line in lines))
    fees = got.tables["active_disclosure"]["art20_8"]["administrative_fees"]["fee_amount"]
    assert fees["value"] == 1.5
    t3 = got.tables["applications"]
    cols = [k for k, _ in st.T3_COLUMNS]
    assert [t3["denied_internal_affairs"][c]["value"] for c in cols] == [3, 0, 0, 0, 0, 1, 4]
    assert [t3["results_total"][c]["value"] for c in cols] == [9, 0, 0, 0, 0, 1, 10]


def test_rows_on_plain_lines_with_numbers_apart_from_the_label():
    text = ("第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
            "规章 0 1 2\n行政规范性文件\u30003\u30004\u300015\n"
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
            "5.属于三类内部事务信息 32 0 0 0 0 0 326.属于四类过程性信息 1 0 0 0 0 0 1\n")
    got = tables.parse(None, text)
    art20_1 = got.tables["active_disclosure"]["art20_1"]
    keys = ("issued_this_year", "repealed_this_year", "in_force")
    assert [art20_1["rules"][k]["value"] for k in keys] == [0, 1, 2]
    assert [art20_1["normative_documents"][k]["value"] for k in keys] == [3, 4, 15]
    t3 = got.tables["applications"]
    cols = [k for k, _ in st.T3_COLUMNS]
    assert [t3["denied_internal_affairs"][c]["value"] for c in cols] == [32, 0, 0, 0, 0, 0, 32]
    assert [t3["denied_process_information"][c]["value"] for c in cols] == [1, 0, 0, 0, 0, 0, 1]
    assert not [f for f in got.flags if f[0] in ("glued_digits", "digits_resegmented")]


def test_table_four_row_short_of_a_group_does_not_take_a_later_tables_row():
    # 14 values: one cell lost, not half a split table; the next table's row stays out.
    t4 = ("<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
          "<tr>" + vals(*range(1, 15)) + "</tr></table>")
    later = "<table><tr><td>序号</td><td>数量</td></tr><tr>" + vals(1, 99) + "</tr></table>"
    got = parse_html(t4 + later)
    cases = got.tables["review_litigation"]["cases"]
    assert [cases[k]["value"] for k in st.T4_COLUMNS[-2:]] == [14, None]
    assert not [f for f in got.flags if f[0] == "extra_cells"]
