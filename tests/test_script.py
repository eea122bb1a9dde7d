"""Script: traditional → simplified, pinyin glosses, full-width digits."""

from __future__ import annotations

import re

from giar_crawler.parsing import script
from giar_crawler.parsing.pagetext import text_content
from tests.seedpages import codes, process, report_page, seed_lines, seed_text


def test_seed_001_glosses_go_and_real_parentheses_stay():
    raw = seed_text("001")
    assert "當(dāng)前頁(yè)面" in raw
    clean = script.strip_glosses(raw, page_has_glosses=script.has_glosses(raw))
    assert clean.startswith("當前頁面: 首頁")
    assert "各村(社區)政務公開工作人員" in clean  # a gloss inside real parentheses
    assert "(一)2023年度政務信息主動公開情況" in clean
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", clean)


def test_glosses_need_tone_marks_unless_the_page_is_glossed():
    assert script.strip_glosses("我們(men)使用APP(android)") == "我們(men)使用APP(android)"
    assert script.strip_glosses("我們(men)", page_has_glosses=True) == "我們"
    assert script.strip_glosses("开展(Internet+)活动", page_has_glosses=True) == "开展(Internet+)活动"
    assert not script.has_glosses("使用APP(android)和(iOS)")


def test_detect_script():
    assert script.detect("\n".join(seed_lines("004"))) == "simplified"
    assert script.detect(seed_text("001")) == "traditional"
    # 乾, 著, 於 exist in simplified text too: a few of them are not a traditional page.
    assert script.detect("乾隆年间著作颇丰，于是" * 3) == "simplified"


def test_traditional_page_is_converted_with_its_sections():
    lines = seed_lines("001")
    item = process(report_page(lines, "硫市鎮2023年政府信息公開工作年度報告").encode("utf-8"))
    assert item.script == "traditional"
    assert "pinyin_glosses" in codes(item)
    assert "一、总体情况" in item.text.split("\n")
    assert "各村(社区)政务公开工作人员能力和水平" in item.text
    assert set(item.sections) == {"overview", "active_disclosure", "applications",
                                  "review_litigation", "problems_improvements", "other_matters"}
    assert item.sections["other_matters"].startswith("硫市镇人民政府没有收取信息处理费情况")
    # The tree the tables stage reads is converted too.
    assert "收到和处理政府信息公开申请情况" in text_content(item.content)
    assert item.title == "硫市镇2023年政府信息公开工作年度报告"
    # The breadcrumb at the top of the seed is chrome, in traditional script too.
    assert "当前页面" not in item.text and "當前頁面" not in item.text


def test_simplified_page_is_left_alone():
    lines = seed_lines("004")
    item = process(report_page(lines, "左岭街道2021年政府信息公开工作年度报告").encode())
    assert item.script == "simplified"
    assert item.text.split("\n")[0] == lines[0]


def test_full_width_digits_become_ascii_and_chinese_punctuation_stays():
    assert script.normalise_numbers("共１２３件，增长３．５％，金额１，２３４万元。") == (
        "共123件，增长3.5%，金额1,234万元。"
    )
    assert script.normalise_numbers("第1，2项；（一）予以公开：") == "第1，2项；（一）予以公开："
    lines = ["一、总体情况", "全年主动公开政府信息１８４条。", "二、主动公开政府信息情况", "无。"]
    item = process(report_page(lines, "某街道2023年政府信息公开工作年度报告").encode())
    assert "全年主动公开政府信息184条。" in item.text


def test_both_scripts_patterns():
    pattern = re.compile(script.both_scripts("当前位置[:：]|网站标识码"))
    assert pattern.search("當前位置：首頁")
    assert pattern.search("網站標識碼：3590000001")
    assert pattern.search("当前位置:首页")
