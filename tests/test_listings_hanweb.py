"""Hanweb 大汉: the real dataproxy reply from 定西 (45 records) and the in-page island."""

from giar_crawler.listings import ListingPage, detect_family, hanweb
from giar_crawler.listings.base import query_value
from tests.conftest import FIXTURES

LISTINGS = FIXTURES / "listings"
HOST = "http://zwgk.dingxi.gov.cn"
WEBNAME = (
    "%25E5%25AE%259A%25E8%25A5%25BF%25E5%25B8%2582%25E6%2594%25BF%25E5%25BA%259C%25E4%25BF"
    "%25A1%25E6%2581%25AF%25E5%2585%25AC%25E5%25BC%2580%25E5%25B9%25B3%25E5%258F%25B0"
)
REPLY_URL = (f"{HOST}/module/web/jpage/dataproxy.jsp?page=1&appid=1&appid=1&webid=110&path=/"
             f"&columnid=12377&unitid=38486&webname={WEBNAME}&permissiontype=0")


def reply():
    return (LISTINGS / "hanweb_dingxi_dataproxy_reply.xml").read_text(encoding="utf-8")


def test_reply_records():
    records = hanweb.links_from_reply(REPLY_URL, reply())
    assert len(records) == 45
    first = records[0]
    assert first.url == f"{HOST}/art/2022/1/20/art_12377_1486865.html"
    assert first.title == "定西市“春节”文明祭祀倡议书"
    assert first.date == "2022-01-20"
    # One record links to another column (art_12480) with a full URL; kept as given.
    assert f"{HOST}/art/2021/11/4/art_12480_1461862.html" in [r.url for r in records]
    # A notices column: "2021年度政府网站年度工作报表" is a website report, not ours.
    assert not any(r.kind == "report" for r in records)


def test_reply_asks_for_the_next_page_by_page_number():
    (nxt,) = hanweb.next_from_reply(REPLY_URL, reply())
    assert nxt.kind == "api"
    assert query_value(nxt.url, "page") == "2"
    assert "startrecord" not in nxt.url
    # The double-encoded webname goes back exactly as the server wrote it.
    assert f"webname={WEBNAME}" in nxt.url


def test_empty_reply_or_last_page_ends_the_walk():
    assert hanweb.next_from_reply(REPLY_URL, "<datastore><recordset></recordset></datastore>") == []
    last = reply().replace("<recordset>", "<totalpage>1</totalpage><recordset>", 1)
    assert hanweb.next_from_reply(REPLY_URL, last) == []


def test_in_page_island():
    url = f"{HOST}/col/col12377/index.html"
    listing = ListingPage(url, (LISTINGS / "hanweb_dingxi_column_inpage.html").read_text("utf-8"))
    assert detect_family(listing).FAMILY == "hanweb"
    assert len(hanweb.links(listing)) == 45  # invisible to an HTML-only parser
    (start,) = hanweb.next_pages(listing)
    assert start.kind == "api"
    assert start.url.startswith(f"{HOST}/module/web/jpage/dataproxy.jsp?")
    assert query_value(start.url, "page") == "1"
    assert query_value(start.url, "columnid") == "12377"


def test_jpage_init_without_nextgroup():
    # The older form (南通, cms_patterns §3): records in a JS array, proxy in jpage() options.
    text = ("<div id='49468'></div><script>$('#49468').jpage({totalRecord:1418,"
            "proxyUrl:'/module/jslib/jquery/jpage/dataproxy.jsp',perPage:25,"
            "ajaxParam:{col:1,appid:'1',webid:60,path:'/',columnid:30067,unitid:'49468',"
            "permissiontype:0}});</script>")
    listing = ListingPage("http://www.ntzfcg.gov.cn/col/col30067/index.html", text)
    assert hanweb.detect(listing)
    (start,) = hanweb.next_pages(listing)
    assert start.url.startswith("http://www.ntzfcg.gov.cn/module/jslib/jquery/jpage/dataproxy.jsp?")
    assert query_value(start.url, "page") == "1"
    assert query_value(start.url, "unitid") == "49468"
    assert query_value(start.url, "webid") == "60"
