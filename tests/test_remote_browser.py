"""A lab can lend its browsers: the browser engine connects to a Playwright server over a websocket."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from portalcert.engines.browser_install import find

from .suite_runs import run_suite

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
]


@pytest.fixture
def browser_server(tmp_path: Path) -> Iterator[str]:
    """`playwright launch-server` (what a browser grid runs) on a free loopback port; its ws:// endpoint."""
    config = tmp_path / "server.json"
    config.write_text(json.dumps({"executablePath": find(), "headless": True, "port": 0}), encoding="utf-8")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "playwright",
            "launch-server",
            "--browser",
            "chromium",
            "--config",
            str(config),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # the Python wrapper starts node: stop them together
    )
    try:
        assert server.stdout is not None
        endpoint = server.stdout.readline().strip()
        assert endpoint.startswith("ws://127.0.0.1:"), endpoint
        yield endpoint
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def test_the_suite_runs_in_a_remote_browser(tmp_path: Path, browser_server: str) -> None:
    run = run_suite(
        tmp_path / "out", "--engine", "browser", "--browser-connect", browser_server, "--tags", "@rule:CM6-24"
    )
    assert run.rule_statuses()["CM6-24"] == "PASS", run.stderr[-2000:]
    assert run.exit_code == 0
    assert run.report["target"]["browser"].startswith("chromium "), run.report["target"]  # what it reported
