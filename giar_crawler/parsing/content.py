"""Locate the report body in a page, strip site chrome from it, and turn it into clean text.

Everything works on the one lxml tree the decode stage built; chrome is removed from that
tree, so the tables stage sees the same clean element the text came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

import lxml.etree

from giar_crawler.parsing import sections
from giar_crawler.parsing.script import compile_both
from giar_crawler.schema import page as vocab

_CHROME_STRONG = compile_both(vocab.CHROME_STRONG, re.IGNORECASE)
_CHROME_ANY = compile_both(f"{vocab.CHROME_STRONG}|{vocab.CHROME_WEAK}", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")
_CODE_LINE = re.compile(vocab.CODE_LINE)
_SPAM = compile_both(vocab.SPAM, re.IGNORECASE)
_ATTACHMENT_BLOCK = compile_both(vocab.ATTACHMENT_BLOCK)
_ABUSE_FORM = compile_both(vocab.REPORT_ABUSE)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_CHROME_TOKENS = frozenset(vocab.CHROME_CLASS)
_ATTACHMENT_NAME = re.compile("|".join(map(re.escape, vocab.ATTACHMENT_CLASS)))  # substrings
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

# Elements with no report text (inputs stay: they carry no text, and show a login wall).
_DROP_TAGS = frozenset(("script", "style", "noscript", "iframe", "object", "embed", "button",
                        "select", "textarea", "canvas", "svg", "link", "meta"))
# Read as lines of their own (inside a table cell: set off by spaces).
_BLOCK_TAGS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "section", "article", "center", "blockquote", "pre", "hr", "form", "header",
    "footer", "nav", "main", "aside", "tbody", "thead", "tfoot", "caption", "tr", "td", "th"))
_TEXT_BLOCKS = ("p", "div", "span", "li", "a", "font", "center", "h1", "h2", "h3", "h4", "h5",
                "h6", "strong", "b", "section", "dl", "dd", "dt", "ul", "form")
_TEXT_BLOCK_SET = frozenset(_TEXT_BLOCKS)
_PROTECTED_TEXT = 300  # a block with this much text is report, whatever its class says


@dataclass
class Body:
    element: object
    how: str  # "container <selector>", "headings", "density" or "page"
    headings: int = 0  # section headings found in it
    raw_text: str | None = None  # its text before chrome is stripped (chrome lines kept)
    # Table rows of the page as rendered so far, reused by later readings of the same tree.
    # Valid while nothing inside a table changes: live no longer than one content stage.
    rows: dict = field(default_factory=dict, repr=False)

    def lines(self) -> list[str]:
        if self.raw_text is None:
            self.raw_text = clean_text(self.element, drop_chrome=False, rows=self.rows)
        return self.raw_text.split("\n")


@dataclass
class Stripped:
    attachments: list[dict[str, str]] = field(default_factory=list)
    spam: list[str] = field(default_factory=list)  # injected gambling lines found and removed
    removed: int = 0  # blocks of chrome (with text) removed


def is_chrome_line(line: str) -> bool:
    """A short line of site furniture (QR widget, footer, breadcrumb, print/close controls)."""
    if len(line) > vocab.CHROME_LINE_MAX:
        return bool(_CODE_LINE.search(line))
    return _short_chrome_line(line)


@lru_cache(maxsize=4096)  # a block's text is tested when stripping, then again as a line
def _short_chrome_line(line: str) -> bool:
    if _CODE_LINE.search(line):
        return True
    if not _CHROME_ANY.search(line):
        return False
    if _CHROME_STRONG.search(line):
        return True
    return len(_HAN.findall(_CHROME_ANY.sub("", line))) <= vocab.CHROME_LEFTOVER


def is_spam_line(line: str) -> bool:
    """Gambling spam injected into a hacked page: a short line naming a betting site."""
    return len(line) <= vocab.SPAM_LINE_MAX and bool(_SPAM.search(line))


def short_text(el, limit: int = 80) -> str | None:
    """The element's text when it is short; None as soon as it passes the limit."""
    if not len(el):  # a leaf (most elements): its text is all there is
        raw = el.text or ""
        if len(raw) > limit * 3:
            return None
        text = " ".join(raw.split())
        return text if len(text) <= limit else None
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > limit * 3:
            return None
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None


def _names(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _tokens(el) -> set[str]:
    return {t.lower() for t in _TOKEN_SPLIT.split(_CAMEL.sub("_", _names(el))) if t}


def _attachment_named(el) -> bool:
    return bool(_ATTACHMENT_NAME.search(_names(el).lower()))


# --- locating the body -----------------------------------------------------------------


def find_body(tree) -> Body:
    """The element holding the report: a known CMS container, else the block holding the six
    section headings, else the densest block of non-link text, else the <body>."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    rows: dict = {}
    picked = _from_containers(tree, rows)
    if picked is not None and picked.headings >= 3:
        return picked
    # No container, or one without the report's headings (a summary box): follow the headings.
    heading_block = _around_headings(root)
    if heading_block is not None:
        return Body(heading_block, "headings", rows=rows)
    if picked is not None:
        return picked
    dense = _densest(root)
    if dense is not None:
        return Body(dense, "density", rows=rows)
    return Body(root, "page", rows=rows)


def _selector(text: str) -> tuple[str | None, str | None, frozenset[str]]:
    """'.view.TRS_UEDITOR' → (tag, id, classes)."""
    parts = re.findall(r"([#.]?)([\w-]+)", text)
    tag = next((name for mark, name in parts if not mark), None)
    ident = next((name for mark, name in parts if mark == "#"), None)
    return tag, ident, frozenset(name for mark, name in parts if mark == ".")


_CONTAINERS = [_selector(s) for s in vocab.CONTAINERS]
# An element a selector matches has its tag, its id or one of its classes.
_CONTAINER_TAGS = {tag for tag, _, _ in _CONTAINERS if tag}
_CONTAINER_IDS = {ident for _, ident, _ in _CONTAINERS if ident}
_CONTAINER_CLASSES = {name for _, _, classes in _CONTAINERS for name in classes}
_NAMED_OR_ARTICLE = lxml.etree.XPath(
    "descendant-or-self::*[@class!='' or @id!='' or self::article]"
)


def _container_rank(el) -> int | None:
    classes = set(el.get("class", "").split())
    ident = el.get("id")
    if (ident not in _CONTAINER_IDS and el.tag not in _CONTAINER_TAGS
            and classes.isdisjoint(_CONTAINER_CLASSES)):
        return None  # most elements: no selector can match
    for rank, (tag, want_id, want_classes) in enumerate(_CONTAINERS):
        if ((tag is None or el.tag == tag) and (want_id is None or ident == want_id)
                and want_classes <= classes):
            return rank
    return None


def _from_containers(tree, rows: dict) -> Body | None:
    """The most specific container holding the section headings; else the best one found."""
    found = []
    for el in _NAMED_OR_ARTICLE(tree):  # in document order, filtered in C
        rank = _container_rank(el)
        if rank is not None:
            found.append((rank, el))
    candidates = []
    for rank, el in sorted(found, key=lambda c: c[0]):
        text = clean_text(el, drop_chrome=False, rows=rows)
        if len(text) < 20:
            continue
        headings = len(sections.headings_in(text))
        body = Body(el, f"container {vocab.CONTAINERS[rank]}", headings, text, rows)
        if headings >= 3:
            return body
        candidates.append(body)
    # No container holds the report's headings: the longest of the most specific ones.
    return max(candidates, key=lambda b: len(b.raw_text or ""), default=None)


def _around_headings(root):
    """Lowest common ancestor of the blocks that carry section headings (at least three)."""
    carriers, keys = [], set()
    for el in root.iter(*_TEXT_BLOCKS, "td", "th"):
        text = short_text(el, 60)
        hit = sections.heading_key(text) if text else None
        if hit:
            carriers.append(el)
            keys.add(hit[0])
    if len(keys) < 3:
        return None
    common = list(carriers[0].iterancestors())
    for el in carriers[1:]:
        ancestors = set(el.iterancestors())
        common = [a for a in common if a in ancestors]
    return common[0] if common else None


def _densest(root):
    """Deepest block holding most of the page's non-link text (link lists are chrome)."""
    sizes: dict = {}

    def measure(el) -> int:
        if not isinstance(el.tag, str) or el.tag in _DROP_TAGS:
            return 0
        own = 0 if el.tag == "a" else len((el.text or "").strip())
        for child in el:
            own += measure(child) + len((child.tail or "").strip())
        sizes[el] = own
        return own

    total = measure(root)
    if total < 200:
        return None
    best, depth = None, -1
    for el, size in sizes.items():
        if size >= 0.7 * total and el.tag in {"div", "td", "article", "section", "main"}:
            d = sum(1 for _ in el.iterancestors())
            if d > depth:
                best, depth = el, d
    return best


# --- stripping chrome ------------------------------------------------------------------


def _protected(el) -> bool:
    """Never strip what holds report content: a table, a section heading, or much text."""
    if el.tag == "table" or el.find(".//table") is not None:
        return True
    text = short_text(el, _PROTECTED_TEXT)
    return text is None or bool(sections.headings_in(text))


def _is_attachment_block(el, text: str | None) -> bool:
    if _attachment_named(el):
        return True
    return bool(text and _ATTACHMENT_BLOCK.match(text) and el.find(".//a") is not None)


def attachment_links(el, base: str) -> list[dict[str, str]]:
    """Links to documents (PDF, Word, Excel…) or labelled 附件, as {"url", "title"}."""
    out = []
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        title = " ".join((a.text_content() or a.get("title") or "").split())
        path = href.split("?", 1)[0].lower()
        if path.endswith(vocab.ATTACHMENT_EXT) or title.startswith("附件"):
            out.append({"url": urljoin(base, href), "title": title or a.get("title", "")})
    return out


def strip_chrome(content, base: str = "") -> Stripped:
    """Remove furniture from the body element in place; keep attachment links as data.

    Walks top-down so a removed block's descendants are never looked at, and never enters a
    table: tables are report data.
    """
    result = Stripped(attachments=attachment_links(content, base))
    _strip(content, result)
    return result


def _strip(el, result: Stripped) -> None:
    for child in list(el):
        tag = child.tag
        if not isinstance(tag, str) or tag == "table":
            continue
        if tag in _DROP_TAGS:  # no text: what the body reads is unchanged
            child.drop_tree()
        elif tag in _TEXT_BLOCK_SET and _is_chrome(child, result):
            result.removed += 1
            child.drop_tree()
        else:
            _strip(child, result)


def _is_chrome(el, result: Stripped) -> bool:
    text = short_text(el, vocab.CHROME_LINE_MAX)
    if text and is_spam_line(text):
        result.spam.append(text)
    elif not (
        el.tag == "form"
        or bool(_tokens(el) & _CHROME_TOKENS)
        or bool(text and (is_chrome_line(text) or _ABUSE_FORM.search(text)))
        or _is_attachment_block(el, text)
    ):
        return False
    return not _protected(el)


def _in_tree(el, root) -> bool:
    return any(a is root for a in el.iterancestors())


def page_attachments(tree, content, base: str) -> list[dict[str, str]]:
    """Attachment blocks outside the body (TRS puts 附件下载 beside the editor div)."""
    out = []
    for el in tree.iter("div", "ul", "p", "span", "dl", "section"):
        if _attachment_named(el) and not _in_tree(el, content):
            out.extend(attachment_links(el, base))
    return out


# --- clean text ------------------------------------------------------------------------


def clean_text(element, drop_chrome: bool = True, skip=None, rows: dict | None = None) -> str:
    """Text of an element: one block per line, table rows as tab-separated cells.

    `skip`: a descendant left out (the body, when reading the page around it).
    `rows`: table rows already rendered from this tree (see Body.rows); filled as read."""
    if element is None:
        return ""
    parts: list[str] = []
    _walk(element, parts, skip=skip, rows=rows)
    # Tabs in the page's own text are indentation; cells are joined by _CELL_SEP.
    return clean_lines(_spaces("".join(parts)).replace(_CELL_SEP, "\t"), drop_chrome)


def clean_lines(text: str, drop_chrome: bool = True) -> str:
    """Normalise lines (and drop chrome lines). Idempotent: text read with chrome kept can
    be filtered later without walking the tree again."""
    lines = []
    for raw in text.split("\n"):
        if "\t" in raw:  # a table row: keep empty cells so columns stay aligned
            line = "\t".join(" ".join(cell.split()) for cell in raw.split("\t"))
            if line.strip():
                lines.append(line)
            continue
        line = " ".join(raw.split())
        if line and not (drop_chrome and (is_chrome_line(line) or is_spam_line(line))):
            lines.append(line)
    return "\n".join(lines)


_CELL_SEP = "\x1f"
# Tabs and wide spaces become spaces; CR and zero-width characters go. str.replace in C is
# several times faster than str.translate on CJK text.
_SPACES = (("\t", " "), ("\xa0", " "), ("\u3000", " "), ("\r", ""), ("\u200b", ""),
           ("\ufeff", ""))


def _spaces(text: str) -> str:
    for old, new in _SPACES:
        if old in text:
            text = text.replace(old, new)
    return text
_CJK_CHAR = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
_CJK_GAP = re.compile(rf"(?<={_CJK_CHAR}) (?={_CJK_CHAR})")


def cell_text(cell) -> str:
    """A table cell on one line: '商业</p><p>企业' → '商业企业'."""
    if len(cell):
        parts: list[str] = []
        _walk(cell, parts, in_cell=True)
        raw = "".join(parts)
    else:  # most cells: no children, no walk; the tail, as the walk reads it
        raw = f"{cell.text or ''} {cell.tail or ''}"
    text = " ".join(_spaces(raw).split())
    return _CJK_GAP.sub("", text) if " " in text else text


def _layout_row(tr) -> bool:
    """A row of a page-layout table (old TRS sites): it holds tables or whole articles."""
    return tr.find(".//table") is not None or len(tr.text_content()) > 1000


def _row(tr, rows: dict | None) -> str:
    """A table row on one line of cells; "" for a row of a layout table (walked as blocks)."""
    line = rows.get(tr) if rows is not None else None
    if line is None:
        if _layout_row(tr):
            line = ""
        else:
            cells = [cell_text(c) for c in tr if c.tag == "td" or c.tag == "th"]
            line = "\n" + _CELL_SEP.join(cells) + "\n"  # a one-cell row is a plain line
        # Only rows inside a table: strip_chrome never changes a table, so they stay valid.
        if rows is not None and next(tr.iterancestors("table"), None) is not None:
            rows[tr] = line
    return line


def _walk(el, parts: list[str], in_cell: bool = False, skip=None, rows=None) -> None:
    tag = el.tag
    if type(tag) is not str or tag in _DROP_TAGS or el is skip:
        tail = el.tail
        if tail:
            parts.append(tail)
        return
    line = _row(el, rows) if tag == "tr" and not in_cell else ""
    if line:
        parts.append(line)
    else:
        block = tag in _BLOCK_TAGS
        mark = " " if in_cell else "\n"
        if block:
            parts.append(mark)
        text = el.text
        if text:
            parts.append(text)
        for child in el:
            _walk(child, parts, in_cell, skip, rows)
        if block:
            parts.append(mark)
    tail = el.tail
    if tail:
        parts.append(tail)


def page_lines(tree, body: Body, limit: int = 400) -> list[str]:
    """Visible lines of the whole page, chrome included (dates sit in info bars): the page
    around the body, then the body as it was before stripping. Read before strip_chrome."""
    root = tree.find("body")
    outside = clean_text(root if root is not None else tree, drop_chrome=False, skip=body.element,
                         rows=body.rows)
    return [ln for ln in outside.split("\n") + body.lines() if len(ln) <= limit]
