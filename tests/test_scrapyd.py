"""A real scrapyd on 127.0.0.1: deploy the egg, run county_reports over the fixture portal.

scrapyd runs from its own virtualenv (.venv-scrapyd, made by .ci/run from
deploy/requirements-scrapyd.txt) because scrapyd 1.6 needs setuptools<81. The repository is
NOT on scrapyd's path: the job runs from the deployed egg, registry data file included.
"""

import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest

from giar_crawler.pipelines.pool import worker_count
from giar_crawler.schedule import ScrapydError, _call, schedule, wait
from tests.ops_site import ROOT, build_site, read_lines

VENV = ROOT / ".venv-scrapyd" / "bin"
AUTH = ("giar", "test-secret")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (VENV / "scrapyd").exists(),
        reason=".venv-scrapyd missing: python3 -m venv .venv-scrapyd && "
        ".venv-scrapyd/bin/pip install -r deploy/requirements-scrapyd.txt (.ci/run does)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def egg(tmp_path_factory) -> Path:
    """The egg scrapyd-deploy builds from setup.py (built once for this module)."""
    path = tmp_path_factory.mktemp("egg") / "giar_crawler.egg"
    subprocess.run(
        [VENV / "scrapyd-deploy", f"--build-egg={path}"], cwd=ROOT, check=True,
        capture_output=True, timeout=120,
    )
    return path


def add_version(url: str, egg: Path, version: str) -> dict:
    """POST addversion.json (multipart) as scrapyd-deploy does."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in (("project", "giar_crawler"), ("version", version))
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="p.egg"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + egg.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(url + "addversion.json", data=b"".join(parts))
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    token = base64.b64encode(":".join(AUTH).encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path):
    """scrapyd on a free loopback port with auth, items and logs under tmp_path."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"username = {AUTH[0]}\npassword = {AUTH[1]}\n"
        f"logs_dir = {home}/logs\nitems_dir = {home}/items\n"
        f"eggs_dir = {home}/eggs\ndbs_dir = {home}/dbs\njobs_dir = {home}/jobs\n"
        "poll_interval = 0.3\nmax_proc = 2\n",
        encoding="utf-8",
    )
    log = (home / "scrapyd.out").open("w")
    env = {"PATH": f"{VENV}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    proc = subprocess.Popen(
        [VENV / "scrapyd", "--pidfile="], cwd=home, env=env, stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                _call(url, "daemonstatus.json", auth=AUTH)
                break
            except ScrapydError:
                assert proc.poll() is None, (home / "scrapyd.out").read_text()
                time.sleep(0.1)
        yield url, home
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_egg_carries_the_registry(egg):
    with zipfile.ZipFile(egg) as archive:
        names = set(archive.namelist())
    assert "giar_crawler/data/portals.csv" in names
    assert "giar_crawler/settings.py" in names
    assert not any(n.startswith("tests/") for n in names)
    # Imported from the zipped egg alone (not the checkout), the registry still loads.
    probe = (
        "import giar_crawler.registry as r; "
        f"assert r.__file__.startswith({str(egg)!r}), r.__file__; print(len(r.load()))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=egg.parent, env={**os.environ, "PYTHONPATH": str(egg)},
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0 and int(done.stdout) >= 1, done.stderr


def test_deploy_schedule_and_items(scrapyd, egg, tmp_path):
    url, home = scrapyd
    site = build_site(tmp_path, counties=(), with_fixtures=True)  # the fixture portal only
    with pytest.raises(ScrapydError, match="401"):
        _call(url, "daemonstatus.json")  # no credentials, no service

    answer = add_version(url, egg, "r1")
    assert (answer["status"], answer["project"]) == ("ok", "giar_crawler")
    spiders = _call(url, "listspiders.json?project=giar_crawler", auth=AUTH)["spiders"]
    assert {"county_reports", "province_reports", "county_reports_redis"} <= set(spiders)

    # Schedule with the documented command, as cron runs it: credentials from the environment.
    ignored = tmp_path / "ignored.jsonl"
    settings = {
        "REPLAY_DIR": str(site.replay),  # paths outside the egg: absolute
        "ROBOTSTXT_OBEY": "False",
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        # items_dir is set, so scrapyd's own FEEDS replaces this one (docs/operations.md).
        "FEEDS": json.dumps({str(ignored): {"format": "jsonlines"}}),
    }
    env = {**os.environ, "SCRAPYD_URL": url, "SCRAPYD_USERNAME": AUTH[0],
           "SCRAPYD_PASSWORD": AUTH[1], "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "giar_crawler.schedule", "county_reports", "--jobid", "t1",
         "--wait", "-a", f"portals={site.portals}",
         *[x for k, v in settings.items() for x in ("-s", f"{k}={v}")]],
        env=env, capture_output=True, text=True, timeout=180, check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "t1"), done.stderr

    log = (home / "logs/giar_crawler/county_reports/t1.log").read_text(encoding="utf-8")
    items = read_lines(home / "items/giar_crawler/county_reports/t1.jl")
    assert sorted(i["url"] for i in items) == sorted(site.reports), log[-3000:]
    assert {i["portal"]["name"] for i in items} == {"样例区人民政府（fixture）"}
    assert "'finish_reason': 'finished'" in log
    if worker_count("auto"):  # parse workers import the project from scrapyd's egg
        assert "'giar/pool/workers'" in log and "giar/pool/fallbacks" not in log, log[-3000:]
    assert not ignored.exists()
    # The Chinese is written as UTF-8, not \u escapes (FEED_EXPORT_ENCODING still applies).
    raw = (home / "items/giar_crawler/county_reports/t1.jl").read_text(encoding="utf-8")
    assert "样例区人民政府" in raw


def test_cancelled_job_resumes_under_the_same_job_id(scrapyd, egg, tmp_path):
    """cancel.json (SIGINT) then schedule.json with the same jobid: jobs_dir gives both runs
    one JOBDIR, and the items_dir file of that job is appended to."""
    url, home = scrapyd
    add_version(url, egg, "r1")
    site = build_site(tmp_path, counties=tuple(f"{c}县" for c in "甲乙丙丁戊己"), one_host=True)
    args = {"portals": str(site.portals)}
    slow = {"REPLAY_DIR": str(site.replay), "ROBOTSTXT_OBEY": "False",
            "AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "1",
            "REPLAY_DELAY": "0.3", "LOG_LEVEL": "DEBUG"}
    schedule(url, "giar_crawler", "county_reports", args, slow, jobid="r", auth=AUTH)
    log = home / "logs/giar_crawler/county_reports/r.log"
    for _ in range(600):
        if log.exists() and log.read_text(encoding="utf-8").count("Scraped from") >= 3:
            break
        time.sleep(0.05)
    _call(url, "cancel.json", [("project", "giar_crawler"), ("job", "r")], AUTH)
    wait(url, "giar_crawler", "r", auth=AUTH, timeout=60, every=0.3)
    items = home / "items/giar_crawler/county_reports/r.jl"
    first = [i["url"] for i in read_lines(items)]
    assert 3 <= len(first) < len(site.reports), log.read_text(encoding="utf-8")[-2000:]

    fast = {**slow, "REPLAY_DELAY": "0"}
    schedule(url, "giar_crawler", "county_reports", args, fast, jobid="r", auth=AUTH)
    # scrapyd still lists the first run as finished: wait for a second finished run.
    wait(url, "giar_crawler", "r", auth=AUTH, timeout=120, every=0.3, finished_before=1)
    text = log.read_text(encoding="utf-8")
    assert "Resuming crawl" in text
    urls = [i["url"] for i in read_lines(items)]
    assert sorted(urls) == sorted(site.reports)  # every report, each once
    assert urls[: len(first)] == first
