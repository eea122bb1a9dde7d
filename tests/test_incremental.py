"""Incremental runs: unchanged reports are skipped, changed ones re-exported as a new version."""

import hashlib
import json

import pytest

from giar_crawler.items import ReportItem
from giar_crawler.pipelines.incremental import Seen, compare, read_state
from giar_crawler.replay import save_exchange
from tests.ops_site import (
    HTML,
    build_site,
    listing_url,
    read_lines,
    report_page,
    report_url,
    run_crawl,
)

URL = "http://a.example.gov.cn/ndbg/2023.html"


def test_new_url_is_version_one():
    item = ReportItem(url=URL, sha256="aa")
    assert compare(item, {}) == "new"
    assert (item.version, item.previous_sha256) == (1, None)


def test_same_body_is_unchanged():
    item = ReportItem(url=URL, sha256="aa")
    assert compare(item, {URL: Seen("aa", 3)}) == "unchanged"


def test_changed_body_is_next_version_pointing_back():
    item = ReportItem(url=URL, sha256="bb")
    assert compare(item, {URL: Seen("aa", 3)}) == "changed"
    assert (item.version, item.previous_sha256) == (4, "aa")


def test_state_keeps_latest_version_and_reads_plain_exports(tmp_path):
    state = tmp_path / "state.jsonl"
    lines = [
        {"url": URL, "sha256": "v2", "version": 2},
        {"url": URL, "sha256": "v1", "version": 1},  # out of order: v2 still wins
        {"url": "http://b/1.html", "sha256": "x", "title": "an export line, no version"},
    ]
    state.write_text(
        "\n".join(json.dumps(x) for x in lines) + "\nnot json\n\n", encoding="utf-8"
    )
    assert read_state(state) == {URL: Seen("v2", 2), "http://b/1.html": Seen("x", 1)}


def test_state_of_several_workers_is_merged(tmp_path):
    (tmp_path / "w1.jsonl").write_text(
        json.dumps({"url": URL, "sha256": "v1", "version": 1}) + "\n", encoding="utf-8")
    (tmp_path / "w2.jsonl").write_text(
        json.dumps({"url": URL, "sha256": "v2", "version": 2}) + "\n", encoding="utf-8")
    both = read_state(tmp_path / "w2.jsonl", tmp_path / "w1.jsonl")
    assert both == {URL: Seen("v2", 2)}


def test_missing_state_file_is_empty(tmp_path):
    assert read_state(tmp_path / "none.jsonl") == {}


def _stat(log: str, name: str) -> int | None:
    import re

    m = re.search(rf"'giar/incremental/{name}': (\d+)", log)
    return int(m[1]) if m else None


@pytest.mark.slow
def test_rerun_skips_unchanged_and_reexports_changed(tmp_path):
    site = build_site(tmp_path)
    state = tmp_path / "state.jsonl"
    opts = ("-s", f"GIAR_STATE_FILE={state}")

    log = run_crawl(site, tmp_path / "run1.jsonl", *opts)
    first = read_lines(tmp_path / "run1.jsonl")
    assert sorted(r["url"] for r in first) == sorted(site.reports)
    assert {r["version"] for r in first} == {1}
    assert _stat(log, "new") == len(site.reports)

    # A second worker: its own state file, reading every worker's.
    log = run_crawl(
        site, tmp_path / "run2.jsonl", "-s", f"GIAR_STATE_FILE={tmp_path / 'state-w2.jsonl'}",
        "-s", f"GIAR_STATE_READ={tmp_path / 'state*.jsonl'}",
    )
    assert read_lines(tmp_path / "run2.jsonl") == []
    assert _stat(log, "unchanged") == len(site.reports)

    # The portal edits one report after publication.
    changed = report_url(listing_url(2), 2022)
    old_sha = hashlib.sha256(report_page("乙县", 2022)).hexdigest()
    new_body = report_page("乙县", 2022, note="（更正：第三部分数据有误。）")
    save_exchange(site.replay, changed, 200, HTML, new_body)

    log = run_crawl(site, tmp_path / "run3.jsonl", *opts)
    third = read_lines(tmp_path / "run3.jsonl")
    assert [r["url"] for r in third] == [changed]
    assert third[0]["version"] == 2
    assert third[0]["previous_sha256"] == old_sha
    assert third[0]["sha256"] == hashlib.sha256(new_body).hexdigest()
    assert _stat(log, "unchanged") == len(site.reports) - 1
    # Both versions stay on record: the first run's line and the third's.
    assert any(r["url"] == changed and r["sha256"] == old_sha for r in first)
