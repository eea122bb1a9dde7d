"""A crawl interrupted halfway and resumed with the same JOBDIR loses nothing, duplicates nothing.

The interruption is SIGINT to the crawl's whole process group, as Ctrl-C sends it (parse
workers included; scrapyd's cancel.json signals the crawl's process only): Scrapy finishes the
requests in flight, writes the pending queue and the seen-request set to JOBDIR, and the next
run with the same JOBDIR starts from there. Both runs append to one feed (-o).
"""

import collections
import os
import signal
import subprocess
import time

import pytest

from tests.ops_site import build_site, crawl, read_lines


def _finish(proc, log, timeout=90):
    try:
        code = proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert code == 0, log.read_text()[-3000:]
    return log.read_text()


@pytest.mark.slow
def test_interrupted_crawl_resumes_without_loss_or_duplicates(tmp_path):
    counties = tuple(f"{c}县" for c in "甲乙丙丁戊己")
    # The fixture portal and 24 requests to one slot, so a run takes a few seconds.
    site = build_site(tmp_path, counties=counties, one_host=True, with_fixtures=True)
    out, jobdir = tmp_path / "reports.jsonl", tmp_path / "job"
    common = ("-s", f"JOBDIR={jobdir}", "-s", "CONCURRENT_REQUESTS=1")

    log1 = tmp_path / "run1.log"
    with log1.open("w") as fh:
        proc = crawl(
            site, out, *common, "-s", "REPLAY_DELAY=0.2", "-s", "LOG_LEVEL=DEBUG",
            "-s", "GIAR_PARSE_PROCESSES=1", stdout=fh, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, as a terminal's job is
        )
    try:
        for _ in range(600):  # interrupt once a few reports are out
            if log1.read_text().count("Scraped from") >= 4 or proc.poll() is not None:
                break
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
    finally:
        text1 = _finish(proc, log1)
    first = [r["url"] for r in read_lines(out)]
    assert "'finish_reason': 'shutdown'" in text1
    assert 4 <= len(first) < len(site.reports)  # really interrupted halfway
    assert "scheduler/unserializable" not in text1  # every pending request reached JOBDIR
    assert "giar/pool/fallbacks" not in text1  # workers ignore Ctrl-C: the crawl stops them

    log2 = tmp_path / "run2.log"
    with log2.open("w") as fh:
        text2 = _finish(crawl(site, out, *common, stdout=fh, stderr=subprocess.STDOUT), log2)
    assert "'finish_reason': 'finished'" in text2
    assert "Resuming crawl" in text2

    urls = [r["url"] for r in read_lines(out)]
    assert [u for u, n in collections.Counter(urls).items() if n > 1] == []
    assert sorted(urls) == sorted(site.reports)
    assert urls[: len(first)] == first  # the second run appended, nothing rewritten
