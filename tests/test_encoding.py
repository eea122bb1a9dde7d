"""Decoding: BOM → header → <meta> → detection; wrong declarations caught; one clean text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from giar_crawler.parsing.encoding import (
    canonical,
    decode_html,
    lost_characters,
    meta_charset,
    strip_lost_padding,
)
from tests.seedpages import SAMPLES, fixture_exchange, process, report_page, seed_lines

SEED_004 = seed_lines("004")
TITLE_004 = "武汉东湖新技术开发区左岭街道2021年政府信息公开工作年度报告"


def _page(head: str = "", lines=SEED_004, title=TITLE_004) -> str:
    return report_page(lines, title, head=head)


# Pages × byte encodings × declarations. Each case: (html, encoding of the bytes, header).
GBK_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
GBK_META_MALFORMED = '<meta httpequiv="ContentType" content="text/html; charset=gbk">'
UTF8_META = '<meta charset="utf-8">'
SCRIPT_CHARSET = '<script charset="gb2312" src="/js/jfzh.js"></script>'
CASES = {
    "utf8 right header": (UTF8_META, "utf-8", "text/html; charset=utf-8"),
    "utf8 no declaration": ("", "utf-8", None),
    "utf8 header says gbk": (UTF8_META, "utf-8", "text/html; charset=gbk"),
    "utf8 meta says gbk, no header": (GBK_META, "utf-8", None),
    "gbk meta gb2312": (GBK_META, "gb18030", "text/html"),
    "gbk malformed httpequiv meta": (GBK_META_MALFORMED, "gb18030", None),
    "gbk no declaration": ("", "gb18030", None),
    "gbk header says utf-8": (GBK_META, "gb18030", "text/html; charset=utf-8"),
    "gbk header says iso-8859-1": (GBK_META, "gb18030", "text/html; charset=ISO-8859-1"),
    "gbk, only a script charset=utf-8": ('<script charset="utf-8" src="a.js"></script>', "gb18030", None),
    "gbk declared gb2312 with GBK-only 镕": (GBK_META, "gb18030", "text/html; charset=GB2312"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_declaration_decodes_to_the_same_page(case):
    head, enc, header = CASES[case]
    source = _page(head + SCRIPT_CHARSET, lines=[*SEED_004, "朱镕基同志、陶喆先生"])
    decoded = decode_html(source.encode(enc), header)
    assert decoded.text == source
    assert decoded.encoding == ("utf-8" if enc == "utf-8" else "gb18030")


def test_wrong_header_is_flagged_and_detection_names_the_source():
    source = _page(GBK_META)
    decoded = decode_html(source.encode("gb18030"), "text/html; charset=ISO-8859-1")
    assert decoded.source == "meta"
    assert ("encoding_declared_wrong", "header said cp1252") in decoded.flags
    undeclared = decode_html(_page("").encode("gb18030"), None)
    assert undeclared.source == "detected"


def test_header_wins_over_meta_when_both_fit():
    decoded = decode_html(_page(UTF8_META).encode("utf-8"), "text/html; charset=UTF-8")
    assert (decoded.encoding, decoded.source) == ("utf-8", "header")


def test_bom_comes_first():
    source = _page(GBK_META)
    decoded = decode_html(b"\xef\xbb\xbf" + source.encode("utf-8"), "text/html; charset=gbk")
    assert (decoded.text, decoded.encoding, decoded.source) == (source, "utf-8", "bom")


def test_big5_traditional_page_with_and_without_declarations():
    trad = OpenCC("s2tw").convert(_page(""))  # Taiwan forms: all in Big5
    body = trad.encode("big5hkscs")
    for header in (None, "text/html; charset=big5", "text/html; charset=utf-8",
                   "text/html; charset=gb2312"):
        decoded = decode_html(body, header)
        assert decoded.text == trad, header
        assert decoded.encoding == "big5hkscs"


def test_canonical_widens_subsets():
    assert canonical("GB2312") == "gb18030"
    assert canonical("gbk") == "gb18030"
    assert canonical("x-gbk") == "gb18030"
    assert canonical("Big5") == "big5hkscs"
    assert canonical("no-such-charset") is None


def test_meta_charset_ignores_script_charset():
    body = b'<html><head><script charset="gb2312" src="x.js"></script><meta charset="utf-8">'
    assert meta_charset(body) == "utf-8"
    assert meta_charset(b'<script charset="gb2312"></script>') is None


def test_undecodable_bytes_are_flagged_not_dropped():
    body = ("<p>" + "政府信息公开" * 50 + "</p>").encode("utf-8")
    body = body[:40] + b"\xff\xfe\xfd\xfc" * 40 + body[40:]
    decoded = decode_html(body, "text/html; charset=utf-8")
    assert any(code in {"undecodable", "decode_errors"} for code, _ in decoded.flags)
    assert "政府信息公开" in decoded.text


def test_a_stray_bad_byte_does_not_lose_the_encoding():
    body = _page(GBK_META).encode("gb18030")
    cut = body.index("<p>一、总体情况".encode("gb18030"))
    body = body[:cut] + b"\x81" + body[cut:]  # a lone GB18030 lead byte before '<'

    decoded = decode_html(body, None)
    assert decoded.encoding == "gb18030"
    assert ("decode_errors", "1 bytes undecodable as gb18030") in decoded.flags
    assert "总体情况" in decoded.text


def test_seed_000_question_marks_are_characters_lost_at_the_source():
    text = "\n".join(seed_lines("000"))
    assert lost_characters(text) >= 5
    cleaned = strip_lost_padding(text)
    assert "\n二、主动公开政府信息情况\n" in cleaned  # was '??二、主动公开…'
    assert "\n重庆市大足区人民政府双路街道办事处\n" in cleaned  # was '???…重庆市…'
    assert lost_characters("是否公开？依法答复。2023年") == 0


# The whole chain: every encoding of a page gives the same clean text.
PAGES = {
    "seed 004": (_page, "utf-8"),
    "pingtan sample": (lambda head: (SAMPLES / "pingtan_2024_annual_report_trs_fujian.html")
                       .read_text(encoding="utf-8").replace('<meta charset="utf-8"', f"{head}<meta ", 1),
                       "utf-8"),
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_clean_text_is_identical_across_encodings(page):
    build, _ = PAGES[page]
    reference = process(build(UTF8_META).encode("utf-8"), headers={"content-type": "text/html"})
    assert len(reference.text) > 1000
    variants = [
        (build(GBK_META).encode("gb18030"), {"content-type": "text/html; charset=utf-8"}),
        (build(GBK_META_MALFORMED).encode("gb18030"), {}),
        (build("").encode("gb18030"), {"content-type": "text/html; charset=ISO-8859-1"}),
        (build(GBK_META).encode("utf-8"), {"content-type": "text/html; charset=gbk"}),
    ]
    for body, headers in variants:
        item = process(body, headers=headers)
        assert item.text == reference.text, headers
        assert item.sections == reference.sections


# Fixture report pages (fixtures/README.md): their own bytes, then the same page re-encoded
# into the other encodings the fixtures use, under wrong or missing declarations.
FIXTURE_REPORT_URLS = (
    "http://www.fixture-county.test/zwgk/zfxxgknb/202401/t20240116_1800123.html",  # gb2312
    ("http://big5.fixture-county.test/gate/big5/www.fixture-county.test/zwgk/zfxxgknb/202401/"
    "t20240126_1800466.html"),  # big5
    "http://xxgk.fixture-county.test/jdxxgk/lxljd/zfxxgknb/202401/t20240119_1800301.html",  # utf-8
    "http://www.fixture-county.test/zwgk/zfxxgknb/202201/t20220120_1500877.html",  # gbk, header utf-8
    "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm",  # utf-8
    "http://www.fixture-county.test/zwgk/zfxxgknb/202001/t20200131_3000019.html",  # gb2312, no meta
)


@pytest.mark.parametrize("url", FIXTURE_REPORT_URLS)
def test_fixture_pages_give_one_clean_text_in_every_encoding(url):
    body, headers = fixture_exchange(url)
    reference = process(body, url=url, headers=headers)
    assert "undecodable" not in {f["code"] for f in reference.flags}
    html = reference.html
    variants = [("utf-8", "text/html; charset=gbk"), ("utf-8", None),
                ("gb18030", "text/html; charset=utf-8"), ("gb18030", "text/html; charset=ISO-8859-1")]
    if reference.script == "traditional":
        variants.append(("big5hkscs", "text/html; charset=gb2312"))
    for enc, header in variants:
        item = process(html.encode(enc), url=url, headers={"content-type": header} if header else {})
        assert item.text == reference.text, (enc, header)
        assert (item.title, item.organ, item.year) == (reference.title, reference.organ, reference.year)


def test_short_utf8_page_under_a_gbk_header():
    source = "<html><body><p>政府信息公开年报</p><p>暂无内容</p></body></html>"
    decoded = decode_html(source.encode("utf-8"), "text/html; charset=gbk")
    assert decoded.text == source


@settings(max_examples=60, deadline=None)
@given(body=st.binary(max_size=400), header=st.sampled_from(
    [None, "text/html", "text/html; charset=utf-8", "text/html; charset=gbk",
     "text/html; charset=ISO-8859-1", "text/html; charset=bogus"]))
def test_any_bytes_decode_without_raising(body, header):
    decoded = decode_html(body, header)
    assert isinstance(decoded.text, str)
    assert decoded.encoding


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("<>/=\"' 一、二总体情况主动公开表tdr?\ufffd扫一扫年")),
                    max_size=300))
def test_any_markup_goes_through_the_stages_without_a_stage_error(text):
    item = process(text.encode("utf-8"))
    assert not any(f["code"] == "stage_error" for f in item.flags)
    assert item.tree is not None


def test_decode_stage_takes_over_the_spiders_decoding():
    # The spider decodes pages that link files; the stage must not decode them again.
    from giar_crawler.items import ReportItem
    from giar_crawler.parsing.encoding import Decoded
    from giar_crawler.pipelines.decode import decode

    page = "<html><body><p>已解码</p></body></html>"
    item = ReportItem(url="http://x.gov.cn/a.html", body=b"\xff\xfe not these bytes",
                      decoded=Decoded(page, "gb18030", "meta"))
    decode(item)
    assert (item.html, item.encoding, item.encoding_source) == (page, "gb18030", "meta")
    assert item.tree.findtext(".//p") == "已解码"
    assert item.decoded is None  # not kept for the rest of the item's life
