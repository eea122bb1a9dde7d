"""Report facts: title, organ, year, publication date, level, region.

Every pattern is compiled for both scripts: this runs before the script stage converts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import islice

from lxml import etree

from giar_crawler.items import ReportItem
from giar_crawler.parsing.pagetext import inside, text_content
from giar_crawler.parsing.script import compile_both
from giar_crawler.schema import page as vocab

_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_LINE = re.compile(r"^(?:19|20)\d\d-\d{1,2}-\d{1,2}\s+\d{1,2}:\d\d(?!\d)")
_COMPACT_DATE = re.compile(r"^(20\d\d)(\d\d)(\d\d)$")
_GARBLED_DATE = re.compile(r"^(?:20\d{5}|20\d{7,}|20\d\d年\d{1,2}月?|20\d\d[-/.]\d{1,2})$")
_LABELLED_DATE = compile_both(rf"{vocab.DATE_LABEL}\s*[:：]\s*(\S[^\n]{{0,30}})")
_REPORT_WORDS = compile_both(vocab.REPORT_WORDS)
_TAIL = vocab.REPORT_TITLE_TAIL
_ORGAN_THEN_YEAR = compile_both(rf"^(?P<organ>.+?)\s*(?:（|\()?(?P<year>(?:19|20)\d\d)\s*年?度?(?:）|\))?\s*(?:度\s*)?{_TAIL}")
_YEAR_THEN_ORGAN = compile_both(rf"^(?P<year>(?:19|20)\d\d)\s*年度?\s*(?P<organ>.+?){_TAIL}")
_ORGAN_ONLY = compile_both(rf"^(?P<organ>[^\d年]+?){_TAIL}")
_ORGAN_LINE = compile_both(rf"^[^，。,；;:：\d]{{2,40}}(?:{vocab.ORGAN_END})$")
_INTRO_ORGAN = compile_both(r"现将(?P<organ>[^，。,；\s]{2,30}?)\s*(?:20\d\d)\s*年")
# "(?:自|从|期限为?)…" opening with one class (its alternatives' first characters, each checked
# by a lookbehind): re scans for the class fast, instead of trying each alternative everywhere.
_PERIOD_YEAR = compile_both(
    r"[自从期](?:(?<=[自从])|(?<=期)限为?)\s*((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日")
_LEVELS = [(level, compile_both(p)) for level, p in vocab.LEVEL_BY_SUFFIX]
_PLACE = compile_both(rf"[\u4e00-\u9fff]{{1,12}}?{vocab.PLACE_SUFFIX}(?:镇|乡|区|县|街道)?")
_GOV = compile_both(r"人民政府|政府")
_TOP_PLACE = compile_both(r"^[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|自治州|州|盟)(?!镇|乡|街道)")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")
_SENTENCE = re.compile(r"[，。；！？,;]")
_SOURCE = compile_both(r"^来源\s*[:：]\s*(\S{2,40})")
_GENERIC_ORGAN = compile_both(vocab.GENERIC_ORGAN)
_FULLER_ORGAN = compile_both(vocab.FULLER_ORGAN)
_ORGAN_FRAME = compile_both(r"^关于|关于$|的$|[（(]$")  # "关于X2023年…", "X关于2023年…"
_STRIP_TITLE = " \t\r\n\u3000\xa0《》“”\"'"


def _metas(tree) -> list[tuple[str | None, str | None, str]]:
    """(name, property, content) of every <meta>: one pass over the page for all the names."""
    # iter(tag) is //meta in document order, without XPath's walk over every text node.
    return [(m.get("name"), m.get("property"), m.get("content").strip())
            for m in tree.iter("meta") if m.get("content") is not None]


def _meta(tree, names, metas: list | None = None) -> str | None:
    """Content of the first <meta> named (name= or property=) by the first name that has one.
    `metas`: _metas(tree), when already read."""
    if metas is None:
        metas = _metas(tree)
    for name in names:
        for meta_name, meta_property, value in metas:
            if value and name in (meta_name, meta_property):
                return value
    return None


_CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_CN_YEAR = re.compile("[〇零○Ｏ一二三四五六七八九]{4}(?=年)")


def arabic_years(text: str) -> str:
    """'二〇二三年' → '2023年' (titles sometimes write the year in Chinese numerals)."""
    return _CN_YEAR.sub(lambda m: m[0].translate(_CN_DIGITS), text)


def parse_date(raw: str | None) -> str | None:
    """ISO date from '2024-01-16', '2024年1月16日', '2025-03-10 15:35', '20240116'; else None."""
    if not raw:
        return None
    raw = raw.strip()
    m = _DATE.search(raw) or _COMPACT_DATE.match(raw)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


# --- title, organ ------------------------------------------------------------------------


_TITLE_PLACES = (  # (XPath, the same test on an element with a class or an id)
    ("//*[contains(@class, 'article_title')]", lambda el: "article_title" in el.get("class", "")),
    ("//h1", None),
    ("//*[@id='ti']", lambda el: el.get("id") == "ti"),
    ("//*[contains(@class, 'title')]", lambda el: "title" in el.get("class", "")),
    ("//h2", None),
)
_TITLE_XPATHS = [etree.XPath(xpath) for xpath, _ in _TITLE_PLACES]


def _title_elements(tree, named: list | None):
    """The first five elements of each title place, place by place (as needed). `named`: the
    page's elements with a class or an id (in document order), listed before chrome was
    stripped: filtered in Python rather than one XPath over every element per place."""
    for xpath, (_, test) in zip(_TITLE_XPATHS, _TITLE_PLACES, strict=True):
        if named is None or test is None:
            yield xpath(tree)[:5]
        else:
            yield list(islice((el for el in named if test(el) and (el is tree or inside(el, tree))), 5))


def _title_candidates(item: ReportItem, metas: list | None = None, named: list | None = None):
    tree = item.tree
    yield _meta(tree, vocab.META_TITLE, metas)
    for elements in _title_elements(tree, named):
        for el in elements:
            text = " ".join(text_content(el).split())
            if 4 <= len(text) <= 120:
                yield text
    if item.listed_title and not _TRUNCATED.search(item.listed_title):
        yield item.listed_title
    head = tree.findtext(".//title")
    if head and head.strip():
        yield _strip_site(head.strip())
    for line in (item.text or "").split("\n")[:15]:
        if len(line) <= 60 and not _SENTENCE.search(line):  # a headline, not a sentence
            yield line


def _strip_site(title: str) -> str:
    """'X年度报告_某某县人民政府' → 'X年度报告' (the portal's name follows a separator)."""
    for sep in vocab.TITLE_SITE_SEPARATORS:
        head, _, tail = title.partition(sep)
        if tail and _REPORT_WORDS.search(head):
            return head.strip()
    return title


def find_title(item: ReportItem, metas: list | None = None, named: list | None = None) -> str | None:
    first = None
    for candidate in _title_candidates(item, metas, named):
        if not candidate:
            continue
        candidate = candidate.strip(_STRIP_TITLE)
        if _REPORT_WORDS.search(candidate):
            return candidate
        first = first or candidate
    return first


def organ_from_title(title: str | None) -> str | None:
    if not title:
        return None
    title = arabic_years(title.replace(" ", ""))
    for pattern in (_ORGAN_THEN_YEAR, _YEAR_THEN_ORGAN, _ORGAN_ONLY):
        m = pattern.search(title)
        if m:
            organ = _ORGAN_FRAME.sub("", m["organ"].strip(_STRIP_TITLE))
            if _is_organ(organ):
                return organ
    return None


def _is_organ(name: str | None) -> bool:
    return bool(name) and len(name) >= 2 and "年" not in name and not _GENERIC_ORGAN.match(name)


def source_organ(item: ReportItem, page_lines: list[str], metas: list | None = None) -> str | None:
    """The page's 来源 (meta ContentSource or a '来源：' label) when it names an agency."""
    candidates = [_meta(item.tree, ("ContentSource", "source"), metas)]
    for line in page_lines[:200]:
        if "源" not in line:  # in 来源 and 來源: no part of the line can match
            continue
        for part in line.split():
            m = _SOURCE.match(part)
            if m:
                candidates.append(m[1])
    for name in candidates:
        if name and _ORGAN_LINE.match(name) and _is_organ(name):
            return name
    return None


def find_organ(title: str | None, text: str, source: str | None = None) -> str | None:
    """The reporting agency: the title's (completed by the 来源 when that only adds 人民政府 or
    办事处), else the 来源, else the signature, else the introduction."""
    organ = organ_from_title(title)
    if organ:
        if source and source.startswith(organ) and _FULLER_ORGAN.fullmatch(source[len(organ):]):
            return source
        return organ
    if source:
        return source
    for line in _last_lines(text, 8):
        if _ORGAN_LINE.match(line) and "\t" not in line and _is_organ(line):
            return line
    m = _INTRO_ORGAN.search(text[:3000])
    if m and _is_organ(m["organ"]):
        return m["organ"]
    return None


def _last_lines(text: str, count: int) -> list[str]:
    """The last `count` non-blank lines, stripped, last first."""
    out: list[str] = []
    for line in reversed(text.split("\n")):
        line = line.strip()
        if line:
            out.append(line)
            if len(out) == count:
                break
    return out


# --- year, published ---------------------------------------------------------------------


def year_from_text(text: str) -> int | None:
    """The statistics period ('自2023年1月1日起'), else a clearly dominant year."""
    m = _PERIOD_YEAR.search(text[:5000])
    if m:
        return int(m[1])
    counts = Counter(int(y) for y in _YEAR.findall(text[:5000])).most_common(2)
    if counts and counts[0][1] >= 3 and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]):
        return counts[0][0]
    return None


@dataclass
class Published:
    date: str | None = None
    source: str | None = None
    garbled: str | None = None  # a date written wrongly on the page, kept raw


def find_published(item: ReportItem, page_lines: list[str], metas: list | None = None) -> Published:
    result = Published()
    meta = _meta(item.tree, vocab.META_DATE, metas)
    if meta:
        parsed = parse_date(meta)
        if parsed:
            return Published(parsed, "meta")
        result.garbled = meta
    for line in page_lines:
        m = _LABELLED_DATE.search(line)
        if m:
            parsed = parse_date(m[1])
            if parsed:
                return Published(parsed, "page", result.garbled)
            if _GARBLED_DATE.match(m[1].strip()):
                result.garbled = result.garbled or m[1].strip()
    for line in page_lines[:300]:  # an unlabelled date-and-time line: '2023-02-26 18:01 来源：…'
        if len(line) <= 60 and _DATE_LINE.match(line):
            return Published(parse_date(line), "page", result.garbled)
    listed = parse_date(item.listed_date)
    if listed:
        return Published(listed, "listing", result.garbled)
    return result


def garbled_dates(text: str) -> list[str]:
    """Lines that are a date missing separators or parts ('2024112'): flagged, never guessed."""
    return [ln.strip() for ln in text.split("\n")[-12:] if _GARBLED_DATE.match(ln.strip())]


# --- level, region -------------------------------------------------------------------------


def level_of(organ: str | None) -> str | None:
    if not organ:
        return None
    name = organ.strip()
    if any(name in (m, m + "人民政府") for m in vocab.MUNICIPALITIES):
        return "province"
    for level, pattern in _LEVELS:
        if pattern.search(name):
            return level
    return None


def region_of(organ: str | None) -> str | None:
    """Place names leading the organ: '重庆市大足区人民政府双路街道办事处' → '重庆市大足区双路街道'."""
    if not organ:
        return None
    name = _GOV.sub("", organ)
    places, pos = [], 0
    while m := _PLACE.match(name, pos):
        if m[0] in vocab.NOT_PLACES:
            break
        places.append(m[0])
        pos = m.end()
    return "".join(places) or None


def full_region(organ_region: str | None, portal: dict) -> str | None:
    """The organ's places under the portal's: 林校路街道 on 样例区's portal → 样例省样例市样例区林校路街道.

    An organ region that starts at a province or city (上海市…) stands on its own: a portal
    can link other governments' reports.
    """
    parts = [p for p in (portal.get(k) for k in ("province", "city", "county")) if p]
    if not organ_region:
        return "".join(parts) or None
    if _TOP_PLACE.match(organ_region):
        return organ_region
    return "".join(p for p in parts if p not in organ_region) + organ_region


# --- the whole record ----------------------------------------------------------------------


def fill(item: ReportItem, page_lines: list[str], named: list | None = None) -> None:
    """Title, organ, year, published date, level and region; flags for doubtful values.

    `named`: the page's elements with a class or an id, as listed before chrome was stripped
    (content.PageText.named), to find title elements without scanning the page again."""
    text = item.text or ""
    metas = _metas(item.tree)
    item.title = find_title(item, metas, named)
    item.organ = find_organ(item.title, text, source_organ(item, page_lines, metas))
    published = find_published(item, page_lines, metas)
    if not item.has_flag("content_farm"):  # a farm's date is its upload time, not the report's
        item.published, item.published_source = published.date, published.source
    garbled = ([published.garbled] if published.garbled else []) + garbled_dates(text)
    if garbled:
        item.flag("date_garbled", "; ".join(dict.fromkeys(garbled)))

    m = _YEAR.search(arabic_years(item.title or ""))
    if m:
        item.year, item.year_source = int(m[1]), "title"
    elif (year := year_from_text(text)) is not None:
        item.year, item.year_source = year, "text"
    elif item.published and not item.has_flag("content_farm"):
        # A farm's date is the copy's, not the report's: no year rather than a wrong one.
        item.year, item.year_source = int(item.published[:4]) - 1, "published"

    portal = item.portal or {}
    item.level = level_of(item.organ) or portal.get("level") or None
    item.region = full_region(region_of(item.organ), portal)
