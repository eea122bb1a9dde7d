"""Build fixtures/listings/ from the real samples in ../shared/samples (and say how).

    python tools/build_listing_fixtures.py

Real samples are copied byte for byte. Pages the samples do not contain (a Fujian search
API reply, a gkmlpt shell and reply, a Hanweb column page holding the island in-page, a
report column with sub-columns) are built here: "derived" ones wrap real sample content,
"synthetic" ones follow the shapes documented in ../shared/reference/cms_patterns.md and
peers.md §3. fixtures/listings/README.md lists which is which.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
OUT = ROOT / "fixtures" / "listings"

COPIES = {
    "zhangshu_trs_wcm_listing.html": "zhangshu_trs_wcm_county_listing_createPageHTML.html",
    "pingtan_trs_fujian_listing.html": "pingtan_annual_report_listing_trs_fujian.html",
    "hanweb_dingxi_dataproxy_reply.xml": "hanweb_dingxi_jpage_dataproxy_response.xml",
}


def hanweb_column_page() -> str:
    """Derived: the real dataproxy reply placed in-page the way Hanweb column pages hold
    it (<div id=unitid><script type="text/xml">), plus a jpage() init (cms_patterns §3)."""
    reply = (SAMPLES / COPIES["hanweb_dingxi_dataproxy_reply.xml"]).read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>通知公告</title></head>\n'
        '<body><div id="38486"><script type="text/xml">\n'
        + reply
        + "\n</script></div>\n</body></html>\n"
    )


def fujian_search_reply() -> str:
    """Synthetic: page 2 of the 年报 column from POST /fjdzapp/search, in the row shape
    public crawlers read (docs[] of doctitle/chnldocurl/docreltime)."""
    rows = [
        {
            "doctitle": f"平潭综合实验区{year}年度政府信息公开工作年度报告",
            "chnldocurl": f"https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/{year + 1}01/"
            f"t{year + 1}0115_9{year}.htm",
            "docreltime": f"{year + 1}-01-15 09:00:00",
        }
        for year in range(2015, 2005, -1)
    ]
    rows.append({"doctitle": "平潭综合实验区政府信息公开指南", "docreltime": "2012-05-01",
                 "chnldocurl": "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgkzn/201205/t20120501_1.htm"})
    return json.dumps({"docs": rows, "pageCount": 2, "recordCount": 20}, ensure_ascii=False, indent=1)


def gkmlpt_shell() -> str:
    """Synthetic: a gkmlpt SPA shell with the site id the API needs (peers §3.7)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title>\n'
        "<script>window._CONFIG = { SID: '175', APP_URL: '' };</script></head>\n"
        '<body><div class="header"><a href="/">首页</a> <a href="/gkmlpt/index">政府信息公开目录</a>'
        ' <a href="/gkmlpt/policy">政策文件</a> <a href="/gkmlpt/guide">政府信息公开指南</a></div>\n'
        '<div id="app"></div><script src="/gkmlpt/static/js/app.js"></script>\n'
        '<div class="footer">主办单位：广东省文化和旅游厅 网站标识码：4400000000 粤ICP备00000000号</div>'
        "</body></html>\n"
    )


def gkmlpt_reply() -> str:
    """Synthetic: /gkmlpt/api/all/{column}?page=1 in the documented reply shape; the
    column has 5 posts and the reply holds 2 of them, so pages 2 and 3 follow."""
    articles = [
        {"id": 4100001, "title": "广东省文化和旅游厅2023年政府信息公开工作年度报告",
         "date": 1706716800, "publisher": "广东省文化和旅游厅",
         "url": "http://whly.gd.gov.cn/gkmlpt/content/4/4100/post_4100001.html"},
        {"id": 4000002, "title": "广东省文化和旅游厅2022年政府信息公开工作年度报告",
         "created_at": "2023-01-30 10:00:00", "publisher": "广东省文化和旅游厅",
         "url": "http://whly.gd.gov.cn/gkmlpt/content/4/4000/post_4000002.html"},
    ]
    return json.dumps({"classify": {"id": 2629, "name": "政府信息公开年报", "post_count": 5},
                       "articles": articles}, ensure_ascii=False, indent=1)


def report_column(title: str, crumbs: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>\n'
        f'<div class="crumbs">您当前的位置: {crumbs}</div>\n{body}\n</body></html>\n'
    )


def generic_pages() -> dict[str, str]:
    """Synthetic: seed 000's column tree (政府信息公开年报 > 街镇 > 双路街道办事处),
    with a numbered pager and a printed page count."""
    root = report_column(
        "政府信息公开年报", "首页>政务公开>政府信息公开年报",
        '<ul class="sub">\n'
        '<li><a href="qzf/">区政府</a></li>\n<li><a href="bm/">部门</a></li>\n'
        '<li><a href="jz/">街镇</a></li>\n<li><a href="2023/">2023年</a></li>\n</ul>\n'
        '<ul class="list">\n'
        '<li><a href="qzf/202401/t20240115_1001.html">重庆市大足区人民政府2023年政府信息公开工作年度报告</a>'
        "<span>2024-01-15</span></li>\n"
        '<li><a href="/zwgk/tzgg/t20240110_9.html">关于开展2024年春节慰问活动的通知</a>'
        "<span>2024-01-10</span></li>\n"
        '<li><a href="/files/2022nb.pdf">大足区2022年政府信息公开工作年度报告（PDF）</a></li>\n'
        '<li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li>\n'
        '<li><a href="http://www.cq.gov.cn/">重庆市人民政府</a></li>\n'
        "</ul>\n"
        '<div class="page">共3页 <a href="index_1.html">2</a> <a href="index_2.html">3</a>'
        ' <a href="index_1.html">下一页</a></div>',
    )
    township = report_column(
        "街镇", "首页>政务公开>政府信息公开年报>街镇",
        '<ul class="sub"><li><a href="sljd/">双路街道办事处</a></li>'
        '<li><a href="tqjd/">棠香街道办事处</a></li></ul>\n'
        '<div class="page">共2页</div>',
    )
    unit = report_column(
        "双路街道办事处", "首页>政务公开>政府信息公开年报>街镇> 双路街道办事处",
        '<ul class="list"><li><a href="202401/t20240116_2001.html">'
        "重庆市大足区人民政府双路街道办事处2023年政府信息公开工作年度报告</a>"
        "<span>2024-01-16</span></li>"
        '<li><a href="202301/t20230116_1501.html">双路街道2022年度报告</a></li></ul>',
    )
    return {"generic_column_root.html": root, "generic_column_jz.html": township,
            "generic_column_sljd.html": unit}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, sample in COPIES.items():
        shutil.copyfile(SAMPLES / sample, OUT / name)
    built = {
        "hanweb_dingxi_column_inpage.html": hanweb_column_page(),
        "pingtan_fjdzapp_search_page2.json": fujian_search_reply(),
        "gkmlpt_annualreport_shell.html": gkmlpt_shell(),
        "gkmlpt_api_reply_page1.json": gkmlpt_reply(),
        **generic_pages(),
    }
    for name, text in built.items():
        (OUT / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
