"""Content stage: find the report body, strip site chrome, read the report's facts."""

from __future__ import annotations

from giar_crawler.items import ReportItem
from giar_crawler.parsing import content, encoding, metadata, pagekind, script, sections
from giar_crawler.parsing.pagetext import PageText
from giar_crawler.pipelines import StagePipeline

_LOST_MIN = 3  # one stray '?' is punctuation; three places are lost characters


def body_text(item: ReportItem, read: str | None = None, page: PageText | None = None,
              dropped: list | None = None) -> str:
    """Clean text of the body; '?' padding where the site lost characters is flagged, trimmed.

    ``read``: the body's text as already read (content.clean_lines, chrome kept), when
    nothing was removed since;
    ``page``: the page as rendered in this stage (content.Body.page), ``dropped``: what
    strip_chrome removed from the body since (content.Stripped.dropped)."""
    if read is not None:
        text = content.without_chrome_lines(read)
    elif page is not None:
        text = content.text_without(page, item.content, dropped or [])
    else:
        text = content.clean_text(item.content)
    lost = encoding.lost_characters(text)
    if lost >= _LOST_MIN:
        item.flag("source_text_damaged", f"{lost} places where characters were lost ('?' or U+FFFD)")
        text = encoding.strip_lost_padding(text)
    return text


def extract(item: ReportItem) -> ReportItem:
    if item.tree is None:
        item.flag("no_content", "page was not decoded")
        return item
    tree = item.tree
    if script.has_glosses(item.html or ""):
        # Before anything matches words: 當(dāng)前 must read 當前.
        script.strip_glosses_tree(tree)
        item.flag("pinyin_glosses", "pinyin glosses after characters removed")
    body = content.find_body(tree)
    page = pagekind.read_page(tree, content.page_lines(tree, body))
    stripped = content.strip_chrome(body.element, item.url)
    item.content = body.element
    seen = {a["url"] for a in item.attachments}
    for link in stripped.attachments + content.page_attachments(
            tree, body.element, item.url, body.page.named):
        if link["url"] not in seen:
            seen.add(link["url"])
            item.attachments.append(link)

    read = None if stripped.removed else body.raw_text
    item.text = body_text(item, read, body.page, stripped.dropped)
    item.sections = sections.split(item.text)

    if stripped.spam:
        item.flag("compromised", f"gambling spam injected: {stripped.spam[0]}")
    pagekind.classify_source(item, page)  # first: a farm's dates are not the report's
    metadata.fill(item, page.lines, body.page.named)
    pagekind.check_report(item, page)
    return item


class ContentPipeline(StagePipeline):
    stage = staticmethod(extract)
    name = "content"
