"""Test pages built from the shared seeds and samples (derived material, labelled as such).

The seeds are text extractions of real report pages; here each becomes an HTML page in a
TRS-style layout with the chrome real portals put around a report (nav, breadcrumb, share
bar, QR widget, footer), so decoding, body location and chrome stripping can be tested on it.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from giar_crawler.items import ReportItem
from giar_crawler.pipelines import run_stage
from giar_crawler.pipelines.content import extract
from giar_crawler.pipelines.decode import decode
from giar_crawler.pipelines.script import normalise
from giar_crawler.replay import load_exchange

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = SHARED / "samples"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sites"
LISTING = "http://www.fixture-county.test/zwgk/zfxxgknb/"  # the fixture portal's listing

CHROME_TOP = (
    '<div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a>'
    ' <a href="/hd/">政民互动</a> <a href="/fw/">政务服务</a></div>'
    '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>'
    ' &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>'
)
CHROME_BOTTOM = (
    '<div class="article_qrcode_area"><p>扫一扫在手机上查看当前页面</p><div id="qrcode"></div></div>'
    '<div class="footer"><p>主办：某某县人民政府办公室</p><p>网站标识码：3609820008</p>'
    "<p>赣ICP备10003342号-1</p><p>赣公网安备 36098202000123号</p></div>"
)
INFO_BAR = (
    '<div class="info">{date_label}{date}<span class="share">分享到：微信 微博</span>'
    '<span class="font">字号：[大] [中] [小]</span> <a href="javascript:window.print()">【打印】</a>'
    ' <a href="javascript:window.close()">【关闭】</a></div>'
)


def seed_text(name: str) -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return path.read_text(encoding="utf-8")


def seed_lines(name: str) -> list[str]:
    return [ln.strip() for ln in seed_text(name).splitlines() if ln.strip()]


def report_page(
    lines: list[str],
    title: str,
    *,
    head: str = '<meta charset="utf-8">',
    date: str = "2024-01-16",
    date_label: str = "发布日期：",
    container: str = '<div class="TRS_Editor">{body}</div>',
    top: str = "",
) -> str:
    """A report page: chrome, title, info bar, the report's lines as paragraphs, chrome."""
    body = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{html.escape(title)}_某某县人民政府</title>"
        f"</head><body>{top}{CHROME_TOP}"
        f'<div class="article_title">{html.escape(title)}</div>'
        + INFO_BAR.format(date=date, date_label=date_label)
        + container.format(body=body)
        + CHROME_BOTTOM
        + "</body></html>"
    )


def process(body: bytes, url: str = "https://www.example.gov.cn/nb/t1.html", **fields) -> ReportItem:
    """Run decode → content → script on a page, as the crawl does."""
    headers = fields.pop("headers", {})
    item = ReportItem(url=url, body=body, headers=headers, **fields)
    for name, stage in (("decode", decode), ("content", extract), ("script", normalise)):
        run_stage(stage, item, name)
    return item


def codes(item: ReportItem) -> set[str]:
    return {f["code"] for f in item.flags}


def fixture_exchange(url: str) -> tuple[bytes, dict[str, str]]:
    """Body and lower-cased headers of a saved fixture page; skips when not built yet."""
    got = load_exchange(FIXTURES, url)
    if got is None:
        pytest.skip(f"fixture not built: {url}")
    meta, body = got
    return body, {k.lower(): v for k, v in (meta.get("headers") or {}).items()}


def fixture_item(url: str, **fields) -> ReportItem:
    body, headers = fixture_exchange(url)
    return process(body, url=url, headers=headers, listing_url=LISTING, **fields)
