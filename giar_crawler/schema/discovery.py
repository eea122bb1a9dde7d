"""Words that name annual-report columns and annual-report links."""

from __future__ import annotations

import re

# A link title names an annual report when it says so, in either script.
REPORT_TITLE = re.compile(r"(年度報告|年度报告|年報|年报)")
# ...and is about information disclosure (not a statistics or work report).
DISCLOSURE = re.compile(r"(信息公开|信息公開|政务公开|政務公開)")
# Words that disqualify a title even when it contains 年报.
NOT_A_REPORT = re.compile(r"(统计年报|年报表|网站年度|网站工作年度|报表)")
NEXT_PAGE = ("下一页", "下页", "下一頁", ">", "›", "»")


def is_report_title(title: str) -> bool:
    title = title or ""
    return bool(
        REPORT_TITLE.search(title) and DISCLOSURE.search(title)
        and not NOT_A_REPORT.search(title)
    )


def years_in(title: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(20[0-3]\d)(?!\d)", title or "")]
