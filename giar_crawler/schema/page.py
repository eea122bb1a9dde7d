"""Wording of portal pages that is not the report: chrome, spam, metadata labels."""

from __future__ import annotations

import re

CHROME_LINE = re.compile(r"(扫一扫|网站标识码|ICP备|公安备案|版权所有|【打印】|【关闭】|字号)")


def is_chrome_line(line: str) -> bool:
    return bool(CHROME_LINE.search(line)) and len(line) < 80
