"""giar_crawler.schedule without a server: arguments and failures (tests/test_scrapyd.py runs it
against a real scrapyd)."""

import socket

import pytest

from giar_crawler.schedule import main


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again on exit: nothing listens there


def test_unreachable_server_is_a_clear_error(capsys, monkeypatch):
    monkeypatch.delenv("SCRAPYD_USERNAME", raising=False)
    url = f"http://127.0.0.1:{closed_port()}/"
    assert main(["county_reports", "--url", url, "-a", "years=2025"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("schedule: ") and "schedule.json" in err


def test_arguments_must_be_name_value():
    with pytest.raises(SystemExit, match="-a expects NAME=VALUE"):
        main(["county_reports", "--url", "http://127.0.0.1:1/", "-a", "years"])
