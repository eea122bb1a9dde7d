"""Distributed crawl: two worker processes share one scrapy-redis queue on a real redis-server."""

import collections
import json
import shutil
import socket
import subprocess
import sys
import time

import pytest
import redis

from giar_crawler.items import exported_fields
from giar_crawler.registry import PortalRow
from giar_crawler.seed_redis import row_from_dict, row_to_dict, seed_messages
from tests.ops_site import ROOT, build_site, crawl, read_lines

REDIS = shutil.which("redis-server")


def test_seed_message_round_trips_the_registry_row():
    row = PortalRow(
        name="甲县人民政府", province="福建省", level="county", city="福州市",
        listing_urls=("http://a.gov.cn/nb/", "http://a.gov.cn/nb2/"), cms="generic",
        needs_browser=True, extra={"note": "x"},
    )
    messages = [json.loads(m) for m in seed_messages([row])]
    assert [m["url"] for m in messages] == ["http://a.gov.cn/nb/", "http://a.gov.cn/nb2/"]
    assert messages[0]["meta"]["family"] == "generic"
    back = row_from_dict(messages[0]["meta"]["portal_row"])
    assert back == row and back.extra == {"note": "x"} and back.listing_urls == row.listing_urls
    assert row_from_dict({**row_to_dict(row), "column_from_the_future": 1}) == row


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    if not REDIS:
        pytest.skip("redis-server not installed (apt-get install redis-server; .ci/run does)")
    port = free_port()
    proc = subprocess.Popen(
        [REDIS, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_two_workers_export_every_report_exactly_once(tmp_path, redis_url):
    counties = tuple(f"{c}县" for c in "甲乙丙丁戊己")
    # The fixture portal, and six synthetic ones on one host with a download delay: a
    # worker alone would need ~12 s, so both workers (whose engines poll Redis every 5 s
    # when idle) find work.
    site = build_site(tmp_path, counties=counties, one_host=True, with_fixtures=True)
    workers, outs = [], []
    try:
        for n in (1, 2):
            out, log = tmp_path / f"worker{n}.jsonl", tmp_path / f"worker{n}.log"
            with log.open("w") as fh:
                workers.append(crawl(
                    site, out, "-s", f"REDIS_URL={redis_url}",
                    "-s", "MAX_IDLE_TIME_BEFORE_CLOSE=3",
                    "-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_DELAY=0.5",
                    "-s", "RANDOMIZE_DOWNLOAD_DELAY=False", "-s", "GIAR_REDIS_ITEMS=1",
                    spider="county_reports_redis", stdout=fh, stderr=subprocess.STDOUT,
                ))
            outs.append(out)
        # Seed once both workers are up, so neither gets a head start.
        logs = [out.with_suffix(".log") for out in outs]
        for _ in range(300):
            if all("Spider opened" in log.read_text() for log in logs):
                break
            time.sleep(0.1)
        done = subprocess.run(
            [sys.executable, "-m", "giar_crawler.seed_redis", "--redis-url", redis_url,
             "-a", f"portals={site.portals}"],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "7 listing URLs of 7 portals" in done.stderr
        for proc, out in zip(workers, outs, strict=True):
            code = proc.wait(timeout=90)
            assert code == 0, out.with_suffix(".log").read_text()[-3000:]
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    per_worker = [[r["url"] for r in read_lines(out)] for out in outs]
    urls = per_worker[0] + per_worker[1]
    dupes = [u for u, k in collections.Counter(urls).items() if k > 1]
    assert dupes == []
    assert sorted(urls) == sorted(site.reports)
    assert all(per_worker), [len(p) for p in per_worker]  # both took part
    # The shared state lives in Redis: the queue drained, the seeds consumed.
    client = redis.Redis.from_url(redis_url)
    assert client.llen("county_reports_redis:start_urls") == 0
    assert client.zcard("county_reports_redis:requests") == 0
    # GIAR_REDIS_ITEMS: the same records, collected centrally in one list.
    pushed = client.lrange("county_reports_redis:items", 0, -1)
    central = [json.loads(x) for x in pushed]
    assert sorted(r["url"] for r in central) == sorted(site.reports)
    assert {frozenset(r) for r in central} == {frozenset(exported_fields())}
    assert "样例区人民政府" in b"".join(pushed).decode("utf-8")  # not \u-escaped
    # Every request but the seeds went through the shared filter: the reports, and the
    # fixture listing's page 2.
    assert client.scard("county_reports_redis:dupefilter") == len(site.reports) + 1


def test_seeding_without_redis_is_a_clear_error(capsys):
    from giar_crawler.seed_redis import main

    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    assert main(["--redis-url", url, "-a", f"portals={ROOT / 'fixtures/portals.csv'}"]) == 1
    assert capsys.readouterr().err.startswith(f"seed_redis: {url}: ")
