"""RECORD_DIR turns a live crawl into a saved site; REPLAY_DIR serves it back offline."""

import csv

import pytest_twisted

from giar_crawler.registry import COLUMNS
from giar_crawler.replay import load_exchange
from tests.conftest import crawl_settings, run_crawl
from tests.local_site import Site

LISTING = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>'
    '<a href="/r/2023.html">样例镇2023年政府信息公开工作年度报告</a><span>2024-01-20</span>'
    '<a href="/old/2022.html">样例镇2022年政府信息公开工作年度报告</a><span>2023-01-18</span>'
    "</body></html>"
)
REPORT = (
    '<html><head><meta charset="gbk"><title>{title}</title></head><body><div id="zoom">'
    "<p>一、总体情况</p><p>{title}，朱镕基。</p></div></body></html>"
)


def _portals(path, url):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow({"name": "样例镇", "province": "样例省", "level": "township",
                         "listing_urls": url, "source": "test"})
    return str(path)


def _site():
    site = Site()
    gbk = {"Content-Type": "text/html"}  # charset only in the page's <meta>
    site.routes["/list/"] = (200, gbk, LISTING.encode("gbk"))
    title23 = "样例镇2023年政府信息公开工作年度报告"
    title22 = "样例镇2022年政府信息公开工作年度报告"
    site.routes["/r/2023.html"] = (200, gbk, REPORT.format(title=title23).encode("gbk"))
    site.routes["/old/2022.html"] = (301, {"Location": "/r/2022.html"}, b"")
    site.routes["/r/2022.html"] = (200, gbk, REPORT.format(title=title22).encode("gbk"))
    return site


@pytest_twisted.ensureDeferred
async def test_recorded_crawl_replays_offline_with_the_same_bytes(tmp_path):
    record = tmp_path / "recorded"
    with _site() as site:
        portals = _portals(tmp_path / "portals.csv", f"{site.url}/list/")
        live, _ = await run_crawl(
            "county_reports", crawl_settings(RECORD_DIR=str(record)), portals=portals
        )
        base = site.url
    # The server is gone: only the saved site answers now.
    replayed, stats = await run_crawl(
        "county_reports", crawl_settings(REPLAY_DIR=str(record)), portals=portals
    )
    assert sorted(i.url for i in live) == [f"{base}/r/2022.html", f"{base}/r/2023.html"]
    assert {(i.url, i.sha256) for i in replayed} == {(i.url, i.sha256) for i in live}
    assert {i.encoding for i in replayed} == {"gb18030"}
    assert all("朱镕基" in i.text for i in replayed)  # 镕 is GBK, not GB2312
    assert stats.get("giar/replay/missing", 0) == 0
    # The redirect itself was saved, with its Location, so replay follows it the same way.
    meta, body = load_exchange(record, f"{base}/old/2022.html")
    assert meta["status"] == 301 and body == b""
    assert {k.lower(): v for k, v in meta["headers"].items()}["location"] == "/r/2022.html"
    meta, body = load_exchange(record, f"{base}/r/2023.html")
    assert body == REPORT.format(title="样例镇2023年政府信息公开工作年度报告").encode("gbk")


@pytest_twisted.ensureDeferred
async def test_replay_answers_404_for_an_unknown_url(tmp_path):
    portals = _portals(tmp_path / "portals.csv", "http://nowhere.test/list/")
    items, stats = await run_crawl(
        "county_reports", crawl_settings(REPLAY_DIR=str(tmp_path)), portals=portals
    )
    assert items == []
    assert stats["giar/replay/missing"] == 1
    assert stats["downloader/response_status_count/404"] == 1


@pytest_twisted.ensureDeferred
async def test_replay_delay_holds_each_saved_response_back(fixtures_dir):
    import time

    from scrapy import Request
    from scrapy.http import Response
    from scrapy.utils.defer import deferred_from_coro
    from scrapy.utils.test import get_crawler

    from giar_crawler.replay import ReplayMiddleware

    url = "http://www.fixture-county.test/zwgk/zfxxgknb/index.html"
    sites = str(fixtures_dir / "sites")
    prompt = ReplayMiddleware(get_crawler(settings_dict={"REPLAY_DIR": sites}))
    assert isinstance(prompt.process_request(Request(url)), Response)

    slow = ReplayMiddleware(get_crawler(settings_dict={"REPLAY_DIR": sites, "REPLAY_DELAY": 0.2}))
    pending = slow.process_request(Request(url))
    assert not isinstance(pending, Response)
    started = time.perf_counter()
    response = await deferred_from_coro(pending)  # as Scrapy runs it, on the asyncio loop
    assert time.perf_counter() - started >= 0.19
    assert response.status == 200 and "replay" in response.flags
