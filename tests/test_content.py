"""Body location, chrome stripping, attachments, sections and page-kind flags."""

from __future__ import annotations

import lxml.etree
import lxml.html
import pytest

from giar_crawler.items import ReportItem
from giar_crawler.parsing import content, sections
from giar_crawler.pipelines.content import extract
from giar_crawler.pipelines.decode import decode
from giar_crawler.pipelines.script import normalise
from tests.seedpages import SAMPLES, codes, process, report_page, seed_lines

HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项")
CHROME = ("扫一扫", "网站标识码", "ICP备", "公网安备", "版权所有", "当前位置", "分享到", "字号",
          "【打印】", "【关闭】", "政民互动", "附件下载")
PINGTAN_URL = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm"


def _pingtan() -> ReportItem:
    body = (SAMPLES / "pingtan_2024_annual_report_trs_fujian.html").read_bytes()
    return process(body, url=PINGTAN_URL)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_pingtan_body_is_the_trs_editor_with_all_headings_and_tables():
    item = _pingtan()
    assert item.content.get("class") == "TRS_Editor"  # unquoted class=TRS_Editor
    lines = _lines(item.text)
    assert lines[0].startswith("本报告根据《中华人民共和国政府信息公开条例》")
    for heading in HEADINGS:
        assert heading in lines
    assert len(item.content.findall(".//table")) == 3
    assert "（七）总计\t217\t1\t0\t0\t0\t0\t218" in lines
    assert "2\t1\t3\t1\t7\t0\t0\t0\t0\t0\t13\t2\t4\t0\t19" in lines  # table 四's numbers
    for word in CHROME:
        assert word not in item.text, word
    assert set(item.sections) == {"overview", "active_disclosure", "applications",
                                  "review_litigation", "problems_improvements", "other_matters"}
    assert item.sections["other_matters"] == "2024年，无收取信息处理费情况。"
    assert not codes(item) & {"not_a_report", "compromised", "content_farm"}


def test_table_cells_split_over_paragraphs_join_on_one_line():
    item = _pingtan()
    header = next(ln for ln in _lines(item.text) if ln.startswith("商业企业"))
    assert header.split("\t")[:5] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_empty_cells_keep_their_column():
    page = ("<html><body><div id='zoom'><p>二、主动公开政府信息情况</p><table>"
            "<tr><td>行政许可</td><td>&nbsp;</td><td>5</td></tr></table></div></body></html>")
    item = process(page.encode())
    assert "行政许可\t\t5" in _lines(item.text)


def test_shanghai_fragment_keeps_every_heading_and_table():
    body = (SAMPLES / "shanghai_bgt_2019_annual_report_content_fragment.html").read_bytes()
    item = process(body, url="https://www.shanghai.gov.cn/nw12344/20200131/x.html")
    headings = [*HEADINGS[:4], "五、政府信息公开工作存在的主要问题及改进情况", HEADINGS[5]]
    for heading in headings:
        assert heading in _lines(item.text)
    assert len(item.content.findall(".//table")) == 3
    assert len(item.sections) == 6
    assert item.sections["active_disclosure"].startswith("第二十条第（一）项")


def test_seed_page_loses_its_chrome_not_its_report():
    lines = seed_lines("004")
    item = process(report_page(lines, "左岭街道2021年政府信息公开工作年度报告").encode())
    for word in CHROME:
        assert word not in item.text, word
    assert _lines(item.text) == [ln for ln in lines if "扫一扫" not in ln]


@pytest.mark.parametrize("container", [
    '<div class="TRS_Editor">{body}</div>',
    "<div class=TRS_Editor>{body}</div>",
    '<div id="zoom">{body}</div>',
    '<div class="pages_content" id="UCAP-CONTENT">{body}</div>',
    '<div class="article_content article_content_01">{body}</div>',
    '<div id="ivs_content">{body}</div>',
    '<td class="bt_content"><div class="pages_content">{body}</div></td>',
    '<div class="nr"><div class="wz">{body}</div></div>',  # unknown CMS: headings / density
])
def test_each_cms_container_gives_the_report(container):
    lines = seed_lines("004")[:-1]
    sidebar = '<div class="side"><p>' + "今日要闻：全县召开春季农业生产工作会议" * 3 + "</p></div>"
    page = report_page(lines, "左岭街道2021年政府信息公开工作年度报告", container=container,
                       top=sidebar)
    item = process(page.encode())
    assert _lines(item.text) == lines
    assert len(item.sections) == 6


def test_density_fallback_without_headings_skips_link_lists():
    paragraph = "本年度我局认真贯彻落实政府信息公开条例，主动公开各类信息。" * 10
    nav = "".join(f'<li><a href="/n{i}.html">栏目名称第{i}个链接文字</a></li>' for i in range(40))
    page = (f"<html><body><ul class='list'>{nav}</ul><div class='main'><div class='wenzhang'>"
            f"<p>{paragraph}</p><p>{paragraph}</p></div></div></body></html>")
    body = content.find_body(lxml.html.document_fromstring(page))
    assert body.how == "density"
    assert body.element.get("class") == "wenzhang"


@pytest.mark.parametrize("widget", [
    "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面", "【扫一扫在手机打开当前页面】",
    "手机扫一扫", "微信扫一扫分享", "用手机扫描二维码", "掃一掃在手機打開當前頁",
])
def test_qr_widgets_in_all_wordings_are_stripped(widget):
    lines = seed_lines("004")[:-1]
    page = report_page([*lines, widget], "左岭街道2021年政府信息公开工作年度报告")
    item = process(page.encode())
    assert widget not in item.text
    assert _lines(item.text)[-1] == "无。"


def test_a_report_sentence_mentioning_print_or_share_stays():
    sentence = ("我街道通过微信公众号分享政策解读，并在便民服务站提供打印服务，"
                "全年共印发政策宣传资料1200份，切实方便群众查阅政府信息。")
    lines = [*seed_lines("004")[:3], sentence, *seed_lines("004")[3:-1]]
    item = process(report_page(lines, "左岭街道2021年政府信息公开工作年度报告").encode())
    assert sentence in _lines(item.text)


def test_attachment_links_become_data_and_leave_the_text():
    lines = seed_lines("004")[:-1]
    block = ('<div class="fj"><p>附件下载：</p><p><a href="/upload/2022/nb2021.pdf">'
             "左岭街道2021年年报.pdf</a></p><p><a href='tables.xlsx'>附件2 统计表</a></p></div>")
    container = '<div class="TRS_Editor">{body}' + block + "</div>"
    page = report_page(lines, "左岭街道2021年政府信息公开工作年度报告", container=container)
    page = page.replace("</body>", '<div class="article_attachment"><a href="../doc/x.docx">'
                        "附件：说明.docx</a></div></body>")
    item = process(page.encode(), url="https://www.whzl.gov.cn/xxgk/nb/202201/t1.html")
    assert item.attachments == [
        {"url": "https://www.whzl.gov.cn/upload/2022/nb2021.pdf", "title": "左岭街道2021年年报.pdf"},
        {"url": "https://www.whzl.gov.cn/xxgk/nb/202201/tables.xlsx", "title": "附件2 统计表"},
        {"url": "https://www.whzl.gov.cn/xxgk/nb/doc/x.docx", "title": "附件：说明.docx"},
    ]
    assert "附件下载" not in item.text
    assert "年年报.pdf" not in item.text


def test_hacked_page_spam_is_stripped_and_flagged():
    lines = seed_lines("000")
    assert lines[0] == "365体育网址"
    spam_link = '<a href="http://bet.example.com/" style="display:none">澳门新葡京娱乐城</a>'
    container = '<div class="TRS_Editor">' + spam_link + "{body}</div>"
    page = report_page(lines[1:], lines[6], container=container,
                       top='<div style="position:absolute;left:-999px">365体育网址</div>')
    item = process(page.encode())
    assert "compromised" in codes(item)
    assert "365体育" not in item.text and "葡京" not in item.text
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"):
        assert heading in _lines(item.text)


def test_seed_000_lost_characters_are_flagged_and_trimmed():
    lines = seed_lines("000")
    item = process(report_page(lines[1:], lines[6]).encode())
    assert "source_text_damaged" in codes(item)
    assert "?" not in item.sections["review_litigation"][:5]
    assert "二、主动公开政府信息情况" in _lines(item.text)


def test_content_farm_copy_is_flagged_and_still_exported():
    lines = seed_lines("003")
    page = report_page(lines[3:], "区府办信息公开报告范文", date="2022-06-19 08:02:13",
                       date_label="时间:", top=f"<div class='crumb'>{lines[0]}</div>")
    item = process(page.encode(), url="https://www.meizhang.com/baogao/gongzuobaogao/603555.html")
    assert {"content_farm", "not_government_source", "years_blanked"} <= codes(item)
    assert "not_a_report" not in codes(item)
    assert item.text and "一、概述" in item.text


def test_listing_page_is_not_a_report():
    body = (SAMPLES / "pingtan_annual_report_listing_trs_fujian.html").read_bytes()
    item = process(body, url="https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/")
    flags = {f["code"]: f["detail"] for f in item.flags}
    assert flags.get("not_a_report", "").startswith(("list page", "no report title"))


REFRESH_STUB = ('<html><head><meta http-equiv="refresh" content="0;url=/nb/2023.html"></head>'
                "<body>正在跳转…</body></html>")
LOGIN_WALL = ("<html><body><form><p>用户登录</p><p>请先登录后查看</p><input name='u'>"
              "<input type='password' name='p'></form></body></html>")
EMPTY_SHELL = ("<html><head><title>2023年度报告</title></head><body><div class='TRS_Editor'></div>"
               "<div class='footer'>版权所有</div></body></html>")


@pytest.mark.parametrize(("page", "reason"), [
    (REFRESH_STUB, "meta refresh stub"),
    (LOGIN_WALL, "login wall"),
    (EMPTY_SHELL, "empty page"),
    ("", "empty document"),
])
def test_pages_that_are_not_reports_say_why(page, reason):
    item = process(page.encode())
    detail = next(f["detail"] for f in item.flags if f["code"] == "not_a_report")
    assert detail.startswith(reason)


def test_report_published_only_as_attachment_is_not_flagged_empty():
    page = ("<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>"
            "<div class='TRS_Editor'><p><a href='/u/nb2023.pdf'>年报全文.pdf</a></p></div>"
            "</body></html>")
    item = process(page.encode())
    assert "not_a_report" not in codes(item)
    assert item.attachments[0]["url"].endswith("/u/nb2023.pdf")


def test_later_stages_share_the_decode_tree(monkeypatch):
    body = (SAMPLES / "pingtan_2024_annual_report_trs_fujian.html").read_bytes()
    item = ReportItem(url=PINGTAN_URL, body=body)
    decode(item)

    def no_reparse(*args, **kwargs):
        raise AssertionError("HTML parsed a second time")

    monkeypatch.setattr(lxml.html, "document_fromstring", no_reparse)
    monkeypatch.setattr(lxml.html, "fromstring", no_reparse)
    monkeypatch.setattr(lxml.etree, "fromstring", no_reparse)
    extract(item)
    normalise(item)
    assert item.content.getroottree().getroot() is item.tree
    assert not any(f["code"] == "stage_error" for f in item.flags)


def test_section_headings_by_ordinal_and_keywords():
    assert sections.heading_key("二、行政机关主动公开政府信息情况") == ("active_disclosure", 2)
    assert sections.heading_key("2、 主动公开政府信息情况") == ("active_disclosure", 2)
    assert sections.heading_key("五、政府信息公开工作存在的主要问题及改进情况")[0] == "problems_improvements"
    assert sections.heading_key("四、政府信息公开行政法复议、行政诉讼情况")[0] == "review_litigation"
    assert sections.heading_key("一、 总体情况") == ("overview", 1)
    assert sections.heading_key("四、政府信息公開行政復議、行政訴訟情況")[0] == "review_litigation"
    # Not headings: sub-items, table row labels, a table row.
    assert sections.heading_key("（一）主动公开政府信息情况") is None
    assert sections.heading_key("1.通过政府网站主动公开政府信息情况") is None
    assert sections.heading_key("三、本年度办理结果") is None
    assert sections.heading_key("四、结转下年度继续办理") is None
    assert sections.heading_key("二、主动公开政府信息情况\t0") is None


def test_sections_of_an_old_style_report_follow_their_keywords():
    found = sections.split("\n".join(seed_lines("003")))
    assert found["overview"].startswith("年,区继续按照《条例》要求")
    assert found["active_disclosure"].startswith("(一)主动公开政府信息数量")
    assert found["review_litigation"] == "全区全年没有接到行政复议、诉讼和申诉案件。"
    assert "other_matters" not in found


@pytest.mark.parametrize("line", [
    "网站地图 | 联系我们 | 无障碍浏览", "上一篇：无 下一篇：无", "【打印本页】 【关闭窗口】",
    "字号：大 中 小", "分享到：微信 微博 QQ空间", "首页 > 政务公开 > 政府信息公开年报",
    "网站标识码：3590000001 闽ICP备09032658号 公安备案号：35012899001-19002",
    "版权所有：平潭综合实验区管委会", "您当前的位置: 首页>政务公开>政府信息公开年报",
    "附件下载:", "长者模式 | 无障碍", "扫一扫在手机打开当前页",
    "$('#share-1').share();", "img#imgConac {height: 55px;}", "var _hmt = _hmt || [];",
])
def test_chrome_lines(line):
    assert content.is_chrome_line(line)


@pytest.mark.parametrize("line", [
    "（三）无障碍环境建设情况", "群众可用手机扫描二维码查询办事进度。", "3.推进网站适老化改造，上线关怀版",
    "（二）政府信息公开平台建设情况", "六、其他需要报告的事项", "全年主动公开信息184条。",
    "行政处罚\t6", "附件：1.政府信息公开情况统计表", "依申请公开（含：当面申请、网络申请）",
])
def test_report_lines_are_not_chrome(line):
    assert not content.is_chrome_line(line)


def test_arabic_ordinal_headings_use_the_long_names_too():
    assert sections.heading_key("4、因政府信息公开工作被申请行政复议、提起行政诉讼情况") == (
        "review_litigation", 4)
    assert sections.heading_key("3.收到和处理政府信息公开申请情况") == ("applications", 3)
    assert sections.heading_key("3.依申请公开的办理情况") is None


def test_report_abuse_form_inside_the_body_is_stripped():
    lines = seed_lines("003")
    cut = lines.index("被举报文档标题:区府办信息公开报告")
    report, form = lines[3:cut], lines[cut:]
    form_html = '<div class="report-box"><form action="/jubao.php">' + "".join(
        f"<p>{ln}</p>" for ln in form) + "</form></div>"
    page = report_page(report, "区府办信息公开报告范文",
                       container='<div class="TRS_Editor">{body}' + form_html + "</div>")
    item = process(page.encode(), url="https://www.meizhang.com/baogao/gongzuobaogao/603555.html")
    assert _lines(item.text)[-1] == report[-1]
    for word in ("举报类型", "被举报文档", "验证码", "我确定以上信息无误"):
        assert word not in item.text
    assert "content_farm" in codes(item)


def test_spam_as_bare_text_in_the_body_is_dropped():
    lines = seed_lines("004")[:-1]
    container = '<div class="TRS_Editor">365体育网址<br/>{body}</div>'
    page = report_page(lines, "左岭街道2021年政府信息公开工作年度报告", container=container)
    item = process(page.encode())
    assert _lines(item.text) == lines
    assert "compromised" in codes(item)


def test_a_container_without_the_headings_loses_to_the_block_that_has_them():
    lines = seed_lines("004")[:-1]
    summary = '<div class="TRS_Editor"><p>摘要：本报告介绍左岭街道2021年政府信息公开工作情况。</p></div>'
    page = report_page(lines, "左岭街道2021年政府信息公开工作年度报告", top=summary,
                       container='<div class="nr"><div class="wz">{body}</div></div>')
    item = process(page.encode())
    assert _lines(item.text) == lines


def test_layout_tables_do_not_flatten_the_report_into_one_row():
    lines = seed_lines("004")[:-1]
    paras = "".join(f"<p>{ln}</p>" for ln in lines[:6])
    rest = "".join(f"<p>{ln}</p>" for ln in lines[6:])
    page = ("<html><body><table width='100%'><tr><td class='left'><a href='/'>首页</a></td>"
            f"<td>{paras}<table><tr><td>行政许可</td><td>1837</td></tr></table></td></tr>"
            f"<tr><td></td><td>{rest}</td></tr></table></body></html>")
    item = process(page.encode())
    text = _lines(item.text)
    assert text[:6] == lines[:6]
    assert "行政许可\t1837" in text
    assert text[-1] == lines[-1]


def test_government_wording_is_not_taken_for_spam_or_a_farm():
    lines = [*seed_lines("004")[:-1], "（二）严厉打击非法博彩和电信诈骗", "太阳城社区"]
    page = report_page(lines, "左岭街道2021年政府信息公开工作年度报告",
                       top='<div class="nav"><a href="/bg/">办事表格免费下载</a></div>')
    item = process(page.encode(), url="http://www.wehdz.gov.cn/zwgk/nb/t1.html")
    assert not codes(item) & {"compromised", "content_farm", "not_government_source"}
    assert _lines(item.text)[-2:] == ["（二）严厉打击非法博彩和电信诈骗", "太阳城社区"]


def test_a_report_titled_as_such_with_few_headings_is_still_a_report():
    lines = ["根据《条例》规定，现将本局2023年政府信息公开工作情况报告如下：",
             "2023年，本局主动公开政府信息120条，收到政府信息公开申请3件，均按时答复。"] * 3
    item = process(report_page(lines, "某某县统计局2023年政府信息公开工作年度报告").encode())
    assert "not_a_report" not in codes(item)


def test_heading_and_text_on_one_line_keep_the_text():
    found = sections.split("一、总体情况。2023年，我局主动公开信息120条。\n二、主动公开政府信息情况\n无。")
    assert found["overview"] == "2023年，我局主动公开信息120条。"
    assert sections.heading_key("第三部分 收到和处理政府信息公开申请情况") == ("applications", 3)


def test_reports_with_parenthesised_top_level_headings():
    lines = ["（一）总体情况", "全年主动公开信息120条。", "（二）主动公开政府信息情况", "无。",
             "（三）收到和处理政府信息公开申请情况", "收到申请3件。", "（六）其他需要报告的事项", "无。"]
    found = sections.split("\n".join(lines))
    assert list(found) == ["overview", "active_disclosure", "applications", "other_matters"]
    assert found["applications"] == "收到申请3件。"
    # With regular headings present, '（一）主动公开…' stays a sub-heading (seed 000).
    assert sections.split("\n".join(seed_lines("000")))["overview"].startswith("(一)主动公开政府信息情况")


def test_text_read_once_equals_a_fresh_walk_of_the_stripped_body():
    # The stage reuses the body's first reading when stripping removed no text block;
    # either way the text must be what a fresh walk of the stripped body gives.
    from giar_crawler.pipelines.content import body_text
    from tests.conftest import FIXTURES
    from tests.seedpages import fixture_item
    from tests.test_crawl import EXPECTED

    assert (FIXTURES / "sites").is_dir()
    for url in EXPECTED:
        item = fixture_item(url)
        stage_text = item.text
        assert stage_text == body_text(item), url
