"""A listing only JavaScript fills, served on 127.0.0.1, read through the system Chromium."""

import shutil

import pytest
import pytest_twisted

from giar_crawler import browser
from tests.conftest import crawl_settings, run_crawl
from tests.local_site import Site

HTML = {"Content-Type": "text/html; charset=utf-8"}
# The static HTML has no report link at all; a script asks for the rows and writes them.
SHELL = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul id="list"></ul>
<script>
fetch("/api/rows.json").then(r => r.json()).then(rows => {
  document.getElementById("list").innerHTML = rows.map(
    r => `<li><a href="${r.url}">${r.title}</a><span>${r.date}</span></li>`).join("");
});
</script></body></html>"""
ROWS = """[{"url": "/nb/202401/t20240110_1.html", "title": "某县2023年政府信息公开工作年度报告", "date": "2024-01-10"},
 {"url": "/nb/202301/t20230110_2.html", "title": "某县2022年政府信息公开工作年度报告", "date": "2023-01-10"},
 {"url": "/tz/t20240105_3.html", "title": "关于元旦放假的通知", "date": "2024-01-05"}]"""


def report(path):
    return 200, HTML, (f"<html><body><h1>{path}</h1>" + "<p>一、总体情况</p>" * 40 + "</body></html>")


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(browser.CHROMIUM), reason="system Chromium not installed")
@pytest_twisted.ensureDeferred
async def test_js_listing_is_read_through_the_browser(tmp_path):
    with Site() as site:
        site.routes["/nb/"] = (200, HTML, SHELL)
        site.routes["/api/rows.json"] = (200, {"Content-Type": "application/json"}, ROWS)
        site.fallback = report
        csv = tmp_path / "portals.csv"
        csv.write_text(
            "name,division_code,province,city,county,level,listing_urls,home_url,cms,needs_browser,source\n"
            f"脚本县,,测试省,,,county,{site.url}/nb/,,,yes,test\n", encoding="utf-8")
        items, stats = await run_crawl("county_reports", crawl_settings(), portals=str(csv))
        json_hits = site.hits.get("/api/rows.json", 0)

    assert json_hits >= 1  # the page's own script ran
    assert sorted(i.url for i in items) == [f"{site.url}/nb/202301/t20230110_2.html",
                                            f"{site.url}/nb/202401/t20240110_1.html"]
    assert stats["giar/browser/started"] == 1
    assert stats["playwright/request_count/navigation"] >= 1


def test_browser_requests_and_launch_flags():
    # That plain crawls never start the browser is checked in test_traps (no playwright stats).
    meta = browser.page_meta()
    assert meta["playwright"] is True
    assert "--no-sandbox" in browser.CHROMIUM_ARGS
    assert "--disable-background-networking" in browser.CHROMIUM_ARGS
