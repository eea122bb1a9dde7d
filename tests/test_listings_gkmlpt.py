"""Guangdong gkmlpt: the SPA shell leads to the JSON API (synthetic fixtures, documented shape)."""

from giar_crawler.listings import ListingPage, detect_family, gkmlpt
from tests.conftest import FIXTURES

LISTINGS = FIXTURES / "listings"
SHELL_URL = "http://whly.gd.gov.cn/gkmlpt/annualreport#2629"
API_URL = "http://whly.gd.gov.cn/gkmlpt/api/all/2629?page=1&sid=175"


def test_shell_asks_the_api_for_its_column():
    shell = ListingPage(SHELL_URL, (LISTINGS / "gkmlpt_annualreport_shell.html").read_text("utf-8"))
    assert detect_family(shell).FAMILY == "gkmlpt"
    assert gkmlpt.links(shell) == []
    (req,) = gkmlpt.next_pages(shell)
    assert (req.url, req.kind) == (API_URL, "api")


def test_reply_articles_and_the_pages_still_to_fetch():
    text = (LISTINGS / "gkmlpt_api_reply_page1.json").read_text("utf-8")
    a, b = gkmlpt.links_from_reply(API_URL, text)
    assert a.kind == b.kind == "report"
    assert a.url == "http://whly.gd.gov.cn/gkmlpt/content/4/4100/post_4100001.html"
    assert a.date == "2024-02-01"  # unix 1706716800 = 2024-02-01 00:00 Beijing time
    assert b.date == "2023-01-30"  # from created_at
    # post_count 5, two per reply → pages 2 and 3; later replies ask for nothing more.
    pages = gkmlpt.next_from_reply(API_URL, text)
    assert [p.url for p in pages] == [API_URL.replace("page=1", f"page={k}") for k in (2, 3)]
    page2 = API_URL.replace("page=1", "page=2")
    assert gkmlpt.next_from_reply(page2, text) == []


def test_shell_without_column_or_broken_reply():
    text = (LISTINGS / "gkmlpt_annualreport_shell.html").read_text("utf-8")
    assert gkmlpt.next_pages(ListingPage("http://whly.gd.gov.cn/gkmlpt/index", text)) == []
    assert gkmlpt.links_from_reply(API_URL, "<html>404</html>") == []
    assert gkmlpt.next_from_reply(API_URL, "{}") == []


def test_column_found_in_the_embedded_tree():
    # Without #column in the URL, the column tree the shell embeds names it (synthetic tree).
    text = ("<script>window._CONFIG = { SID: '175', TREE: [{\"id\": 2600, \"name\": \"政策文件\","
            " \"parent\": 0}, {\"id\": 2629, \"name\": \"政府信息公开年报\", \"parent\": 0}] };</script>")
    (req,) = gkmlpt.next_pages(ListingPage("http://whly.gd.gov.cn/gkmlpt/index", text))
    assert req.url == API_URL
    no_report = text.replace("政府信息公开年报", "人事信息")
    assert gkmlpt.next_pages(ListingPage("http://whly.gd.gov.cn/gkmlpt/index", no_report)) == []
