"""Expected statutory table cells, TYPED BY HAND from the pages (not from program output).

Each table is given as the cell texts printed on the page, row by row in printed order;
"" is a blank cell. Sources: ../shared/samples/*.html (read in a browser/HTML source)
and ../shared/seeds/*.txt (read as text). Keys follow statutory_format.md §5.
"""

Z7 = ["0", "0", "0", "0", "0", "0", "0"]  # a Table 三 row of seven printed zeros
Z15 = ["0"] * 15

T3_2021_ROWS = [
    "new_received", "carried_over", "granted", "partially_granted",
    "denied_state_secret", "denied_prohibited_by_law", "denied_three_safety_one_stability",
    "denied_third_party_rights", "denied_internal_affairs", "denied_process_information",
    "denied_enforcement_files", "denied_administrative_query",
    "unable_not_held", "unable_needs_creation", "unable_unclear_after_correction",
    "not_processed_petition", "not_processed_duplicate", "not_processed_publication",
    "not_processed_mass_repetitive", "not_processed_confirm_or_reissue",
    "other_no_correction", "other_unpaid_fee", "other_other",
    "results_total", "carried_forward",
]
T3_2019_ROWS = [*T3_2021_ROWS[:20], "other_handling", "results_total", "carried_forward"]

# 平潭综合实验区2024年度报告 (pingtan_2024_annual_report_trs_fujian.html), 2021 format.
PINGTAN_2024 = {
    "format": "gov_2021",
    "active_disclosure": {
        "art20_1": {"rules": ["0", "0", "0"], "normative_documents": ["62", "33", "440"]},
        "art20_5": {"administrative_licensing": ["4529"]},
        "art20_6": {"administrative_penalty": ["1100"], "administrative_compulsion": ["65"]},
        "art20_8": {"administrative_fees": ["18651.06"]},
    },
    "applications": [
        ["217", "1", "0", "0", "0", "0", "218"],
        Z7,
        ["71", "0", "0", "0", "0", "0", "71"],
        ["29", "0", "0", "0", "0", "0", "29"],
        ["4", "0", "0", "0", "0", "0", "4"],
        Z7,
        Z7,
        ["3", "0", "0", "0", "0", "0", "3"],
        ["32", "0", "0", "0", "0", "0", "32"],
        Z7,
        Z7,
        Z7,
        ["75", "0", "0", "0", "0", "0", "75"],
        Z7,
        Z7,
        Z7,
        ["1", "0", "0", "0", "0", "0", "1"],
        Z7,
        Z7,
        Z7,
        ["1", "0", "0", "0", "0", "0", "1"],
        Z7,
        ["1", "1", "0", "0", "0", "0", "2"],
        ["217", "1", "0", "0", "0", "0", "218"],
        Z7,
    ],
    "review_litigation": ["2", "1", "3", "1", "7", "0", "0", "0", "0", "0",
                          "13", "2", "4", "0", "19"],
}

# 2019年上海市人民政府办公厅报告 (shanghai_bgt_2019_annual_report_content_fragment.html).
_ = ""
SHANGHAI_2019 = {
    "format": "gov_2019",
    "active_disclosure": {
        "art20_1": {"rules": ["13", "13", "524"], "normative_documents": ["60", "60", "368"]},
        "art20_5": {"administrative_licensing": ["0", "0", "0"],
                    "other_external_services": ["0", "0", "0"]},
        "art20_6": {"administrative_penalty": ["0", "0", "0"],
                    "administrative_compulsion": ["0", "0", "0"]},
        "art20_8": {"administrative_fees": ["0", "0"]},
        "art20_9": {"centralized_procurement": ["6", "251000元"]},
    },
    "applications": [
        ["821", "35", _, _, "2", "1", "859"],
        ["18", _, _, _, _, _, "18"],
        ["258", "12", _, _, "1", "1", _],
        ["3", _, _, _, _, _, _],
        ["14", _, _, _, _, _, _],
        [_, _, _, _, _, _, _],
        [_, _, _, _, _, _, _],
        [_, _, _, _, _, _, _],
        ["5", _, _, _, _, _, _],
        ["3", "1", _, _, _, _, _],
        [_, _, _, _, _, _, _],
        ["10", "2", _, _, _, _, _],
        ["252", "12", _, _, "1", _, _],
        ["44", "3", _, _, _, _, _],
        ["25", _, _, _, _, _, _],
        ["148", "1", _, _, _, _, _],
        ["5", "4", _, _, _, _, _],
        [_, _, _, _, _, _, _],
        [_, _, _, _, _, _, _],
        [_, _, _, _, _, _, _],
        [_, _, _, _, _, _, _],
        ["767", "35", _, _, "2", "1", "805"],
        ["72", _, _, _, _, _, "72"],
    ],
    "review_litigation": ["5", _, _, "2", "7", "8", _, _, "1", "9", _, _, _, _, _],
}

# Seed 000 (重庆大足 双路街道 2023), one cell per line, 2021 format.
SEED_000 = {
    "format": "gov_2021",
    "active_disclosure": {
        "art20_1": {"rules": ["0", "0", "0"], "normative_documents": ["0", "0", "0"]},
        "art20_5": {"administrative_licensing": ["0"]},
        "art20_6": {"administrative_penalty": ["6"], "administrative_compulsion": ["0"]},
        "art20_8": {"administrative_fees": ["0"]},
    },
    "applications": [
        ["1", "0", "0", "0", "0", "0", "1"],
        Z7, Z7, Z7,
        Z7, Z7, Z7, ["1", "0", "0", "0", "0", "0", "1"], Z7, Z7, Z7, Z7,
        Z7, Z7, Z7,
        Z7, Z7, Z7, Z7, Z7,
        Z7, Z7, Z7,
        ["1", "0", "0", "0", "0", "0", "1"],
        Z7,
    ],
    "review_litigation": Z15,
}

# Seed 001 (衡南 硫市镇 2023), ` | `-separated, traditional script with pinyin glosses.
# Table 二 is the 2019 layout, Table 三 the 2021 one (three （六） sub-rows); every Table 三 row
# prints a single 0 (the 自然人 column) and nothing else: the other six cells are missing.
SEED_001 = {
    "format": "gov_2021",
    "active_disclosure": {
        "art20_1": {"rules": ["0", "0", "0"], "normative_documents": ["0", "0", "0"]},
        "art20_5": {"administrative_licensing": ["0", "0", "0"],
                    "other_external_services": ["0", "0", "0"]},
        "art20_6": {"administrative_penalty": ["0", "0", "0"],
                    "administrative_compulsion": ["0", "0", "0"]},
        "art20_8": {"administrative_fees": ["0", "0"]},
        "art20_9": {"centralized_procurement": ["42项(xiàng)", "156.32万(wàn)元"]},
    },
    "applications": [["0", None, None, None, None, None, None]] * 25,
    "review_litigation": Z15,
}

# Seed 002 (林校路街道 2023), tab-separated one cell per line; Table 二 mostly blank.
SEED_002 = {
    "format": "gov_2021",
    "active_disclosure": {
        "art20_1": {"rules": ["", "", ""], "normative_documents": ["", "", ""]},
        "art20_5": {"administrative_licensing": [""]},
        "art20_6": {"administrative_penalty": ["627"], "administrative_compulsion": [""]},
        "art20_8": {"administrative_fees": [""]},
    },
    "applications": [
        ["18", "0", "0", "0", "0", "0", "18"],
        Z7,
        ["16", "0", "0", "0", "0", "0", "16"],
        Z7,
        Z7, ["1", "0", "0", "0", "0", "0", "1"], Z7, Z7, Z7,
        ["1", "0", "0", "0", "0", "0", "1"], Z7, Z7,
        Z7, Z7, Z7,
        Z7, Z7, Z7, Z7, Z7,
        Z7, Z7, Z7,
        ["18", "0", "0", "0", "0", "0", "18"],
        Z7,
    ],
    "review_litigation": Z15,
}

# Seed 004 (左岭街道 2021), ` | `-separated; Table 四 prints 撤销 in a value cell.
SEED_004 = {
    "format": "gov_2021",
    "active_disclosure": {
        "art20_1": {"rules": ["0", "0", "0"], "normative_documents": ["0", "0", "0"]},
        "art20_5": {"administrative_licensing": ["1837"]},
        "art20_6": {"administrative_penalty": ["335"], "administrative_compulsion": ["0"]},
        "art20_8": {"administrative_fees": ["0"]},
    },
    "applications": [
        ["2", "0", "0", "0", "0", "0", "2"],
        Z7, Z7, Z7,
        Z7, Z7, Z7, Z7, Z7, Z7, Z7, Z7,
        ["1", "0", "0", "0", "0", "0", "1"], Z7, Z7,
        ["1", "0", "0", "0", "0", "0", "1"], Z7, Z7, Z7, Z7,
        Z7, Z7, Z7,
        ["2", "0", "0", "0", "0", "0", "2"],
        Z7,
    ],
    "review_litigation": ["0", "0", "撤销", "0", "1", "0", "0", "0", "0", "0",
                          "0", "0", "0", "0", "0"],
}

# Expected identity outcomes, worked out by hand from the numbers above:
# (id, about) → outcome; instances not listed are expected "pass".
NA = "not_assessable"
T3_COLS = ["natural_person", "commercial_enterprise", "research_institution",
           "public_interest_org", "legal_service_org", "other_org", "total"]
CHECKS = {
    "pingtan_2024": {},
    "seed_000": {},
    "seed_002": {},
    "seed_004": {("t4_group_total", "review"): NA},  # 撤销 is text
    # Shanghai leaves most cells blank: only 自然人 and 总计 balance (821+18 = 767+72,
    # 859+18 = 805+72); every row and results total has a blank operand.
    "shanghai_2019": {
        **{("t3_balance", c): NA for c in T3_COLS[1:6]},
        **{("t3_results_total", c): NA for c in T3_COLS},
        **{("t3_row_total", r): NA for r in T3_2019_ROWS},
        **{("t4_group_total", g): NA for g in ("review", "litigation_direct",
                                                "litigation_after_review")},
    },
    # Only the 自然人 column is printed.
    "seed_001": {
        **{("t3_balance", c): NA for c in T3_COLS[1:]},
        **{("t3_results_total", c): NA for c in T3_COLS[1:]},
        **{("t3_row_total", r): NA for r in T3_2021_ROWS},
    },
}
