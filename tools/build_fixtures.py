"""Build the bundled fixture portals (fixtures/sites) from ../shared/seeds and ../shared/samples.

    python tools/build_fixtures.py

Re-runnable: wipes and rewrites fixtures/sites, fixtures/portals.csv (the county portal) and
fixtures/portals_township.csv (a second, small portal). Every page is written
with giar_crawler.replay.save_exchange as the bytes a server would send, in the encoding its
kind of site uses. Seed words are never edited: the seed text is split into chrome lines,
paragraphs and flattened statutory tables, and the tables are laid out again as <table> markup
with the statutory rowspans/colspans (fixtures/README.md says what was synthesised).
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from giar_crawler import registry
from giar_crawler.replay import save_exchange

SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = SHARED / "samples"
OUT = ROOT / "fixtures"

COUNTY = "http://www.fixture-county.test"
LISTING = f"{COUNTY}/zwgk/zfxxgknb/"
FETCHED = "Mon, 30 Nov 2026 02:00:00 GMT"  # the Date every fixture response carries

# Report pages (five seeds, two real samples).
URL_000 = f"{COUNTY}/zwgk/zfxxgknb/202401/t20240116_1800123.html"
URL_001 = (
    "http://big5.fixture-county.test/gate/big5/www.fixture-county.test"
    "/zwgk/zfxxgknb/202401/t20240126_1800466.html"
)
URL_002 = "http://xxgk.fixture-county.test/jdxxgk/lxljd/zfxxgknb/202401/t20240119_1800301.html"
URL_003 = "http://www.meizhang-farm.test/baogao/gongzuobaogao/603555.html"
URL_004 = f"{COUNTY}/zwgk/zfxxgknb/202201/t20220120_1500877.html"
URL_PINGTAN = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm"
URL_SHANGHAI = f"{COUNTY}/zwgk/zfxxgknb/202001/t20200131_3000019.html"
# Links a crawler must not take for reports.
URL_NEWS_1 = f"{COUNTY}/zwgk/zfxxgknb/202403/t20240315_1802210.html"
URL_NEWS_2 = f"{COUNTY}/zwgk/zfxxgknb/202402/t20240204_1801734.html"
URL_WEBFORM = f"{COUNTY}/zwgk/zfxxgknb/202401/t20240122_1800390.html"
URL_READING = f"{COUNTY}/zwgk/zfxxgknb/202401/t20240131_1800655.html"
URL_NOTICE = f"{COUNTY}/zwgk/zfxxgknb/202201/t20220106_1500120.html"


def read_seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def http_date(beijing: str) -> str:
    """'2024-01-31 10:00' (Beijing time) as an HTTP date."""
    local = datetime.strptime(beijing, "%Y-%m-%d %H:%M").replace(tzinfo=timezone(timedelta(hours=8)))
    return format_datetime(local.astimezone(UTC), usegmt=True)


def headers(content_type: str, server: str, last_modified: str, body: bytes, **extra) -> dict:
    out = {
        "Date": FETCHED,
        "Server": server,
        "Content-Type": content_type,
        "Content-Length": str(len(body)),
        "Last-Modified": last_modified,
        "Accept-Ranges": "bytes",
    }
    out.update({k.replace("_", "-"): v for k, v in extra.items()})
    return out


# ---------------------------------------------------------------------------------------------
# Statutory table layouts: per row, the (colspan, rowspan) of each cell the row itself owns.

def _c(n: int = 1) -> list[tuple[int, int]]:
    return [(1, 1)] * n


T2_2021 = [
    [(4, 1)], _c(4), _c(4), _c(4),
    [(4, 1)], [(1, 1), (3, 1)], [(1, 1), (3, 1)],
    [(4, 1)], [(1, 1), (3, 1)], [(1, 1), (3, 1)], [(1, 1), (3, 1)],
    [(4, 1)], [(1, 1), (3, 1)], [(1, 1), (3, 1)],
]
# 2019 Table 二 with five grid columns, laid out like the Shanghai 2019 sample (shared/samples #4):
# header rows and (一) rows put colspan=2 on the middle column, (五)(六) data rows on the first value.
T2_2019 = [
    [(5, 1)], [(1, 1), (1, 1), (2, 1), (1, 1)], [(1, 1), (1, 1), (2, 1), (1, 1)],
    [(1, 1), (1, 1), (2, 1), (1, 1)],
    [(5, 1)], [(1, 1), (1, 1), (2, 1), (1, 1)], [(1, 1), (2, 1), (1, 1), (1, 1)],
    [(1, 1), (2, 1), (1, 1), (1, 1)],
    [(5, 1)], [(1, 1), (1, 1), (2, 1), (1, 1)], [(1, 1), (2, 1), (1, 1), (1, 1)],
    [(1, 1), (2, 1), (1, 1), (1, 1)],
    [(5, 1)], [(1, 1), (2, 1), (2, 1)], [(1, 1), (2, 1), (2, 1)],
    [(5, 1)], [(1, 1), (2, 1), (2, 1)], [(1, 1), (2, 1), (2, 1)],
]


def t3_2021(values: int = 7) -> list[list[tuple[int, int]]]:
    """Table 三 (2021): 3-wide label area, L1 rowspan 22, groups rowspan 8/3/5/3.

    ``values`` is the number of value cells per data row (7; 1 for a seed whose rows hold one).
    """
    v = _c(values)
    rows = [[(3, 3), (7, 1)], [(1, 2), (5, 1), (1, 2)], _c(5)]
    rows += [[(3, 1), *v], [(3, 1), *v]]
    rows += [[(1, 22), (2, 1), *v], [(2, 1), *v]]
    for group in (8, 3, 5, 3):
        rows.append([(1, group), (1, 1), *v])
        rows += [[(1, 1), *v]] * (group - 1)
    rows += [[(2, 1), *v], [(3, 1), *v]]
    return rows


T4 = [[(5, 1), (10, 1)], [*[(1, 2)] * 5, (5, 1), (5, 1)], _c(10), _c(15)]


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


def _own_starts(spec, covering: dict[int, int]) -> list[int]:
    """Grid column where each of a row's own cells starts, skipping columns spanned from above."""
    starts, col = [], 0
    for colspan, _ in spec:
        while col in covering:
            col += covering[col]
        starts.append(col)
        col += colspan
    return starts


def lay_out(layout, rows: list[list[str]], placeholders: bool = False) -> list[list[Cell]]:
    """Put seed cell texts into a layout, checking the seed has exactly the cells it needs.

    With ``placeholders`` the seed writes one (blank) cell where a rowspan from above covers
    the row, as tab-separated extractions do; those are checked blank and dropped.
    """
    if len(rows) != len(layout):
        raise ValueError(f"seed table has {len(rows)} rows, layout {len(layout)}")
    out = []
    active: dict[int, list[int]] = {}  # start column -> [colspan, rows still covered]
    for r, (spec, texts) in enumerate(zip(layout, rows, strict=True)):
        covering = {c: span for c, (span, _) in active.items()}
        starts = _own_starts(spec, covering)
        if placeholders:
            order = sorted([(c, False) for c in covering] + [(c, True) for c in starts])
            if len(order) != len(texts):
                raise ValueError(f"row {r}: {len(texts)} cells, expected {len(order)}: {texts}")
            if any(t.strip() for (_, own), t in zip(order, texts, strict=True) if not own):
                raise ValueError(f"row {r}: a rowspan placeholder holds text: {texts}")
            texts = [t for (_, own), t in zip(order, texts, strict=True) if own]
        if len(texts) != len(spec):
            raise ValueError(f"row {r}: {len(texts)} cells, layout wants {len(spec)}: {texts}")
        out.append([Cell(t, cs, rs) for t, (cs, rs) in zip(texts, spec, strict=True)])
        active = {c: [span, left - 1] for c, (span, left) in active.items() if left > 1}
        active.update({c: [cs, rs - 1] for c, (cs, rs) in zip(starts, spec, strict=True) if rs > 1})
    return out


def render_table(rows: list[list[Cell]], style: str) -> str:
    """<table> markup in one of the CMS styles seen on real portals."""
    if style == "word":  # Word pasted into TRS: <p><span> inside every cell, inline borders
        table = ('<table border="1" cellspacing="0" cellpadding="0" width="600" '
                 'style="border-collapse:collapse;border:none;">')
        td = '<td{span} style="border:solid windowtext 1.0pt;padding:0 7px;" valign="center">'
    elif style == "ueditor":
        table = '<table width="100%" border="1" cellspacing="0" cellpadding="0" align="center">'
        td = '<td{span} valign="middle" align="center">'
    else:  # plain
        table = '<table border="1" cellspacing="0" style="width:100%;border-collapse:collapse">'
        td = '<td{span}>'
    out = [table, "<tbody>"]
    for row in rows:
        out.append("<tr>")
        for cell in row:
            span = ""
            if cell.colspan > 1:
                span += f' colspan="{cell.colspan}"'
            if cell.rowspan > 1:
                span += f' rowspan="{cell.rowspan}"'
            out.append(td.format(span=span) + cell_html(cell.text, style) + "</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def cell_html(text: str, style: str) -> str:
    """Cell text as markup: a blank line inside a cell was two <p>, a single newline a <br>."""
    paras = text.split("\n\n")
    inner = ["<br/>".join(esc(line) for line in p.split("\n")) for p in paras]
    if style == "word":
        return "".join(
            f'<p align="center" style="text-align:center;"><span style="font-size:14px;">{p}</span></p>'
            for p in inner
        )
    if len(inner) > 1:
        return "".join(f"<p>{p}</p>" for p in inner)
    return inner[0]


# ---------------------------------------------------------------------------------------------
# Seed text → blocks.  A block is ("p", text) or ("table", rows).

def pipe_rows(lines: list[str]) -> list[list[str]]:
    """' | '-separated rows: cells, then '|' padding up to the grid width (none on a table's last row)."""
    rows = []
    for line in lines:
        m = re.match(r"^(.*?)\s*\|[\s|]*$", line)
        body = m[1] if m else line
        rows.append(body.split(" | "))
    return rows


def tab_rows(lines: list[str]) -> list[list[str]]:
    """Tab-prefixed cells, rows split by blank lines; an unprefixed line continues the cell."""
    rows, row = [], []
    for line in lines:
        if line == "":
            if row:
                rows.append(row)
            row = []
        elif line.startswith("\t"):
            row.append(line[1:])
        else:
            row[-1] += "\n" + line
    if row:
        rows.append(row)
    return rows


def blocks_000(content: str) -> list:
    """Seed 000: one cell per line with blank lines between cells (in-cell breaks: one newline)."""
    heads = ["??二、主动公开政府信息情况", "??三、收到和处理政府信息公开申请情况",
             "??四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及下一步改进措施"]
    out = []
    pos = 0
    for i, head in enumerate(heads):
        start = content.index(head, pos)
        out += [("p", p) for p in re.split(r"\n{2,}", content[pos:start]) if p.strip()]
        if i == len(heads) - 1:
            pos = start
            break
        end = content.index(heads[i + 1], start)
        out.append(("p", head))
        cells = [c for c in re.split(r"\n{2,}", content[start + len(head):end]) if c.strip()]
        if i == 0:
            rows = _group(cells, T2_2021)
            out.append(("table", lay_out(T2_2021, rows)))
        elif i == 1:
            # 商业/企业 and 科研/机构 are two paragraphs of one header cell each.
            j = cells.index("商业")
            cells[j:j + 4] = ["商业\n\n企业", "科研\n\n机构"]
            layout = t3_2021()
            out.append(("table", lay_out(layout, _group(cells, layout))))
        else:
            out.append(("table", lay_out(T4, _group(cells, T4))))
        pos = end
    out += [("p", p) for p in re.split(r"\n{2,}", content[pos:]) if p.strip()]
    return out


def _group(cells: list[str], layout) -> list[list[str]]:
    rows, k = [], 0
    for spec in layout:
        rows.append(cells[k:k + len(spec)])
        k += len(spec)
    if k != len(cells):
        raise ValueError(f"{len(cells)} cells for a layout of {k}")
    return rows


def blocks_lines(content: str, is_table_line, parse, layouts, placeholders=False) -> list:
    """Line-based seeds (001, 002, 004): paragraphs are lines; table lines are grouped.

    In the tab-separated form (``placeholders``) blank lines separate rows and an unprefixed
    line right after a cell continues it; a table ends at a text line after a blank line.
    """
    out, table, n = [], [], 0
    lines = content.split("\n")

    def flush():
        nonlocal table, n
        while table and table[-1] == "":
            table.pop()
        if table:
            out.append(("table", lay_out(layouts[n], parse(table), placeholders)))
            n += 1
        table = []

    for i, line in enumerate(lines):
        inside = is_table_line(line) or (
            placeholders and table and (line == "" or lines[i - 1] != "")
        )
        if inside:
            table.append(line)
            continue
        flush()
        if line:  # a line of full-width spaces is an (empty-looking) paragraph too
            out.append(("p", line))
    flush()
    if n != len(layouts):
        raise ValueError(f"found {n} tables, expected {len(layouts)}")
    return out


def render_blocks(blocks, table_style: str, p_style: str = "") -> str:
    out = []
    for kind, value in blocks:
        if kind == "p":
            out.append(f"<p{p_style}>{esc(value)}</p>")
        else:
            out.append(render_table(value, table_style))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Chrome

TRS_PAGER = r"""<script language="javascript">
<!--
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt)
{
//tita 翻页函数
var styleDIY = "fystyle";
if(_nPageCount == null || _nPageCount<=0){
return;
}
document.write("　　");
if(_nPageCount==1)
	document.write("<font class=\"" + styleDIY +"\">首页</font> <font class=\"" + styleDIY +"\">上一页</font> <font class=\"" + styleDIY +"\">下一页</font> <font class=\"" + styleDIY +"\">尾页</font>")
else
{
	if (_nCurrIndex==0)
		document.write("<font class=\"" + styleDIY +"\">首页</font> <font class=\"" + styleDIY +"\">上一页</font> <a href=\""+_sPageName+"_" + (_nCurrIndex+1) + "."+_sPageExt+"\" class=\"" + styleDIY +"\">下一页</a> <a href=\""+_sPageName+"_" + (_nPageCount-1) + "."+_sPageExt+"\" class=\"" + styleDIY +"\">尾页</a>")
	else if (_nCurrIndex==_nPageCount-1)
		document.write("<a href=\""+_sPageName+"."+_sPageExt+"\" class=\"" + styleDIY +"\">首页</a> <a href=\""+(_nCurrIndex==1?_sPageName:_sPageName+"_"+(_nCurrIndex-1))+"."+_sPageExt+"\" class=\"" + styleDIY +"\">上一页</a> <font class=\"" + styleDIY +"\">下一页</font> <font class=\"" + styleDIY +"\">尾页</font>")
}
document.write("　<font class=\"" + styleDIY +"\">总共" + _nPageCount + "页</font>　");
document.write("<font class=\"" + styleDIY +"\">当前第" + (_nCurrIndex+1) + "页</font>　");
document.write("<select name=\"select\" style=\"margin-bottom:-3px;\" onchange=\"location.replace(this.value)\">");
document.write("<option selected >转到</option>");
for(var i=0; i<_nPageCount; i++)
{
	if(i==0)
		document.write("<option value=\""+_sPageName+"."+_sPageExt+"\">第1页</option>");
	else
		document.write("<option value=\""+_sPageName+"_" + i + "."+_sPageExt+"\">第"+(i+1)+"页</option>");
}
document.write("</select>");
} //WCM置标
-->
</script>"""

COUNTY_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{title}</title>
<meta name="SiteName" content="样例区人民政府" />
<meta name="SiteDomain" content="www.fixture-county.test" />
<meta name="SiteIDCode" content="9999000001" />
<meta name="ColumnName" content="政府信息公开年报" />
{extra_meta}<link href="../../images/ylq.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../images/ylq_js.js"></script>
</head>
<body style="margin:0; padding:0; background:url(../../images/ylqbg_01.jpg) top center no-repeat">
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="57%" height="21" align="left" class="STYLE20"><script type="text/javascript">document.write(showDate());</script></td>
    <td width="43%" align="right" class="STYLE20"><a href="../../zt/dwgk/" target="_blank"><font color="#FF0000">阳光党务</font></a> | <script language="javascript" charset="gb2312" src="../../images/jfzh.js"></script> | <a href="../../rssdy/" target="_blank">RSS</a> | <a href="../../wza/">无障碍浏览</a></td>
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="150" background="../../images/ylqtop_02.jpg"><img src="../../images/ylq_banner.jpg" width="1002" height="150" alt="样例区人民政府" /></td></tr>
  <tr>
    <td height="37" background="../../images/ylqtop_10.jpg"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td width="100" height="37" align="center" class="STYLE60"><a href="../../" target="_blank">网站首页</a></td>
        <td width="100" align="center" class="STYLE2"><a href="../../zjylq/" target="_blank">走进样例</a></td>
        <td width="100" align="center" class="STYLE2"><a href="../" target="_blank">政务公开</a></td>
        <td width="100" align="center" class="STYLE2"><a href="../../zmhd/" target="_blank">政民互动</a></td>
        <td width="100" align="center" class="STYLE2"><a href="../../wsfw/" target="_blank">网上服务</a></td>
        <td width="100" align="center" class="STYLE2"><a href="../../tzylq/" target="_blank">投资样例</a></td>
        <td width="25%">
          <form name="SearchForm" method="post" accept-charset="utf-8" action="http://search.fixture-county.test:8082/was5/web/search" target="_blank" style="margin:0; padding:0">
            <input type="hidden" name="searchword" /><input type="hidden" name="channelid" value="200301" />
            <input id="keyword" name="keyword" /> <input type="image" src="../../images/ylqtop_19.jpg" name="button" />
          </form>
        </td>
      </tr>
    </table></td>
  </tr>
  <tr>
    <td height="30"><div style="width:100%; height: 25px; overflow: hidden" id="mq">
      <marquee scrollamount="2"><span class="STYLE12"><a href="../../wsfw/fwsm/smgg/tdgg/202401/t20240112_1800018.html" title="停电通知!1月15-16日这些地方要停电,请相互告知!" target="_blank">停电通知!1月15-16日这些地方要...</a></span></marquee>
    </div></td>
  </tr>
</table>
"""

COUNTY_FOOT = """<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td height="33" colspan="3" align="center" class="STYLE2 STYLE26"><a href="../../lxwm/" target="_blank">联系我们</a> | <a href="javascript:this.style.behavior='url(#default#homepage)';this.setHomePage(document.location.href);">设为首页</a> | <a href="javascript:window.external.addFavorite(document.location.href,document.title)">加入收藏</a> | <a href="../../wzdt/">网站地图</a></td>
  </tr>
  <tr>
    <td width="23%" height="83" align="center" class="STYLE3 a1"><script id="_jiucuo_" sitecode='9999000001' src='../../images/jiucuo.js'></script></td>
    <td width="50%" align="center" class="STYLE3 a1"><p>主办：样例区人民政府办公室 承办：样例区大数据中心<br />
      样例区人民政府版权所有 网站标识码：9999000001<br />
      备案号：测ICP备00000001号-1 <img src="../../images/ga.png" alt="" />测公网安备 99990002000001号</p></td>
    <td width="27%" align="center" class="STYLE3 a1"><span id="_ideConac"></span>&nbsp;</td>
  </tr>
</table>
</body>
</html>
"""


@dataclass
class Entry:
    url: str
    title: str
    date: str  # YYYY-MM-DD
    short: str = ""  # truncated display text (then title= carries the full title)


LISTING_ENTRIES = [
    [  # index.html, newest first
        Entry(URL_PINGTAN, "平潭综合实验区2024年度政府信息公开工作年度报告", "2025-03-10",
              "平潭综合实验区2024年度政府信息公开工作..."),
        Entry(URL_NEWS_1, "我区召开2024年政务公开工作推进会", "2024-03-15"),
        Entry(URL_NEWS_2, "关于2024年春节期间区政务服务大厅工作时间安排的通知", "2024-02-04",
              "关于2024年春节期间区政务服务大厅工作时..."),
        Entry(URL_READING, "《样例区2023年政府信息公开工作年度报告》解读", "2024-01-31"),
        Entry(URL_001, "硫市镇2023年政府信息公开工作年度报告", "2024-01-26"),
        Entry(URL_WEBFORM, "样例区人民政府2023年政府网站工作年度报表", "2024-01-22"),
        Entry(URL_002, "林校路街道2023年政府信息公开工作年度报告", "2024-01-19"),
        Entry(URL_000, "重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告", "2024-01-16",
              "重庆市大足区人民政府双路街道办事处2023年..."),
    ],
    [  # index_1.html
        Entry(URL_003, "区府办2021年政府信息公开工作年度报告", "2022-06-19"),
        Entry(URL_004, "左岭街道2021年政府信息公开工作年度报告", "2022-01-20"),
        Entry(URL_NOTICE, "关于做好2021年度政府信息公开工作年度报告编制发布工作的通知", "2022-01-06",
              "关于做好2021年度政府信息公开工作年度..."),
        Entry(URL_SHANGHAI, "2019年上海市人民政府办公厅政府信息公开工作年度报告", "2020-01-31",
              "2019年上海市人民政府办公厅政府信息公开..."),
    ],
]


# The listing's other rows: url, title, published, source, paragraphs.
OTHER_PAGES = [
    (URL_NEWS_1, "我区召开2024年政务公开工作推进会", "2024-03-15 17:20", "区政府办公室",
     ["3月15日，我区召开2024年政务公开工作推进会，总结2023年政务公开工作，部署2024年重点任务。",
      "会议要求，各街镇、各部门要按时做好政府信息公开工作年度报告的编制和发布工作。"]),
    (URL_NEWS_2, "关于2024年春节期间区政务服务大厅工作时间安排的通知", "2024-02-04 11:00",
     "区政务服务中心",
     ["2月10日至2月17日放假调休，共8天。2月18日（星期日）正常上班。",
      "放假期间如有急事，请拨打值班电话。"]),
    (URL_WEBFORM, "样例区人民政府2023年政府网站工作年度报表", "2024-01-22 15:00", "区政府办公室",
     ["政府网站工作年度报表（2023年度）", "网站名称：样例区人民政府　网站标识码：9999000001",
      "独立用户访问总量（单位：个）：182364"]),
    (URL_READING, "《样例区2023年政府信息公开工作年度报告》解读", "2024-01-31 10:00", "区政府办公室",
     ["一、主要内容",
      ("《报告》从总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个方面，"
       "全面回顾了2023年我区政府信息公开工作。")]),
    (URL_NOTICE, "关于做好2021年度政府信息公开工作年度报告编制发布工作的通知", "2022-01-06 09:00",
     "区政府办公室",
     ["各街道办事处，区政府各部门：",
      "请于2022年1月31日前向社会公布本机关2021年度政府信息公开工作年度报告。"]),
]


def listing_href(url: str) -> str:
    """Same-column documents are linked relatively, as TRS writes them; the rest absolutely."""
    return "./" + url[len(LISTING):] if url.startswith(LISTING) else url


def listing_page(index: int, pages: int) -> bytes:
    rows = []
    for e in LISTING_ENTRIES[index]:
        text = e.short or e.title
        title_attr = f' title="{esc(e.title)}"' if e.short else ""
        rows.append(f"""              <tr valign="center" style="padding:0 3px; marign:0 3px;">
              <td width="3%" height="25" align="center"><img src="../../images/ylqzy01_07.jpg" width="6" height="7" /></td>
                <td width="87%" height="25" align="left" class="STYLE25 STYLE26"><a href="{listing_href(e.url)}"{title_attr} target="_blank"><span class="STYLE25">{esc(text)}</span></a></td>
                <td width="10%"><span class="STYLE12">{e.date[5:]}</span></td>
              </tr>
""")
    body = COUNTY_HEAD.format(title="政府信息公开年报", extra_meta="") + f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td width="240" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr><td height="36" class="STYLE6" background="../../images/ylqzy_05.jpg">政务公开</td></tr>
      <tr><td height="28" class="STYLE7"><a href="../zcwj/">政策文件</a></td></tr>
      <tr><td height="28" class="STYLE7"><a href="../czzj/">财政资金</a></td></tr>
      <tr><td height="28" class="STYLE7"><a href="../xxgkzn/">政府信息公开指南</a></td></tr>
      <tr><td height="28" class="STYLE7"><a href="../xxgkzd/">政府信息公开制度</a></td></tr>
      <tr><td height="28" class="STYLE7"><a href="./">政府信息公开年报</a></td></tr>
      <tr><td height="28" class="STYLE7"><a href="../ysqgk/">依申请公开</a></td></tr>
    </table></td>
    <td width="10">&nbsp;</td>
    <td valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td height="36" class="STYLE8" background="../../images/ylqzy_06.jpg">您的当前位置：<a href="../../" title="首页" class="CurrChnlCls">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="../" title="政务公开" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&gt;&nbsp;<a href="./" title="政府信息公开年报" class="CurrChnlCls">政府信息公开年报</a></td>
      </tr>
      <tr><td><table width="99%" border="0" align="center" cellpadding="0" cellspacing="0">
{"".join(rows)}              <tr><td>
                </td>
              </tr>
            </table></td>
          </tr>
          <tr><td><table width="100%" cellpadding="0" cellspacing="0">
              <tr>
                <td width="100%" height="25" align="center" style="font-size:12px">{TRS_PAGER}
<script>createPageHTML({pages}, {index}, "index", "html");</script></td>
                </tr>
                </table></td></tr>
    </table></td>
  </tr>
</table>
""" + COUNTY_FOOT
    return body.encode("gbk")


def county_article(title: str, pub: str, source: str, paras: list[str]) -> bytes:
    """A plain GBK TRS article on the county portal (the non-report pages)."""
    meta = (f'<meta name="ArticleTitle" content="{esc(title)}" />\n'
            f'<meta name="PubDate" content="{pub}" />\n<meta name="ContentSource" content="{source}" />\n')
    text = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    body = COUNTY_HEAD.format(title=esc(title), extra_meta=meta) + f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="36" class="STYLE8">您的当前位置：<a href="../../../" class="CurrChnlCls">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="../../" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&gt;&nbsp;<a href="../" class="CurrChnlCls">政府信息公开年报</a></td></tr>
  <tr><td align="center" class="STYLE30"><h2>{esc(title)}</h2></td></tr>
  <tr><td align="center" class="STYLE12">发布时间：{pub}　来源：{source}　【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
  <tr><td class="STYLE31"><div class=TRS_Editor>{text}</div></td></tr>
  <tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>
""" + COUNTY_FOOT
    return body.encode("gbk")


# ---------------------------------------------------------------------------------------------
# Second portal: the district platform's 镇街 report column, UTF-8, <ul> rows, 下一页 pager.

XXGK = "http://xxgk.fixture-county.test"
TOWN_LISTING = f"{XXGK}/jdxxgk/ndbg/"
URL_TOWN_NEWS = f"{XXGK}/jdxxgk/gzdt/202401/t20240110_1800077.html"
TOWN_ENTRIES = [
    [
        Entry(URL_002, "林校路街道2023年政府信息公开工作年度报告", "2024-01-19"),
        Entry(URL_000, "双路街道办事处2023年政府信息公开工作年度报告", "2024-01-16"),
        Entry(URL_TOWN_NEWS, "镇街政务公开工作培训会召开", "2024-01-10"),
    ],
    [Entry(URL_004, "左岭街道2021年政府信息公开工作年度报告", "2022-01-20")],
]


def township_listing(index: int) -> bytes:
    """Page index+1 of the 镇街 column: full dates in rows, numbered pager with 下一页 links."""
    rows = "\n".join(
        f'  <li><a href="{e.url.removeprefix(XXGK)}" target="_blank" title="{esc(e.title)}">'
        f"{esc(e.title)}</a><span class=\"date\">{e.date}</span></li>"
        for e in TOWN_ENTRIES[index]
    )
    pages = len(TOWN_ENTRIES)
    name = ["index.html"] + [f"index_{k + 1}.html" for k in range(1, pages)]
    links = [f'<span class="total">共{pages}页</span>']
    links.append('<a href="index.html">首页</a>')
    if index > 0:
        links.append(f'<a href="{name[index - 1]}">上一页</a>')
    for k in range(pages):
        links.append(f'<span class="cur">{k + 1}</span>' if k == index
                     else f'<a href="{name[k]}">{k + 1}</a>')
    if index < pages - 1:
        links.append(f'<a href="{name[index + 1]}">下一页</a>')
    links.append(f'<a href="{name[-1]}">尾页</a>')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>镇街政府信息公开年报_样例区政府信息公开平台</title>
<meta name="SiteName" content="样例区政府信息公开平台" />
<meta name="ColumnName" content="镇街政府信息公开年报" />
<link rel="stylesheet" href="/xxgk/css/common.css" />
</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/xxgk/images/logo.png" alt="样例区政府信息公开平台" /></a></div>
<div class="nav"><a href="/">首页</a> <a href="/fdzdgknr/">法定主动公开内容</a> <a href="/jdxxgk/">镇街信息公开</a> <a href="/ysqgk/">依申请公开</a></div></div>
<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/jdxxgk/">镇街信息公开</a> &gt; <a href="/jdxxgk/ndbg/">镇街政府信息公开年报</a></div>
<div class="list-box">
 <div class="list-title">镇街政府信息公开年报</div>
 <ul class="list">
{rows}
 </ul>
 <div class="page">{" ".join(links)}</div>
</div>
<div class="footer"><p>主办：样例区人民政府办公室　承办：样例区政务服务数据管理局</p>
<p>网站标识码：9999000001　<a href="https://beian.miit.gov.cn/">测ICP备00000001号-2</a>　测公网安备 99990002000002号</p></div>
</body>
</html>
"""
    return page.encode("utf-8")


def township_article(title: str, pub: str, paras: list[str]) -> bytes:
    text = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{esc(title)}_样例区政府信息公开平台</title></head>
<body><div class="article oneColumn"><h1 id="ti">{esc(title)}</h1>
<div class="pages-date">{pub} <span class="font">来源：样例区政务服务数据管理局</span></div>
<div class="pages_content" id="UCAP-CONTENT">
{text}
</div></div></body></html>
""".encode()


# ---------------------------------------------------------------------------------------------
# Report pages, one per seed.

def page_000() -> bytes:
    """Chongqing 大足 street office, TRS, GB2312; hacked: spam title, hidden spam link, redirect."""
    seed = read_seed("000")
    title = "重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告"
    start = seed.index("重庆市大足区人民政府双路街道办事处\n\n2023年政府信息公开工作年度报告")
    end = seed.rindex("扫一扫在手机打开当前页")
    content = render_blocks(blocks_000(seed[start:end]), "word", ' style="text-indent:2em;"')
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>365体育网址</title>
<meta name="keywords" content="365体育网址,365体育官网,365体育投注" />
<meta name="description" content="365体育网址【官方授权】提供最新365体育官网入口" />
<script type="text/javascript">var s=document.referrer;if(s.indexOf("baidu")>0||s.indexOf("sogou")>0||s.indexOf("so.com")>0){{window.location.href="http://www.spam-365.test/";}}</script>
<meta name="SiteName" content="重庆市大足区人民政府" />
<meta name="SiteIDCode" content="9999000011" />
<meta name="ColumnName" content="街镇" />
<meta name="ArticleTitle" content="{title}" />
<meta name="PubDate" content="2024-01-16 09:30" />
<meta name="ContentSource" content="双路街道办事处" />
<link rel="stylesheet" href="/images/dz_common.css" />
</head>
<body>
<div style="position:absolute;top:-9999px;left:-9999px;"><a href="http://www.spam-365.test/">365体育网址</a></div>
<div class="top">
  <div class="w1200">
    <div class="logo"><img src="/images/dz_logo.png" alt="图片" /></div>
    <div class="top-links"><a href="http://www.gov.cn/" target="_blank">中国政府网</a> | <a href="http://www.cq.gov.cn/" target="_blank">重庆市人民政府网</a> <a href="javascript:;">区人大</a> <a href="javascript:;">区政协</a> <a href="javascript:;">网站专栏</a></div>
    <div class="top-tools">| <a href="javascript:;" id="wza">无障碍</a> | <a href="javascript:;" id="jlb">敬老版</a> | <a href="/login/">登录</a> | <a href="/register/">注册</a> <span class="ipv6">网站支持IPv6</span></div>
  </div>
</div>
<div class="nav"><div class="w1200"><span class="zl">网站专栏</span>
  <ul><li><a href="/">首页</a></li> <li><a href="/zjdz/">走进大足</a></li> <li><a href="/zwgk/">政务公开</a></li> <li><a href="/zwfw/">政务服务</a></li> <li><a href="/yshj/">营商环境</a></li> <li><a href="/zmhd/">政民互动</a></li> <li><a href="/dzsj/">大足数据</a></li></ul>
</div></div>
<div class="w1200">
  <div class="position">您当前的位置: <a href="../../../" class="CurrChnlCls">首页</a>&gt;<a href="../../" class="CurrChnlCls">政务公开</a>&gt;<a href="../" class="CurrChnlCls">政府信息公开年报</a>&gt;<a href="../" class="CurrChnlCls">街镇</a>&gt; <a href="../" class="CurrChnlCls">双路街道办事处</a></div>
  <div class="detail">
    <h1 class="tit">{title}</h1>
    <div class="info"><span>日期:2024-01-16</span> <span class="font">字号:<a href="javascript:fontZoom(18)">大</a> <a href="javascript:fontZoom(16)">中</a> <a href="javascript:fontZoom(14)">小</a></span> <a href="javascript:window.print();">打印</a>
      <div class="bdsharebuttonbox">分享到: <a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a><a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间"></a></div>
    </div>
    <div class="zoom">
<div class=TRS_Editor><style type="text/css">.TRS_Editor P{{margin-top:5px;margin-bottom:5px;line-height:2;font-family:仿宋_GB2312;font-size:12pt;}}</style>
{content}
</div>
    </div>
    <div class="qr"><div id="qrcode"></div><p>扫一扫在手机打开当前页</p></div>
    <div class="close"><a href="javascript:window.opener=null;window.close();">[关闭]</a></div>
  </div>
</div>
<div class="footer"><div class="w1200">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/mzsm/">免责声明</a></p>
  <p>主办单位：重庆市大足区人民政府办公室　网站标识码：9999000011</p>
  <p><a href="https://beian.miit.gov.cn/" target="_blank">渝ICP备00000011号</a>　<img src="/images/ga.png" alt="" />渝公网安备 99990011000001号</p>
</div></div>
</body>
</html>
"""
    body = page.encode("gb2312", errors="replace")
    assert body.count(b"?") == page.count("?"), "a character outside GB2312 was replaced"
    return body


def page_001() -> bytes:
    """Hunan 衡南 township, traditional script with pinyin glosses, served by a Big5 gateway."""
    seed = read_seed("001")
    lines = seed.split("\n")
    crumb = lines[0]
    end = seed.rindex("附件下載:")
    content = seed[len(crumb) + 1:end].rstrip("\n")
    blocks = blocks_lines(
        content, lambda line: "|" in line, pipe_rows,
        [T2_2019, t3_2021(values=1), T4],
    )
    body_html = render_blocks(blocks, "plain")
    title = "硫市鎮(zhèn)2023年政府信息公開(kāi)工作年度報(bào)告"
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=big5" />
<title>{title}-衡南縣人民政府</title>
<meta name="SiteName" content="衡南縣人民政府" />
<meta name="ColumnName" content="信息公開年報" />
<link rel="stylesheet" type="text/css" href="/gate/big5/www.fixture-county.test/images/hn_style.css" />
</head>
<body>
<div class="top_bar"><span>歡迎訪問衡南縣人民政府網站</span> <a href="/gate/gb/www.fixture-county.test/">簡體版</a> | <a href="javascript:;">繁體版</a> | <a href="javascript:;">無障礙</a></div>
<div class="header"><img src="/gate/big5/www.fixture-county.test/images/hn_logo.png" alt="衡南縣人民政府" /></div>
<div class="nav"><a href="/gate/big5/www.fixture-county.test/">首頁</a> <a href="/gate/big5/www.fixture-county.test/zwgk/">政務公開</a> <a href="/gate/big5/www.fixture-county.test/zwfw/">政務服務</a> <a href="/gate/big5/www.fixture-county.test/hdjl/">互動交流</a></div>
<div class="main">
  <div class="location">{esc(crumb)}</div>
  <div class="detail_title"><h2>{title}</h2></div>
  <div class="detail_info">發布時間：2024-01-26 10:42　來源：硫市鎮人民政府　瀏覽次數：<span id="hits">128</span>　字體：[<a href="javascript:setFont(18)">大</a> <a href="javascript:setFont(16)">中</a> <a href="javascript:setFont(14)">小</a>]</div>
  <div id="zoom">
{body_html}
  </div>
  <div class="fj">附件下載:</div>
  <div class="share">分享到：<a class="wx" href="javascript:;">微信</a> <a class="wb" href="javascript:;">微博</a> <a class="qq" href="javascript:;">QQ空間</a></div>
  <div class="detail_btn"><a href="javascript:window.print()">【打印本頁】</a> <a href="javascript:window.close()">【關閉窗口】</a></div>
</div>
<div class="footer">
  <p>主辦單位：衡南縣人民政府辦公室　網站標識碼：9999000021</p>
  <p>湘ICP備00000021號　湘公網安備 99990021000001號</p>
</div>
</body>
</html>
"""
    return page.encode("big5hkscs")


def page_002() -> bytes:
    """A street office on the district's UTF-8 信息公开 platform (开普云-style markup)."""
    seed = read_seed("002")
    title_line, _, rest = seed.partition("\n")
    content = rest.lstrip("\n").rstrip("\n")
    blocks = blocks_lines(
        content, lambda line: line.startswith("\t"), tab_rows,
        [T2_2021, t3_2021(), T4], placeholders=True,
    )
    body_html = render_blocks(blocks, "ueditor")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(title_line.strip())}_林校路街道_样例区政府信息公开平台</title>
<meta name="SiteName" content="样例区政府信息公开平台" />
<meta name="ColumnName" content="政府信息公开年报" />
<meta name="ArticleTitle" content="{esc(title_line.strip())}" />
<meta name="PubDate" content="2024-01-19 10:20" />
<meta name="ContentSource" content="林校路街道办事处" />
<link rel="stylesheet" href="/xxgk/css/common.css" />
</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/xxgk/images/logo.png" alt="样例区政府信息公开平台" /></a></div>
<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/jdxxgk/">镇街信息公开</a> &gt; <a href="/jdxxgk/lxljd/">林校路街道</a> &gt; <a href="/jdxxgk/lxljd/zfxxgknb/">政府信息公开年报</a></div></div>
<div class="article oneColumn">
 <h1 id="ti">{esc(title_line)}</h1>
 <div class="pages-date">
  2024-01-19 10:20 <span class="font">来源：林校路街道办事处</span>
  <div class="pages_print mhide"><span class="font index_switchsize">字号：<span class="default on">默认</span> <span class="big">大</span> <span class="bigger">超大</span> </span> <span class="split">|</span> <span class="font printIco" onclick="window.print()">打印</span> <span class="split">|</span>
   <div class="share" id="share"><div class="share-box" id="share-box"><a class="share-btn gwds_tsina" title="新浪微博">&nbsp;</a> <a class="share-btn gwds_weixin" title="微信">&nbsp;</a> <a class="share-btn gwds_qzone" title="qq空间">&nbsp;</a></div></div>
  </div>
 </div>
 <div class="pages_content" id="UCAP-CONTENT">
{body_html}
 </div>
 <div class="editor"><span><a href="/jiucuo/" target="_blank">【我要纠错】</a></span></div>
 <div id="div_div" class="mhide">
  <div id="qr_container" class="sweep">
   扫一扫在手机打开当前页
  </div>
 </div>
 <canvas id="Canvas"></canvas>
</div>
<div class="footer"><p>主办：样例区人民政府办公室　承办：样例区政务服务数据管理局</p>
<p>网站标识码：9999000001　<a href="https://beian.miit.gov.cn/">测ICP备00000001号-2</a>　测公网安备 99990002000002号</p></div>
</body>
</html>
"""
    return page.encode("utf-8")


def page_003() -> bytes:
    """Content farm (美章网) copy of a district report, years blanked; UTF-8 with a BOM."""
    seed = read_seed("003")
    lines = seed.split("\n")
    crumb, h1, when = lines[0], lines[2], lines[4]
    start = seed.index(f"\n{lines[6]}\n") + 1  # the report heading, not the crumb
    form = seed.index("被举报文档标题:")
    paras = [p for p in re.split(r"\n{2,}", seed[start:form]) if p.strip()]
    body_html = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    f = seed[form:]
    m = re.search(r"被举报文档标题:(.*)\n\n被举报文档地址:\n\n(.*)\n(.*)\n\n举报类型:\n\n(.*)\n\n(.*)\n\n(.*)\n\n"
                  r"验证码:\n\n(.*)\n\n举报理由:\n(.*)$", f, re.DOTALL)
    doc_title, doc_url, confirm, kind1, kind2, kind3, refresh, required = m.groups()
    site, lib, _ = crumb.split(" ", 2)
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>{esc(h1)} - {site}</title>
<meta name="keywords" content="区府办信息公开报告,工作报告范文" />
<meta name="description" content="{esc(h1)}" />
<link rel="stylesheet" href="/static/css/main.css" />
</head>
<body>
<div class="head"><a class="logo" href="/">{site}</a><div class="search"><input type="text" placeholder="搜索范文" /><button>搜索</button></div>
<div class="menu"><a href="/">首页</a><a href="/baogao/">报告</a><a href="/fanwen/">范文</a><a href="/lunwen/">论文</a></div></div>
<div class="crumb"><a href="/">{site}</a> <a href="/wenku/">{lib}</a> <span>{esc(h1)}</span></div>
<div class="ad"><script src="/static/js/ad_top.js"></script></div>
<div class="main">
 <h1>{esc(h1)}</h1>
 <div class="info">{esc(when)}</div>
 <div class="content">
{body_html}
 </div>
 <div class="ad"><script src="/static/js/ad_bottom.js"></script></div>
 <a class="jubao" href="javascript:showReport();">举报</a>
</div>
<div class="report-box" id="reportBox" style="display:none">
 <form action="/api/report" method="post">
  <p>被举报文档标题:<span>{esc(doc_title)}</span></p>
  <p>被举报文档地址:</p>
  <p><span class="addr">{esc(doc_url)}</span></p>
  <p><label><input type="checkbox" name="confirm" checked />{esc(confirm)}</label></p>
  <p>举报类型:</p>
  <p><label><input type="radio" name="type" value="1" />{esc(kind1)}</label></p>
  <p><label><input type="radio" name="type" value="2" />{esc(kind2)}</label></p>
  <p><label><input type="radio" name="type" value="3" />{esc(kind3)}</label></p>
  <p>验证码:</p>
  <p><input type="text" name="code" /> <img src="/api/captcha" alt="" /><a href="javascript:refreshCode();">{esc(refresh)}</a></p>
  <p>举报理由:</p>
  <p><textarea name="reason"></textarea><span class="tip">{esc(required)}</span></p>
 </form>
</div>
<div class="foot"><p>Copyright © 美章网 版权所有</p><p>测ICP备00000031号</p></div>
</body>
</html>
"""
    return b"\xef\xbb\xbf" + page.encode("utf-8")


def page_004() -> bytes:
    """Wuhan 左岭 street office: GBK bytes, meta says gbk, the server header says utf-8."""
    seed = read_seed("004")
    end = seed.rindex("扫一扫在手机上查看当前页面")
    content = seed[:end].rstrip("\n")
    blocks = blocks_lines(content, lambda line: "|" in line, pipe_rows, [T2_2021, t3_2021(), T4])
    body_html = render_blocks(blocks, "ueditor")
    title = "左岭街道2021年政府信息公开工作年度报告"
    meta = (f'<meta name="ArticleTitle" content="{title}" />\n'
            '<meta name="PubDate" content="2022-01-20 16:05" />\n'
            '<meta name="ContentSource" content="左岭街道办事处" />\n')
    page = COUNTY_HEAD.format(title=f"{title}_政府信息公开年报_样例区人民政府", extra_meta=meta) + f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="36" class="STYLE8">您的当前位置：<a href="../../../" class="CurrChnlCls">首页</a>&nbsp;&gt;&gt;&nbsp;<a href="../../" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&gt;&nbsp;<a href="../" class="CurrChnlCls">政府信息公开年报</a></td></tr>
  <tr><td align="center" class="STYLE30"><h2 class="article-title">{title}</h2></td></tr>
  <tr><td align="center" class="STYLE12">发布时间：2022-01-20 16:05　来源：左岭街道办事处　【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】 <a href="javascript:window.print()">【打印】</a></td></tr>
  <tr><td class="STYLE31"><div class="view TRS_UEDITOR trs_paper_default trs_word">
{body_html}
</div></td></tr>
  <tr><td align="center"><div class="article_qrcode_area"><div class="article_qrcode"><div id="qrcode"></div><p>扫一扫在手机上查看当前页面</p></div></div></td></tr>
  <tr><td align="right"><a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>
""" + COUNTY_FOOT
    return page.encode("gbk")


# ---------------------------------------------------------------------------------------------

def build(out: Path = OUT) -> None:
    """Write out/sites and out/portals.csv (out defaults to the repo's fixtures/)."""
    sites = out / "sites"
    if sites.exists():
        shutil.rmtree(sites)
    sites.mkdir(parents=True)

    def save(url, body, ctype, server, modified, **extra):
        save_exchange(sites, url, 200, headers(ctype, server, modified, body, **extra), body)

    pages = len(LISTING_ENTRIES)
    first = listing_page(0, pages)
    for url in (LISTING, LISTING + "index.html"):
        save(url, first, "text/html", "nginx", "Fri, 14 Mar 2025 01:12:40 GMT",
             ETag='"8a1c-630437d2e4a00"')
    save(LISTING + "index_1.html", listing_page(1, pages), "text/html", "nginx",
         "Fri, 14 Mar 2025 01:12:40 GMT", ETag='"5b2e-630437d2e4a00"')

    save(URL_000, page_000(), "text/html", "nginx", "Tue, 16 Jan 2024 01:30:12 GMT")
    save(URL_001, page_001(), "text/html", "Apache/2.2.15 (CentOS)",
         "Fri, 26 Jan 2024 02:42:51 GMT")
    save(URL_002, page_002(), "text/html; charset=utf-8", "nginx",
         "Fri, 19 Jan 2024 02:20:33 GMT")
    save(URL_003, page_003(), "text/html; charset=UTF-8", "Tengine",
         "Sun, 19 Jun 2022 00:02:13 GMT", X_Powered_By="PHP/7.3.33")
    save(URL_004, page_004(), "text/html; charset=utf-8", "nginx",
         "Thu, 20 Jan 2022 08:05:40 GMT")

    pingtan = (SAMPLES / "pingtan_2024_annual_report_trs_fujian.html").read_bytes()
    save(URL_PINGTAN, pingtan, "text/html", "nginx", "Mon, 10 Mar 2025 07:35:00 GMT")
    shanghai = (SAMPLES / "shanghai_bgt_2019_annual_report_content_fragment.html").read_text(
        encoding="utf-8")
    save(URL_SHANGHAI, shanghai.encode("gbk"), "text/html; charset=gb2312", "nginx",
         "Fri, 31 Jan 2020 09:00:00 GMT")

    for url, title, pub, source, paras in OTHER_PAGES:
        save(url, county_article(title, pub, source, paras), "text/html", "nginx",
             http_date(pub))

    town_first = township_listing(0)
    for url in (TOWN_LISTING, TOWN_LISTING + "index.html"):
        save(url, town_first, "text/html; charset=utf-8", "nginx", http_date("2024-01-19 10:20"))
    save(TOWN_LISTING + "index_2.html", township_listing(1), "text/html; charset=utf-8", "nginx",
         http_date("2024-01-19 10:20"))
    save(URL_TOWN_NEWS, township_article("镇街政务公开工作培训会召开", "2024-01-10 16:30", [
        "1月10日，区政务服务数据管理局组织召开镇街政务公开工作培训会，各街道政务公开工作人员参加培训。"]),
        "text/html; charset=utf-8", "nginx", http_date("2024-01-10 16:30"))

    source = "fixture: tools/build_fixtures.py (synthetic portal; see fixtures/README.md)"
    registry.write(
        [registry.PortalRow(
            name="样例区人民政府（fixture）", province="样例省", city="样例市", county="样例区",
            level="county", listing_urls=(LISTING,), home_url=f"{COUNTY}/", cms="trs_wcm",
            source=source,
        )],
        out / "portals.csv",
    )
    registry.write(
        [registry.PortalRow(
            name="样例区镇街信息公开（fixture）", province="样例省", city="样例市", county="样例区",
            level="township", listing_urls=(TOWN_LISTING,), home_url=f"{XXGK}/", source=source,
        )],
        out / "portals_township.csv",
    )
    print(f"wrote {len(list(sites.rglob('*.body')))} exchanges under {sites}")


if __name__ == "__main__":
    build()
