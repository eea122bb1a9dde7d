"""The spider dispatching to adapters, API replies included, on a site served locally
from the listing fixtures (pingtan's column + search API, 定西's Hanweb column)."""

from urllib.parse import parse_qs

import pytest
import pytest_twisted

from tests.conftest import FIXTURES, crawl_settings, run_crawl
from tests.local_site import Site

LISTINGS = FIXTURES / "listings"
HTML = {"Content-Type": "text/html; charset=utf-8"}
PINGTAN = "/zwgk/zfxxgk/zfxxgknb/"
HANWEB_COLUMN = "/col/col12377/index.html"
PROXY = "/module/web/jpage/dataproxy.jsp"


def report_page(path):
    if path.startswith(PINGTAN) and path.endswith(".htm"):
        title = f"平潭综合实验区年度报告 {path}"  # each page its own body
        return 200, HTML, f"<html><head><title>{title}</title></head><body><h1>{title}</h1>" \
            + "<p>一、总体情况</p>" * 40 + "</body></html>"
    return None


def build(site):
    reply2 = (LISTINGS / "pingtan_fjdzapp_search_page2.json").read_text("utf-8")
    site.routes[PINGTAN] = (200, HTML, (LISTINGS / "pingtan_trs_fujian_listing.html").read_text("utf-8"))
    site.routes[("POST", "/fjdzapp/search")] = lambda form: (
        200, {"Content-Type": "application/json"},
        reply2.replace("https://www.pingtan.gov.cn", "http://127.0.0.1:{port}"))
    site.routes[HANWEB_COLUMN] = (200, HTML, (LISTINGS / "hanweb_dingxi_column_inpage.html").read_text("utf-8"))
    reply = (LISTINGS / "hanweb_dingxi_dataproxy_reply.xml").read_text("utf-8")
    empty = "<datastore><recordset></recordset></datastore>"
    site.fallback = lambda path: (
        (200, {"Content-Type": "text/xml"}, reply if "page=1&" in path else empty)
        if path.startswith(PROXY) else report_page(path))


@pytest.mark.slow
@pytest_twisted.ensureDeferred
async def test_fujian_and_hanweb_listings_through_their_apis(tmp_path):
    with Site() as site:
        build(site)
        csv = tmp_path / "portals.csv"
        csv.write_text(
            "name,division_code,province,city,county,level,listing_urls,home_url,cms,needs_browser,source\n"
            f"平潭,,福建省,,,county,{site.url}{PINGTAN},,trs_fujian,,test\n"
            f"定西,,甘肃省,,,county,{site.url}{HANWEB_COLUMN},,,,test\n", encoding="utf-8")
        items, stats = await run_crawl("county_reports", crawl_settings(), portals=str(csv))
        posts = list(site.posts)
        proxy_pages = sorted(p for p in site.hits if p.startswith(PROXY))

    # 平潭: 10 reports on the static page + 10 from the search API's page 2.
    assert stats["giar/portal/平潭/reports_found"] == 20
    assert stats["giar/portal/平潭/reports_parsed"] == 20
    assert len({i.url for i in items if "zfxxgknb" in i.url}) == 20
    ((path, form),) = posts
    assert path == "/fjdzapp/search"
    assert parse_qs(form)["page"] == ["2"] and parse_qs(form)["classsql"] == ["chnlid=1813"]
    # 定西: the column's island, proxy page 1 (45 records, none a report), then page 2
    # which is empty and ends the walk. The family was detected, not given.
    assert len(proxy_pages) == 2
    assert stats["giar/portal/定西/listing_pages"] == 3
    assert stats.get("giar/portal/定西/reports_found", 0) == 0


@pytest.mark.slow
@pytest.mark.parametrize("depth", [2, 1])
@pytest_twisted.ensureDeferred
async def test_sub_columns_are_followed_to_their_reports(tmp_path, depth):
    # Seed 000's tree: 政府信息公开年报 > 街镇 > 双路街道办事处, each a page of its own.
    root = "/zwgk/zfxxgknb/"
    with Site() as site:
        site.routes[root] = (200, HTML, (LISTINGS / "generic_column_root.html").read_text("utf-8"))
        site.routes[root + "jz/"] = (200, HTML, (LISTINGS / "generic_column_jz.html").read_text("utf-8"))
        site.routes[root + "jz/sljd/"] = (200, HTML, (LISTINGS / "generic_column_sljd.html").read_text("utf-8"))
        site.fallback = lambda path: (200, HTML, f"<html><body><h1>{path}</h1>"
                                      + "<p>一、总体情况</p>" * 40 + "</body></html>")
        csv = tmp_path / "portals.csv"
        csv.write_text(
            "name,division_code,province,city,county,level,listing_urls,home_url,cms,needs_browser,source\n"
            f"大足区,,重庆市,,,county,{site.url}{root},,,,test\n", encoding="utf-8")
        settings = crawl_settings(GIAR_MAX_SUBLISTING_DEPTH=depth)
        items, stats = await run_crawl("county_reports", settings, portals=str(csv))
        hits = dict(site.hits)

    urls = {i.url for i in items}
    sljd_report = f"{site.url}{root}jz/sljd/202401/t20240116_2001.html"
    assert f"{site.url}{root}qzf/202401/t20240115_1001.html" in urls  # from the root page
    for sub in ("qzf/", "bm/", "jz/", "2023/"):
        assert root + sub in hits, sub
    assert "/zwgk/tzgg/t20240110_9.html" not in hits  # a notice, not a report
    if depth == 2:
        assert sljd_report in urls  # 年报 > 街镇 > 双路街道办事处 > its report
        assert stats.get("giar/listing/sublisting_limit", 0) == 0
    else:  # the unit columns under 街镇 are one level too deep
        assert sljd_report not in urls and root + "jz/sljd/" not in hits
        assert stats["giar/listing/sublisting_limit"] == 2


@pytest.mark.slow
@pytest_twisted.ensureDeferred
async def test_gkmlpt_column_from_the_url_fragment(tmp_path):
    reply = (LISTINGS / "gkmlpt_api_reply_page1.json").read_text("utf-8").replace(
        "http://whly.gd.gov.cn", "http://127.0.0.1:{port}")
    json_ = {"Content-Type": "application/json"}
    with Site() as site:
        site.routes["/gkmlpt/annualreport"] = (
            200, HTML, (LISTINGS / "gkmlpt_annualreport_shell.html").read_text("utf-8"))
        site.routes["/gkmlpt/api/all/2629?page=1&sid=175"] = (200, json_, reply)
        site.routes["/gkmlpt/api/all/2629?page=2&sid=175"] = (200, json_, '{"articles": []}')
        site.routes["/gkmlpt/api/all/2629?page=3&sid=175"] = (200, json_, '{"articles": []}')
        site.fallback = lambda path: (200, HTML, f"<html><body><h1>{path}</h1>"
                                      + "<p>一、总体情况</p>" * 40 + "</body></html>")
        csv = tmp_path / "portals.csv"
        csv.write_text(
            "name,division_code,province,city,county,level,listing_urls,home_url,cms,needs_browser,source\n"
            f"文旅厅,,广东省,,,county,{site.url}/gkmlpt/annualreport#2629,,,,test\n", encoding="utf-8")
        items, stats = await run_crawl("county_reports", crawl_settings(), portals=str(csv))
        hits = dict(site.hits)

    assert sorted(i.url for i in items) == [
        f"{site.url}/gkmlpt/content/4/4000/post_4000002.html",
        f"{site.url}/gkmlpt/content/4/4100/post_4100001.html",
    ]
    assert hits["/gkmlpt/api/all/2629?page=3&sid=175"] == 1
    assert stats["giar/portal/文旅厅/listing_pages"] == 4  # shell + 3 API pages
