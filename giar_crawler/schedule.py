"""Ask scrapyd to run a crawl (schedule.json): the command cron calls.

scrapyd has no scheduler of its own. A crontab line runs, for example:

    python -m giar_crawler.schedule county_reports -a years=2025 -a shard=1/4

Spider arguments (-a) and settings (-s) are the same as on ``scrapy crawl``. Paths in
them (portals=, REPLAY_DIR=, GIAR_STATE_FILE=) are read on the scrapyd host: give
absolute paths. The server is $SCRAPYD_URL (default http://127.0.0.1:6800/); credentials
come from $SCRAPYD_USERNAME / $SCRAPYD_PASSWORD, never the command line (visible in ps).
Prints the job id; ``--wait`` polls listjobs.json until the job has finished.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_URL = "http://127.0.0.1:6800/"


class ScrapydError(RuntimeError):
    pass


def _call(url: str, endpoint: str, data: list[tuple[str, str]] | None = None,
          auth: tuple[str, str] | None = None) -> dict:
    """GET (data None) or POST one scrapyd endpoint; its JSON answer, or ScrapydError."""
    target = urllib.parse.urljoin(url.rstrip("/") + "/", endpoint)
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(target, data=body)
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise ScrapydError(f"{target}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ScrapydError(f"{target}: {exc}") from exc
    if answer.get("status") != "ok":
        raise ScrapydError(f"{target}: {answer.get('message') or answer}")
    return answer


def env_auth() -> tuple[str, str] | None:
    user = os.environ.get("SCRAPYD_USERNAME")
    return (user, os.environ.get("SCRAPYD_PASSWORD", "")) if user else None


def schedule(url: str, project: str, spider: str, args: dict[str, str] | None = None,
             settings: dict[str, str] | None = None, jobid: str | None = None,
             auth: tuple[str, str] | None = None) -> str:
    """Schedule one job; returns its id."""
    data = [("project", project), ("spider", spider)]
    if jobid:
        data.append(("jobid", jobid))
    data += [("setting", f"{k}={v}") for k, v in (settings or {}).items()]
    data += list((args or {}).items())
    return _call(url, "schedule.json", data, auth)["jobid"]


def _jobs(url: str, project: str, jobid: str, auth) -> tuple[bool, int]:
    """(is the job pending or running, how many finished runs with this id are listed)."""
    query = urllib.parse.urlencode({"project": project})
    jobs = _call(url, f"listjobs.json?{query}", auth=auth)
    active = any(j["id"] == jobid for j in jobs["pending"] + jobs["running"])
    return active, sum(j["id"] == jobid for j in jobs["finished"])


def finished_runs(url: str, project: str, jobid: str, auth=None) -> int:
    return _jobs(url, project, jobid, auth)[1]


def wait(url: str, project: str, jobid: str, auth: tuple[str, str] | None = None,
         timeout: float = 3600, every: float = 1.0, finished_before: int = 0) -> None:
    """Return when the job has finished.

    A job id can be scheduled again (to resume it with scrapyd's jobs_dir), and scrapyd
    then still lists the earlier run as finished: so wait for the job to be seen pending
    or running and then gone, or for one more finished run than ``finished_before``.
    """
    deadline = time.monotonic() + timeout
    seen_active = False
    while time.monotonic() < deadline:
        active, finished = _jobs(url, project, jobid, auth)
        if active:
            seen_active = True
        elif seen_active or finished > finished_before:
            return
        time.sleep(every)
    raise ScrapydError(f"job {jobid} not finished after {timeout:.0f}s")


def parse_pairs(values: list[str], flag: str) -> dict[str, str]:
    """['a=1', 'b=x=y'] → {'a': '1', 'b': 'x=y'}, as scrapy crawl reads -a and -s."""
    out = {}
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name:
            raise SystemExit(f"{flag} expects NAME=VALUE, got {value!r}")
        out[name] = rest
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spider", help="county_reports or province_reports")
    parser.add_argument("-a", dest="args", action="append", default=[], metavar="NAME=VALUE",
                        help="spider argument, as for scrapy crawl")
    parser.add_argument("-s", dest="settings", action="append", default=[],
                        metavar="NAME=VALUE", help="Scrapy setting, as for scrapy crawl")
    parser.add_argument("--url", default=os.environ.get("SCRAPYD_URL", DEFAULT_URL))
    parser.add_argument("--project", default="giar_crawler")
    parser.add_argument("--jobid", help="job id (default: scrapyd makes one)")
    parser.add_argument("--wait", action="store_true", help="return when the job has finished")
    opts = parser.parse_args(argv)
    auth = env_auth()
    try:
        before = 0
        if opts.wait and opts.jobid:
            before = finished_runs(opts.url, opts.project, opts.jobid, auth)
        jobid = schedule(
            opts.url, opts.project, opts.spider, parse_pairs(opts.args, "-a"),
            parse_pairs(opts.settings, "-s"), opts.jobid, auth,
        )
        print(jobid)
        if opts.wait:
            wait(opts.url, opts.project, jobid, auth, finished_before=before)
    except ScrapydError as exc:
        print(f"schedule: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
