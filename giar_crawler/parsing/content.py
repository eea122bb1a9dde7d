"""Locate the report body in a page, strip site chrome from it, and turn it into clean text.

Everything works on the one lxml tree the decode stage built; chrome is removed from that
tree, so the tables stage sees the same clean element the text came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

from giar_crawler.parsing import sections
from giar_crawler.parsing.pagetext import (
    CELL_SEP,
    DROP_TAGS,
    PageText,
    drop_tree,
    inside,
    spaces,
    text_content,
    walk_text,
)
from giar_crawler.parsing.script import compile_both
from giar_crawler.schema import page as vocab

_CHROME_STRONG = compile_both(vocab.CHROME_STRONG, re.IGNORECASE)
_CHROME_ANY = compile_both(f"{vocab.CHROME_STRONG}|{vocab.CHROME_WEAK}", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")
_CODE_LINE = re.compile(vocab.CODE_LINE)


class Phrases:
    """A pattern of phrases (top-level alternatives, each opening with a plain character)
    searched fast. re cannot scan ahead for such an alternation (its characters are classes
    for both scripts, or cased), trying every alternative at every character. Here the
    pattern is written to test one class of the opening characters first, each alternative
    then checking its own opening by a lookbehind: "[ab](?:(?<=a)x|(?<=b)y)" for "ax|by";
    a position with no opening character costs one class test, all in C."""

    def __init__(self, pattern: str, flags: int = 0):
        self.regex = compile_both(pattern, flags)
        alternatives = _alternatives(pattern)
        self.fast = self.regex
        if alternatives:
            opening = "".join(dict.fromkeys(alt[0] for alt in alternatives))
            rests = "|".join(f"(?<={re.escape(alt[0])}){alt[1:]}" for alt in alternatives)
            self.fast = compile_both(f"[{re.escape(opening)}](?:{rests})", flags)

    def search(self, text: str) -> bool:
        """bool(regex.search(text))."""
        return self.fast.search(text) is not None


def _alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives; None unless each opens with a plain character (not
    repeated by a quantifier)."""
    if "\\" in pattern or "[" in pattern:  # escapes and classes could hide | and ( )
        return None
    alternatives, depth, start = [], 0, 0
    for i, ch in enumerate(pattern + "|"):
        if ch == "|" and depth == 0:
            alt = pattern[start:i]
            if not alt or alt[0] in "()|.^$*+?{}" or alt[1:2] in ("?", "*", "+", "{"):
                return None
            alternatives.append(alt)
            start = i + 1
        depth += (ch == "(") - (ch == ")")
    return alternatives


_SPAM = Phrases(vocab.SPAM, re.IGNORECASE)
_ATTACHMENT_BLOCK = compile_both(vocab.ATTACHMENT_BLOCK)
_ABUSE_FORM = Phrases(vocab.REPORT_ABUSE)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_CHROME_TOKENS = frozenset(vocab.CHROME_CLASS)
_ATTACHMENT_NAME = re.compile("|".join(map(re.escape, vocab.ATTACHMENT_CLASS)))  # substrings
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

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
    # The page's text rendered once, read again by later readings of the same tree.
    page: PageText | None = field(default=None, repr=False)

    def lines(self) -> list[str]:
        if self.raw_text is None:
            self.raw_text = page_text(self.page, self.element, drop_chrome=False)
        return self.raw_text.split("\n")


@dataclass
class Stripped:
    attachments: list[dict[str, str]] = field(default_factory=list)
    spam: list[str] = field(default_factory=list)  # injected gambling lines found and removed
    removed: int = 0  # blocks of chrome (with text) removed
    dropped: list = field(default_factory=list)  # every element removed (chrome or no text)


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
    return len(line) <= vocab.SPAM_LINE_MAX and _SPAM.search(line)


def may_hold_spam(text: str) -> bool:
    """Whether any line of the text may be spam: one scan (no spam pattern spans lines)."""
    return _SPAM.search(text)


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
    if not (el.get("class") or el.get("id")):  # most elements: no names, no tokens
        return set()
    return {t.lower() for t in _TOKEN_SPLIT.split(_CAMEL.sub("_", _names(el))) if t}


def _attachment_named(el) -> bool:
    if not (el.get("class") or el.get("id")):
        return False
    return bool(_ATTACHMENT_NAME.search(_names(el).lower()))


# --- locating the body -----------------------------------------------------------------


def find_body(tree, page: PageText | None = None) -> Body:
    """The element holding the report: a known CMS container, else the block holding the six
    section headings, else the densest block of non-link text, else the <body>.

    `page`: the tree's text as rendered already (PageText), else rendered here."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    page = page if page is not None else PageText(tree)
    picked = _from_containers(tree, page)
    if picked is not None and picked.headings >= 3:
        return picked
    # No container, or one without the report's headings (a summary box): follow the headings.
    heading_block = _around_headings(root)
    if heading_block is not None:
        return Body(heading_block, "headings", page=page)
    if picked is not None:
        return picked
    dense = _densest(root)
    if dense is not None:
        return Body(dense, "density", page=page)
    return Body(root, "page", page=page)


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


def _container_rank(el) -> int | None:
    tokens = el.get("class", "").split()
    ident = el.get("id")
    if (ident not in _CONTAINER_IDS and el.tag not in _CONTAINER_TAGS
            and _CONTAINER_CLASSES.isdisjoint(tokens)):
        return None  # most elements: no selector can match
    classes = set(tokens)
    for rank, (tag, want_id, want_classes) in enumerate(_CONTAINERS):
        if ((tag is None or el.tag == tag) and (want_id is None or ident == want_id)
                and want_classes <= classes):
            return rank
    return None


def _from_containers(tree, page: PageText) -> Body | None:
    """The most specific container holding the section headings; else the best one found."""
    found = []
    for el in page.named:  # in document order
        rank = _container_rank(el)
        if rank is not None:
            found.append((rank, el))
    candidates = []
    for rank, el in sorted(found, key=lambda c: c[0]):
        text = page_text(page, el, drop_chrome=False)
        if len(text) < 20:
            continue
        headings = len(sections.headings_in(text))
        body = Body(el, f"container {vocab.CONTAINERS[rank]}", headings, text, page)
        if headings >= 3:
            return body
        candidates.append(body)
    # No container holds the report's headings: the longest of the most specific ones.
    return max(candidates, key=lambda b: len(b.raw_text or ""), default=None)


def _around_headings(root):
    """Lowest common ancestor of the blocks that carry section headings (at least three)."""
    carriers, keys = [], set()
    opens = sections.opens_heading
    for el in _heading_blocks(root):
        if not opens(el):  # most elements: no short_text needed
            continue
        text = short_text(el, 60)
        hit = sections.heading_key(text) if text else None
        if hit:
            carriers.append(el)
            keys.add(hit[0])
    return common_ancestor(carriers) if len(keys) >= 3 else None


def common_ancestor(elements: list):
    """The lowest element holding all of them (None when they share none)."""
    common = list(elements[0].iterancestors())
    for el in elements[1:]:
        ancestors = set(el.iterancestors())
        common = [a for a in common if a in ancestors]
    return common[0] if common else None


_HEADING_BLOCKS = frozenset((*_TEXT_BLOCKS, "td", "th"))


def _heading_blocks(root) -> list:
    """root.iter(*_TEXT_BLOCKS, "td", "th"), less what lies in tables and table rows whose
    text holds no section word (most rows: figures): their text is read in C, their cells
    never visited."""
    out = []
    stack = [root]
    while stack:
        el = stack.pop()
        tag = el.tag
        if (tag == "tr" or tag == "table") and not sections.may_hold_heading(text_content(el)):
            continue
        if tag in _HEADING_BLOCKS:
            out.append(el)
        if len(el):
            stack.extend(reversed(el))
    return out


def _densest(root):
    """Deepest block holding most of the page's non-link text (link lists are chrome)."""
    sizes: dict = {}

    def measure(el) -> int:
        if not isinstance(el.tag, str) or el.tag in DROP_TAGS:
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
        title = " ".join((text_content(a) or a.get("title") or "").split())
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
        if tag in DROP_TAGS:  # no text: what the body reads is unchanged
            result.dropped.append(child)
            drop_tree(child)
        elif tag in _TEXT_BLOCK_SET and _is_chrome(child, result):
            result.removed += 1
            result.dropped.append(child)
            drop_tree(child)
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


_ATTACHMENT_TAGS = frozenset(("div", "ul", "p", "span", "dl", "section"))


def page_attachments(tree, content, base: str, named: list | None = None) -> list[dict[str, str]]:
    """Attachment blocks outside the body (TRS puts 附件下载 beside the editor div).

    `named`: PageText.named, listed before strip_chrome removed chrome from the body (only
    elements with a class or an id can be named so; those removed are no longer in the tree)."""
    if named is None:
        blocks = tree.iter(*_ATTACHMENT_TAGS)
    else:
        blocks = (el for el in named if el.tag in _ATTACHMENT_TAGS)
    out = []
    for el in blocks:
        if (_attachment_named(el) and not inside(el, content)
                and (named is None or el is tree or inside(el, tree))):
            out.extend(attachment_links(el, base))
    return out


# --- clean text ------------------------------------------------------------------------


def page_text(page: PageText, element, drop_chrome: bool = True, skip=None) -> str:
    """clean_text(element, drop_chrome, skip, page.rows), cut from the page's rendering."""
    raw = page.raw(element, skip)
    if raw is None:
        return clean_text(element, drop_chrome, skip, page.rows)
    return _clean(raw, drop_chrome)


def text_without(page: PageText, element, dropped: list) -> str:
    """clean_text(element, rows=page.rows) once strip_chrome dropped `dropped` from it."""
    raw = page.raw_without(element, dropped)
    if raw is None:
        return clean_text(element, rows=page.rows)
    return _clean(raw, True)


def clean_text(element, drop_chrome: bool = True, skip=None, rows: dict | None = None) -> str:
    """Text of an element: one block per line, table rows as tab-separated cells.

    `skip`: a descendant left out (the body, when reading the page around it).
    `rows`: table rows already rendered from this tree (PageText.rows); filled as read."""
    if element is None:
        return ""
    return _clean(walk_text(element, skip, rows), drop_chrome)


def _clean(raw: str, drop_chrome: bool) -> str:
    # Tabs in the page's own text are indentation; cells are joined by CELL_SEP.
    return clean_lines(spaces(raw).replace(CELL_SEP, "\t"), drop_chrome)


# Whitespace (str.split's: re's \s is the same set; none past U+3000) other than line and
# cell breaks, listed: re tests a listed class faster than "[^\S\n\t]".
_SPACE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\n\t")
_SPACE_RUN = re.compile(f"[{re.escape(_SPACE_CHARS)}]+")


def without_chrome_lines(text: str) -> str:
    """clean_lines(text) of a text clean_lines already normalised (chrome kept)."""
    return "\n".join(_no_chrome(text.split("\n"), text))


def _no_chrome(lines, text: str):
    """The lines (of `text`) that are neither chrome nor spam, table rows all kept: `text`
    is searched once for what code needs; a long line is no spam."""
    code = any(mark in text for mark in vocab.CODE_MARKS)
    most = vocab.CHROME_LINE_MAX
    spam_long = most < vocab.SPAM_LINE_MAX
    for ln in lines:
        if "\t" in ln:
            yield ln
        elif len(ln) > most:
            if not (code and _CODE_LINE.search(ln)) and not (spam_long and is_spam_line(ln)):
                yield ln
        elif not (_short_chrome_line(ln) or is_spam_line(ln)):
            yield ln


def clean_lines(text: str, drop_chrome: bool = True) -> str:
    """Normalise lines (and drop chrome lines). Idempotent: text read with chrome kept can
    be filtered later without walking the tree again.

    Lines with a tab are table rows: empty cells stay so columns stay aligned. Each line
    (each cell of a row) has its whitespace runs made one space and its ends trimmed, as
    " ".join(s.split()) would, but in C over the whole text."""
    text = _SPACE_RUN.sub(" ", f"\n{text}\n")  # runs of one space: trim them by the breaks
    for pad, brk in ((" \n", "\n"), ("\n ", "\n"), (" \t", "\t"), ("\t ", "\t")):
        text = text.replace(pad, brk)
    lines = filter(str.strip, text.split("\n"))  # rows of empty cells go too
    if drop_chrome:
        lines = _no_chrome(lines, text)
    return "\n".join(lines)


def page_lines(tree, body: Body, limit: int = 400) -> list[str]:
    """Visible lines of the whole page, chrome included (dates sit in info bars): the page
    around the body, then the body as it was before stripping. Read before strip_chrome."""
    root = tree.find("body")
    outside = page_text(body.page, root if root is not None else tree, drop_chrome=False,
                        skip=body.element)
    return [ln for ln in outside.split("\n") + body.lines() if len(ln) <= limit]
