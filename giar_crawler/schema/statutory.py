"""Labels of the statutory report formats (国办公开办函〔2019〕60号 and〔2021〕30号).

Keys are the canonical keys of shared/reference/statutory_format.md.
"""

from __future__ import annotations

# The six sections, identical in both formats: key → (ordinal, template heading, keywords).
SECTIONS = {
    "overview": (1, "一、总体情况", ("总体情况", "概述")),
    "active_disclosure": (2, "二、主动公开政府信息情况", ("主动公开",)),
    "applications": (3, "三、收到和处理政府信息公开申请情况", ("收到和处理", "依申请")),
    "review_litigation": (4, "四、政府信息公开行政复议、行政诉讼情况", ("复议", "诉讼")),
    "problems_improvements": (5, "五、存在的主要问题及改进情况", ("问题", "改进")),
    "other_matters": (6, "六、其他需要报告的事项", ("其他需要报告", "其他事项")),
}
