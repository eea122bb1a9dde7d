"""The shipped portal registry and its validation command."""

import subprocess
import sys

import pytest

from giar_crawler import registry
from giar_crawler.schema.divisions import PROVINCES
from tests.conftest import ROOT

HEADER = ",".join(registry.COLUMNS) + "\n"
GOOD = "甲县人民政府,350100,福建省,福州市,甲县,county,https://www.a.gov.cn/xxgk/nb/,https://www.a.gov.cn/,generic,,a named source\n"


def problems(*lines: str) -> list[tuple[str, str]]:
    rows = registry.parse_rows(HEADER + "".join(lines))
    return [(p.code, p.detail) for p in registry.validate(rows)]


def test_shipped_registry_is_valid():
    rows = registry.load()
    assert registry.validate(rows) == []


def test_validate_command_passes_on_shipped_registry():
    done = subprocess.run(
        [sys.executable, "-m", "giar_crawler.registry", "validate"],
        check=False, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "0 problems" in done.stdout


def test_shipped_registry_covers_every_province_portal():
    rows = registry.load()
    provincial = {r.province for r in rows if r.level == "province"}
    assert provincial == set(PROVINCES)
    assert all(r.source for r in rows)


def test_a_good_row_has_no_problems():
    assert problems(GOOD) == []


@pytest.mark.parametrize(
    ("line", "code", "detail_part"),
    [
        (",,福建省,,,county,,https://www.b.gov.cn/,,,src\n", "missing_field", "name"),
        ("乙县,,,,,county,,https://www.b.gov.cn/,,,src\n", "missing_field", "province"),
        ("乙县,,福建省,,,,,https://www.b.gov.cn/,,,src\n", "missing_field", "level"),
        ("乙县,,福建省,,,county,,https://www.b.gov.cn/,,,\n", "missing_field", "source"),
        ("乙县,,福建省,,,county,,,,,src\n", "missing_field", "listing_urls or home_url"),
        ("乙县,,福建省,,,village,,https://www.b.gov.cn/,,,src\n", "unknown_level", "village"),
        ("乙县,,福建,,,county,,https://www.b.gov.cn/,,,src\n", "unknown_province", "福建"),
        ("乙县,,福建省,,,county,,https://www.b.gov.cn/,wordpress,,src\n", "unknown_cms", "wordpress"),
        ("乙县,35010,福建省,,,county,,https://www.b.gov.cn/,,,src\n", "bad_division_code", "35010"),
        ("乙县,360100,福建省,,,county,,https://www.b.gov.cn/,,,src\n", "bad_division_code",
         "not in 福建省"),
        ("乙县,,福建省,,,county,,ftp://www.b.gov.cn/,,,src\n", "bad_url", "not http(s)"),
        ("乙县,,福建省,,,county,,https:///nb/,,,src\n", "bad_url", "no host"),
        ("乙县,,福建省,,,county,,www.b.gov.cn,,,src\n", "bad_url", "not http(s)"),
        ("乙县,,福建省,,,county,,https://www.b.gov.cn/a b/,,,src\n", "bad_url", "whitespace"),
        ("甲县人民政府,,福建省,,,county,,https://www.c.gov.cn/,,,src\n", "duplicate_name", "line 2"),
        ("乙县,,福建省,,,county,http://WWW.A.gov.cn/xxgk/nb,https://www.c.gov.cn/,,,src\n",
         "duplicate_listing", "line 2"),
        ("乙县,,福建省,,,county,,http://www.a.gov.cn,,,src\n", "duplicate_home", "line 2"),
    ],
)
def test_each_broken_row_is_reported(line, code, detail_part):
    found = problems(GOOD, line)
    assert [c for c, _ in found] == [code], found
    assert detail_part in found[0][1]


def test_same_name_in_another_province_is_not_a_duplicate():
    other = GOOD.replace("福建省", "江西省").replace("350100", "360100")
    assert problems(GOOD, other.replace("a.gov.cn", "z.gov.cn")) == []


def test_validate_command_fails_on_broken_registry(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(HEADER + GOOD + "乙县,,福建省,,,county,,ftp://x/,nope,,src\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "giar_crawler.registry", "validate", str(path)],
        check=False, capture_output=True, text=True,
    )
    assert done.returncode == 1
    assert "line 3: 乙县: bad_url" in done.stderr
    assert "unknown_cms" in done.stderr


def test_scrapy_validate_registry_command(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(HEADER + GOOD + GOOD, encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "scrapy", "validate_registry", str(path)],
                         check=False, capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1, bad.stderr
    assert "duplicate_name" in bad.stderr


def test_merge_keeps_curated_listings(tmp_path):
    rows = registry.parse_rows(HEADER + GOOD + "乙县,,福建省,,,county,,https://www.b.gov.cn/,,,src\n")
    found = [
        {"name": "甲县人民政府", "province": "福建省", "listing_urls": ["https://www.a.gov.cn/other/"]},
        {"name": "乙县", "province": "福建省", "listing_urls": ["https://www.b.gov.cn/gknb/"],
         "path": ["政府信息公开", "年报"]},
    ]
    merged, filled = registry.merge_discovered(rows, found)
    assert filled == 1
    assert merged[0].listing_urls == ("https://www.a.gov.cn/xxgk/nb/",)
    assert merged[1].listing_urls == ("https://www.b.gov.cn/gknb/",)
    assert merged[1].source.startswith("src; listing found from home page")


def test_shipped_registry_size_and_spread():
    rows = registry.load()
    assert len(rows) >= 300
    assert len({r.province for r in rows}) >= 15
    assert {r.level for r in rows} >= {"province", "city", "county"}


def test_shipped_provincial_rows_carry_their_division_code():
    beijing = next(r for r in registry.load() if r.name == "北京市人民政府")
    assert (beijing.level, beijing.division_code) == ("province", "110000")
