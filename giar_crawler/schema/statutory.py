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
# Longer section names reports copy from the format's body text (statutory_format.md §5 YAML).
SECTION_ALIASES = {
    "active_disclosure": ("行政机关主动公开政府信息情况",),
    "applications": ("行政机关收到和处理政府信息公开申请情况",),
    "review_litigation": ("因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                          "因政府信息公开申请行政复议、提起行政诉讼的情况"),
    "problems_improvements": ("政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况"),
}

# ---------------------------------------------------------------------------------------
# Statutory tables. Labels are the template's; `keys` are keyword tuples matched against a
# normalised cell (see parsing.tables.labels.core): every keyword must occur in the cell.
# Order matters: the first match wins, so more specific entries come first.

FORMATS = ("gov_2021", "gov_2019")

# Content markers of the two formats (§2.6), matched on normalised text.
FORMAT_SIGNATURES = {
    "gov_2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                 "行政规范性文件", "申请人无正当理由逾期不补正", "申请人逾期未按收费通知"),
    "gov_2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减",
                 "其他对外管理服务事项", "采购项目数量", "采购总金额", "政府集中采购"),
}

# Old-style (2008 条例) report headings: a report with these and no statutory tables is pre_2019.
PRE_2019_MARKERS = ("概述", "依申请公开政府信息办理情况", "政府信息公开的收费及减免情况",
                    "政府信息公开收费及减免情况", "政府信息公开情况统计表")

# Table 二: header cell of the label column and the block caption 第二十条第（X）项.
T2_LABEL_COLUMN = "信息内容"
T2_CAPTION = r"第二十条第\(?([一二三四五六七八九十]+)\)?项"
T2_BLOCK_BY_ORDINAL = {"一": "art20_1", "五": "art20_5", "六": "art20_6", "八": "art20_8",
                       "九": "art20_9"}

# Table 二 columns per format and block: (key, template label, keywords, unit, signed).
T2_COLUMNS = {
    "gov_2021": {
        "art20_1": (("issued_this_year", "本年制发件数", ("制发",), None, False),
                    ("repealed_this_year", "本年废止件数", ("废止",), None, False),
                    ("in_force", "现行有效件数", ("现行有效",), None, False)),
        "art20_5": (("decisions_this_year", "本年处理决定数量", ("处理决定",), None, False),),
        "art20_6": (("decisions_this_year", "本年处理决定数量", ("处理决定",), None, False),),
        "art20_8": (("fee_amount", "本年收费金额（单位：万元）", ("收费金额",), "万元", False),),
    },
    "gov_2019": {
        "art20_1": (("made_this_year", "本年新制作数量", ("新制作",), None, False),
                    ("published_this_year", "本年新公开数量", ("新公开",), None, False),
                    ("published_total", "对外公开总数量", ("公开总数",), None, False)),
        "art20_5": (("prev_year_items", "上一年项目数量", ("上一年",), None, False),
                    ("change_this_year", "本年增/减", ("增减",), None, True),
                    ("decisions", "处理决定数量", ("处理决定",), None, False)),
        "art20_6": (("prev_year_items", "上一年项目数量", ("上一年",), None, False),
                    ("change_this_year", "本年增/减", ("增减",), None, True),
                    ("decisions", "处理决定数量", ("处理决定",), None, False)),
        "art20_8": (("prev_year_items", "上一年项目数量", ("上一年",), None, False),
                    ("change_this_year", "本年增/减", ("增减",), None, True)),
        "art20_9": (("procurement_items", "采购项目数量", ("采购项目",), None, False),
                    ("procurement_amount", "采购总金额", ("采购总金额",), None, False)),
    },
}

# Table 二 rows per format and block: (key, template label, keywords).
_T2_ROWS_5_2021 = (("administrative_licensing", "行政许可", ("行政许可",)),)
_T2_ROWS_6 = (("administrative_penalty", "行政处罚", ("行政处罚",)),
              ("administrative_compulsion", "行政强制", ("行政强制",)))
_T2_ROWS_8 = (("administrative_fees", "行政事业性收费", ("事业性收费",)),)
T2_ROWS = {
    "gov_2021": {
        "art20_1": (("rules", "规章", ("规章",)),
                    ("normative_documents", "行政规范性文件", ("规范性文件",))),
        "art20_5": _T2_ROWS_5_2021,
        "art20_6": _T2_ROWS_6,
        "art20_8": _T2_ROWS_8,
    },
    "gov_2019": {
        "art20_1": (("rules", "规章", ("规章",)),
                    ("normative_documents", "规范性文件", ("规范性文件",))),
        "art20_5": (*_T2_ROWS_5_2021,
                    ("other_external_services", "其他对外管理服务事项", ("对外管理服务",))),
        "art20_6": _T2_ROWS_6,
        "art20_8": _T2_ROWS_8,
        "art20_9": (("centralized_procurement", "政府集中采购", ("集中采购",)),),
    },
}

# Table 三 columns, in printed order (no 法人小计 column exists).
T3_COLUMNS = (
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("public_interest_org", "社会公益组织"),
    ("legal_service_org", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)

# Table 三 rows: (key, template label, keywords, parent group or None, data row?).
# Groups （三）–（六） are header cells; 2019's （六）其他处理 is itself a data row.
T3_ROWS = (
    ("new_received", "一、本年新收政府信息公开申请数量", ("本年新收",), None, True),
    ("carried_over", "二、上年结转政府信息公开申请数量", ("上年结转",), None, True),
    ("results", "三、本年度办理结果", ("办理结果",), None, False),
    ("granted", "（一）予以公开", ("予以公开",), "results", True),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ("部分公开",),
     "results", True),
    ("denied", "（三）不予公开", ("不予公开",), "results", False),
    ("denied_state_secret", "1.属于国家秘密", ("国家秘密",), "denied", True),
    ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", ("禁止公开",), "denied", True),
    ("denied_three_safety_one_stability", "3.危及“三安全一稳定”", ("三安全",), "denied", True),
    ("denied_third_party_rights", "4.保护第三方合法权益", ("第三方",), "denied", True),
    ("denied_internal_affairs", "5.属于三类内部事务信息", ("内部事务",), "denied", True),
    ("denied_process_information", "6.属于四类过程性信息", ("过程性",), "denied", True),
    ("denied_enforcement_files", "7.属于行政执法案卷", ("执法案卷",), "denied", True),
    ("denied_administrative_query", "8.属于行政查询事项", ("行政查询",), "denied", True),
    ("unable", "（四）无法提供", ("无法提供",), "results", False),
    ("unable_not_held", "1.本机关不掌握相关政府信息", ("不掌握",), "unable", True),
    ("unable_needs_creation", "2.没有现成信息需要另行制作", ("另行制作",), "unable", True),
    ("unable_unclear_after_correction", "3.补正后申请内容仍不明确", ("不明确",), "unable", True),
    ("not_processed", "（五）不予处理", ("不予处理",), "results", False),
    ("not_processed_petition", "1.信访举报投诉类申请", ("信访",), "not_processed", True),
    ("not_processed_duplicate", "2.重复申请", ("重复申请",), "not_processed", True),
    ("not_processed_publication", "3.要求提供公开出版物", ("出版物",), "not_processed", True),
    ("not_processed_mass_repetitive", "4.无正当理由大量反复申请", ("大量反复",), "not_processed",
     True),
    ("not_processed_confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息", ("重新出具",),
     "not_processed", True),
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     ("逾期不补正",), "other_handling", True),
    ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     ("缴纳费用",), "other_handling", True),
    ("other_handling", "（六）其他处理", ("其他处理",), "results", False),
    ("results_total", "（七）总计", ("总计",), "results", True),
    ("carried_forward", "四、结转下年度继续办理", ("结转下",), None, True),
)
# 3.其他 is only a row inside （六）其他处理; matched by exact text there.
T3_OTHER_OTHER = ("other_other", "3.其他", "其他")
T3_RESULTS_TOTAL_ALIASES = ("总计", "合计")

# Data rows of Table 三 per format, in printed order.
_T3_HEAD = ("new_received", "carried_over", "granted", "partially_granted",
            "denied_state_secret", "denied_prohibited_by_law", "denied_three_safety_one_stability",
            "denied_third_party_rights", "denied_internal_affairs", "denied_process_information",
            "denied_enforcement_files", "denied_administrative_query", "unable_not_held",
            "unable_needs_creation", "unable_unclear_after_correction", "not_processed_petition",
            "not_processed_duplicate", "not_processed_publication", "not_processed_mass_repetitive",
            "not_processed_confirm_or_reissue")
T3_DATA_ROWS = {
    "gov_2021": (*_T3_HEAD, "other_no_correction", "other_unpaid_fee", "other_other",
                 "results_total", "carried_forward"),
    "gov_2019": (*_T3_HEAD, "other_handling", "results_total", "carried_forward"),
}

# Table 三 header words (never values): corner note and applicant columns.
T3_HEADER_MARKERS = ("勾稽关系", "申请人情况")

# Table 四: 15 columns in printed order; no row label. Identical in both formats.
T4_GROUPS = (("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"),
             ("litigation_after_review", "复议后起诉"))
T4_OUTCOMES = (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"),
               ("pending", "尚未审结"), ("total", "总计"))
T4_COLUMNS = tuple(f"{g}_{o}" for g, _ in T4_GROUPS for o, _ in T4_OUTCOMES)
T4_ROW = "cases"
T4_MARKERS = ("行政复议", "行政诉讼", "行政法复议")  # 行政法复议: a typo seen in Pingtan 2022

# Header words of all three tables: a short cell with one of these is never a value.
HEADER_WORDS = frozenset(
    ["信息内容", "自然人", "法人或其他组织", "总计", "合计", "商业", "企业", "科研", "机构",
     "社会公益", "组织", "法律服务", "其他", "结果", "维持", "纠正", "尚未", "审结", "其他结果",
     "行政复议", "行政诉讼", "复议后起诉", "未经复议直接起诉"]
    + [label for _, label in T3_COLUMNS] + [label for _, label in T4_OUTCOMES]
)

# Cell values that mean "not applicable" (value null, never zero).
NA_MARKERS = frozenset(["/", "-", "—", "--", "——", "－", "–", "―", "无", "不适用", "\\", "／"])
VALUE_UNITS = ("万元", "万", "元", "件", "个", "项", "条", "次", "宗", "起", "人次")
