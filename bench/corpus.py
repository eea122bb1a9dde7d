"""The pages benchmarks run on: the fixture report pages, as bytes plus their HTTP headers.

Read from ``fixtures/sites`` (replay layout: ``<host>/<key>.json`` + ``.body``). Until that
holds report pages, an interim corpus is derived from ``../shared/samples`` and
``../shared/seeds`` in the encodings and scripts the fixtures cover (UTF-8, GB18030 declared as
gb2312, undeclared GBK, Big5 traditional); derived pages say so in ``origin``.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from opencc import OpenCC

from giar_crawler import listings
from giar_crawler.listings import ListingPage
from giar_crawler.parsing.encoding import decode_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITES = ROOT / "fixtures" / "sites"
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Page:
    url: str
    headers: dict[str, str]
    body: bytes
    origin: str  # where the bytes came from

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def _lower(headers: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in (headers or {}).items()}


def _report_links(url: str, text: str) -> set[str]:
    """URLs a page links as reports, read by the listing adapter the crawl would pick."""
    page = ListingPage(url, text)
    adapter = listings.detect_family(page)
    return {link.url for link in adapter.links(page) if link.kind == "report"}


def fixture_pages(root: Path = FIXTURE_SITES) -> list[Page]:
    """The report pages of a saved site: those its listing pages link as reports.

    A page linking two or more reports is a listing; one linked as a report by a listing is a
    report, whatever it says (a content-farm copy is as much a crawl's cost as a clean page).
    """
    saved = []
    for meta_path in sorted(root.glob("*/*.json")):
        body_path = meta_path.with_suffix(".body")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not body_path.is_file() or meta.get("status", 200) != 200:
            continue
        body = body_path.read_bytes()
        headers = _lower(meta.get("headers") or {})
        url = meta.get("url") or meta_path.as_uri()
        saved.append(Page(url, headers, body, f"fixtures/sites/{meta_path.parent.name}"))
    linked: set[str] = set()
    for page in saved:
        links = _report_links(page.url, decode_html(page.body, page.content_type).text)
        if len(links) >= 2:
            linked |= links
    return [p for p in saved if p.url in linked]


def _seed_page(text: str) -> str:
    """A seed text as a report page: a title and one paragraph per line in a TRS body."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = next((ln for ln in lines if "年度报告" in ln), lines[0])
    paras = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
    return (
        "<!DOCTYPE html><html><head>{meta}<title>{t}</title></head><body>"
        '<div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>'
        '<div class="article_title">{t}</div><div class="TRS_Editor">\n{p}\n</div>'
        '<div class="footer">版权所有 网站标识码</div></body></html>'
    ).format(meta="{meta}", t=html.escape(title), p=paras)


def interim_pages() -> list[Page]:
    """Pages derived from the shared samples and seeds, one per encoding/script variant."""
    samples = SHARED / "samples"
    pages: list[Page] = []
    pingtan = (samples / "pingtan_2024_annual_report_trs_fujian.html").read_bytes()
    pages.append(
        Page(
            "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm",
            {"content-type": "text/html; charset=utf-8"},
            pingtan,
            "samples/pingtan (verbatim, utf-8)",
        )
    )
    shanghai = (samples / "shanghai_bgt_2019_annual_report_content_fragment.html").read_text(
        encoding="utf-8"
    )
    shanghai_page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>2019年上海市人民政府办公厅政府信息公开工作年度报告</title></head>"
        f'<body><div id="ivs_content">{shanghai}</div></body></html>'
    )
    pages.append(
        Page(
            "https://www.shanghai.gov.cn/nw12344/20200131/bench.html",
            {"content-type": "text/html"},
            shanghai_page.encode("gb18030"),
            "samples/shanghai (derived: gb18030, meta gb2312)",
        )
    )
    variants = (
        # (meta tag, header, codec, script)
        ('<meta charset="utf-8">', "text/html; charset=utf-8", "utf-8", "simplified"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', "text/html",
         "gb18030", "simplified"),
        ("", "text/html", "gb18030", "simplified"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=big5">', "text/html",
         "big5hkscs", "traditional"),
        ('<meta charset="utf-8">', "text/html; charset=utf-8", "utf-8", "traditional"),
    )
    for n, seed in enumerate(sorted((SHARED / "seeds").glob("*.txt"))):
        meta, header, codec, script = variants[n % len(variants)]
        text = _seed_page(seed.read_text(encoding="utf-8")).replace("{meta}", meta)
        if script == "traditional":
            text = OpenCC("s2t").convert(text)
        body = text.encode(codec, "xmlcharrefreplace")
        pages.append(
            Page(
                f"http://seed.bench.test/xxgk/nb/{seed.stem}.html",
                {"content-type": header},
                body,
                f"seeds/{seed.name} (derived: {codec}, {script})",
            )
        )
    return pages


def report_pages() -> list[Page]:
    """The fixture report pages, else the interim corpus."""
    return fixture_pages() or interim_pages()
