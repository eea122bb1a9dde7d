"""Words that name annual-report columns and annual-report links."""

from __future__ import annotations

import re

# A link title names an annual report when it says so, in either script.
REPORT_TITLE = re.compile(r"(年度報告|年度报告|年報|年报)")
# ...and is about information disclosure (not a statistics or work report).
DISCLOSURE = re.compile(r"(信息公开|信息公開|政务公开|政務公開)")
# Words that disqualify a title even when it contains 年报: statistics and website forms,
# readings of a report (解读, 图解), notices to compile one (关于做好…的通知).
# "关于印发…年度报告的通知" IS a report, so 通知 alone does not disqualify.
NOT_A_REPORT = re.compile(r"(统计年报|年报表|网站年度|网站工作年度|报表|解读|图解|做好)")
NEXT_PAGE = ("下一页", "下页", "下一頁", ">", "›", "»")


def is_report_title(title: str) -> bool:
    title = title or ""
    return bool(
        REPORT_TITLE.search(title) and DISCLOSURE.search(title)
        and not NOT_A_REPORT.search(title)
    )


def years_in(title: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(20[0-3]\d)(?!\d)", title or "")]


# --- Home-page discovery: the path 首页 → 政府信息公开 → … → 年报 column, by link text. ---

# A link whose text names the annual-report column itself (no year: a year makes it one report).
REPORT_COLUMN = re.compile(
    r"((信息|政务)(公开|公開)(工作)?(年度报告|年报|年度報告|年報)"
    r"|^(年度报告|年报|年度報告|年報)$|工作年报)"
)
# Hubs on the way there, strongest first (score = len - index).
HUB_WORDS = (
    "政府信息公开",
    "政府信息公開",
    "法定主动公开内容",
    "信息公开目录",
    "政府信息公开目录",
    "主动公开",
    "信息公开",
    "信息公開",
    "政务公开",
    "政務公開",
)
# Hub-looking texts that lead to something else.
NOT_A_HUB = re.compile(
    r"(指南|制度|规定|条例|申请|意见箱|监督|举报|国务院|中国政府网|年报|年度报告|报表)"
)
# Navigation texts are short; a long text is a news title that merely mentions 信息公开.
MAX_NAV_TEXT = 14
# Column paths portals use for the annual-report column (a tie-breaker, never enough alone).
COLUMN_SLUGS = re.compile(r"/(zfxxgknb|xxgknb|gknb|zfxxgkndbg|ndbg|zwgknb)\w*(/|\.s?html?$|$)", re.IGNORECASE)


# --- Listing pages (used by giar_crawler.listings) ---
# "共21页", "总共21页", "共 3 页": how many pages a pager says there are.
PAGE_COUNT = re.compile(r"共\s*(\d{1,4})\s*页")
# Where a page says which column it is in (breadcrumb lead-ins).
BREADCRUMB = re.compile(r"(当前位置|您的位置|您当前的位置|您现在的位置|所在位置)")
# A sub-column of an annual-report column: a year folder ("2023年", "2023年度")...
YEAR_FOLDER = re.compile(r"^(20[0-3]\d)\s*(年|年度)?\s*(年报|年度报告|报告)?$")
# ...or a group or unit that publishes its own reports (街镇 > 双路街道办事处, 部门 > 区教委).
UNIT_COLUMN = re.compile(
    r"(街道办事处|街道|镇|乡|街镇|乡镇|镇街|部门|区县|县区|单位|局|委员会|委|办公室|办|人民政府|政府|"
    r"管委会|中心)$"
)
