"""Build fixtures/discovery/: three small synthetic portals for home-page discovery.

Synthetic pages (not copies of real ones) with the navigation wording real portals use
(see ../shared/reference/cms_patterns.md, "Common column slugs"), written in the replay
layout so a crawl with -s REPLAY_DIR=fixtures/discovery walks them offline.

- county-a.test (UTF-8): 首页 → 政府信息公开 → 政府信息公开年报 → 2 reports; decoys: the
  same words on www.gov.cn (off-site), a long news title, 统计年报, 信息公开指南.
- county-b.test (GBK, charset only in <meta>): 首页 → 政务公开 → 法定主动公开内容 → 年度报告
  (column link on a depth-2 page) → 2 reports.
- county-c.test (UTF-8): the column hangs below four hubs (首页 → 政务公开 → 信息公开目录 →
  主动公开 → 法定主动公开内容 → 政府信息公开年报): out of reach at depth 3, found at depth 4.
- county-d.test (UTF-8): no column link at all; the 信息公开 hub lists the reports itself.

    PYTHONPATH=. python tools/build_discovery_fixtures.py   # rewrites fixtures/discovery
"""

from __future__ import annotations

import shutil
from pathlib import Path

from giar_crawler.replay import save_exchange

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "discovery"


# Portal chrome around every page: real pages are kilobytes, and a body under 300 bytes
# looks like a WAF stub to the downloader.
FOOTER = (
    '<div class="footer"><p><a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a></p>'
    "<p>主办单位：县人民政府办公室　承办单位：县政务服务数据管理局</p>"
    "<p>网站标识码：0000000000　ICP备案号：示例ICP备00000000号　公安机关备案号：00000000000000</p>"
    "<p>本页面为测试用合成页面，不对应任何真实网站。</p></div>"
)


def page(title: str, body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset={charset}"><title>{title}</title></head>'
        f'<body><div class="header"><h2>{title}</h2></div>{body}{FOOTER}</body></html>'
    )


def links(*pairs: tuple[str, str]) -> str:
    return "<ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in pairs) + "</ul>"


def listing(name: str, items: list[tuple[str, str, str]]) -> str:
    rows = "".join(
        f'<li><a href="{h}" title="{t}">{t}</a><span>{d}</span></li>' for h, t, d in items
    )
    return f'<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div><ul class="list">{rows}</ul>'


def report(name: str, year: int) -> str:
    title = f"{name}{year}年政府信息公开工作年度报告"
    return page(title, f"<h1>{title}</h1><p>一、总体情况</p><p>{year}年，{name}坚持以公开为常态。</p>")


SITES: dict[str, dict] = {
    "http://www.county-a.test": {
        "charset": "utf-8",
        "name": "甲县人民政府",
        "pages": {
            "/": ("甲县人民政府", links(
                ("/", "首页"), ("/zjxq/", "走进甲县"), ("/zwgk/", "政务公开"),
                ("/xxgk/", "政府信息公开"), ("https://www.gov.cn/zhengce/xxgk/", "政府信息公开"),
                ("https://www.gov.cn/", "中国政府网"), ("/tjxx/tjnb/", "统计年报"),
                ("/news/1.html", "关于做好全县政府信息公开和政务公开工作的通知（全文）"),
            )),
            "/zwgk/": ("政务公开", links(("/xxgk/", "政府信息公开"), ("/zwgk/zwdt/", "政务动态"))),
            "/xxgk/": ("政府信息公开", links(
                ("/xxgk/zn/", "政府信息公开指南"), ("/xxgk/zd/", "政府信息公开制度"),
                ("/xxgk/zfxxgknb/", "政府信息公开年报"), ("/xxgk/ysqgk/", "依申请公开"),
            )),
            "/xxgk/zfxxgknb/": ("政府信息公开年报", listing("甲县", [
                ("./202301/t20230130_101.html", "甲县2022年政府信息公开工作年度报告", "2023-01-30"),
                ("./202201/t20220125_88.html", "甲县2021年政府信息公开工作年度报告", "2022-01-25"),
            ])),
        },
        "reports": {
            "/xxgk/zfxxgknb/202301/t20230130_101.html": 2022,
            "/xxgk/zfxxgknb/202201/t20220125_88.html": 2021,
        },
    },
    "http://www.county-b.test": {
        "charset": "gbk",
        "name": "乙县人民政府",
        "pages": {
            "/": ("乙县人民政府门户网站", links(
                ("/index.html", "网站首页"), ("/zwgk/index.html", "政务公开"),
                ("/zwgk/xxgkzn.html", "信息公开指南"), ("/hdjl/", "互动交流"),
            )),
            "/zwgk/index.html": ("政务公开", links(
                ("/zwgk/fdzdgk/", "法定主动公开内容"), ("/zwgk/zwdt/", "政务动态"),
                ("/zwgk/tjnb/", "统计年报"),
            )),
            "/zwgk/fdzdgk/": ("法定主动公开内容", links(
                ("/zwgk/fdzdgk/czyjs/", "财政预决算"), ("ndbg/", "年度报告"),
            )),
            "/zwgk/fdzdgk/ndbg/": ("年度报告", listing("乙县", [
                ("./202401/t20240115_7.html", "乙县2023年政府信息公开工作年度报告", "2024-01-15"),
                ("./202301/t20230116_5.html", "乙县2022年政府信息公开工作年度报告", "2023-01-16"),
            ])),
        },
        "reports": {
            "/zwgk/fdzdgk/ndbg/202401/t20240115_7.html": 2023,
            "/zwgk/fdzdgk/ndbg/202301/t20230116_5.html": 2022,
        },
    },
    "http://www.county-c.test": {
        "charset": "utf-8",
        "name": "丙县人民政府",
        "pages": {
            "/": ("丙县人民政府", links(("/zwgk/", "政务公开"))),
            "/zwgk/": ("政务公开", links(("/zwgk/ml/", "信息公开目录"), ("/", "首页"))),
            "/zwgk/ml/": ("信息公开目录", links(("/zwgk/ml/zdgk/", "主动公开"), ("/zwgk/", "政务公开"))),
            "/zwgk/ml/zdgk/": ("主动公开", links(("/zwgk/ml/zdgk/fd/", "法定主动公开内容"))),
            "/zwgk/ml/zdgk/fd/": ("法定主动公开内容", links(("/zwgk/ml/zdgk/fd/nb/", "政府信息公开年报"))),
            "/zwgk/ml/zdgk/fd/nb/": ("政府信息公开年报", listing("丙县", [
                ("./202301/t20230120_3.html", "丙县2022年政府信息公开工作年度报告", "2023-01-20"),
            ])),
        },
        "reports": {"/zwgk/ml/zdgk/fd/nb/202301/t20230120_3.html": 2022},
    },
    "http://www.county-d.test": {
        "charset": "utf-8",
        "name": "丁县人民政府",
        "pages": {
            "/": ("丁县人民政府", links(("/xxgk/", "信息公开"), ("/tzgg/", "通知公告"))),
            "/xxgk/": ("信息公开", listing("丁县", [
                ("/xxgk/2024/0120_9.html", "丁县2023年政府信息公开工作年度报告", "2024-01-20"),
                ("/xxgk/2023/0118_4.html", "丁县2022年政府信息公开工作年度报告", "2023-01-18"),
                ("/xxgk/2023/0301_5.html", "关于开展春季植树活动的通知", "2023-03-01"),
            ])),
        },
        "reports": {"/xxgk/2024/0120_9.html": 2023, "/xxgk/2023/0118_4.html": 2022},
    },
}


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    for origin, site in SITES.items():
        charset = site["charset"]
        # The GBK site declares its charset only in <meta>, as many old portals do.
        ctype = "text/html" if charset != "utf-8" else "text/html; charset=utf-8"
        for path, (title, body) in site["pages"].items():
            html = page(title, body, charset)
            save_exchange(OUT, origin + path, 200, {"Content-Type": ctype}, html.encode(charset))
        short = site["name"].removesuffix("人民政府")
        for path, year in site["reports"].items():
            html = report(short, year).replace("charset=utf-8", f"charset={charset}")
            save_exchange(OUT, origin + path, 200, {"Content-Type": ctype}, html.encode(charset))
    (OUT / "README.md").write_text(
        "# fixtures/discovery\n\nGenerated by tools/build_discovery_fixtures.py; do not edit.\n"
        + (__doc__ or ""),
        encoding="utf-8",
    )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
