"""The suite passes on pages that never go quiet: the simulator's noisy pages (simulator.noise) keep a
long poll open, send analytics to another host name and say which page they are only after a delayed
fetch. Not a defect: the browser engine must reach the same verdicts as on quiet pages.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_install import find
from portalcert.engines.browser_settings import BrowserSettings
from simulator import create_app
from simulator.server import start_in_thread
from tests.simulator.sim_client import TEST_CONFIG
from tests.suite_runs import SuiteRun, portalcert

pytestmark = [
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
    pytest.mark.xdist_group("browser"),
]

NOISY = {"SIMULATOR_NOISY_PAGES": "true"}
# Signing in with the SMS code, registration from step 1 to its outcome, texts read in the public area.
TAGS = "@rule:CM6-24 or @rule:CM6-20 or @rule:CM6-01"


class Hits:
    """WSGI middleware counting requests by (host name, path): what the pages' noise reached."""

    def __init__(self, app: Any) -> None:
        self.seen: Counter[tuple[str, str]] = Counter()
        self._lock = threading.Lock()
        self._inner = app.wsgi_app
        app.wsgi_app = self

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        host = str(environ.get("HTTP_HOST", "")).rpartition(":")[0]
        with self._lock:
            self.seen[(host, str(environ.get("PATH_INFO", "")))] += 1
        result: Iterable[bytes] = self._inner(environ, start_response)
        return result


@pytest.fixture
def noisy_simulator(tmp_path: Path) -> Iterator[tuple[str, Hits]]:
    config = {**TEST_CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'sim.sqlite3'}", "NOISY_PAGES": True}
    app = create_app(config)
    hits = Hits(app)
    url, stop = start_in_thread(app)
    try:
        yield url, hits
    finally:
        stop()


def test_noisy_pages_are_noisy_and_still_recognised(noisy_simulator: tuple[str, Hits]) -> None:
    url, hits = noisy_simulator
    served = httpx.get(f"{url}/cm6/login")
    assert 'data-page-after-fetch="login"' in served.text and 'data-page="login"' not in served.text
    policy = served.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "connect-src 'self' http://localhost:" in policy
    engine = BrowserEngine(url, timeout=10, settings=BrowserSettings(action_seconds=5))
    try:
        engine.goto("/cm6/login")
        assert engine.wait_for("[data-page=login]")  # set by the page after its delayed fetch
    finally:
        engine.close()
    assert hits.seen[("127.0.0.1", "/_sim/noise/ready")] == 1
    assert hits.seen[("127.0.0.1", "/_sim/noise/poll")] >= 1
    assert hits.seen[("localhost", "/_sim/noise/collect")] >= 1  # beacons to the "other host"
    assert hits.seen[("localhost", "/_sim/noise/pixel.gif")] >= 1


def test_the_switch_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = {**TEST_CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'sim.sqlite3'}"}
    monkeypatch.setenv("SIMULATOR_NOISY_PAGES", "true")  # what `portalcert run` below relies on
    assert create_app(config).config["NOISY_PAGES"] is True
    monkeypatch.setenv("SIMULATOR_NOISY_PAGES", "loud")
    with pytest.raises(ValueError, match="SIMULATOR_NOISY_PAGES: expected true or false, got 'loud'"):
        create_app(config)


@pytest.mark.slow
def test_the_suite_passes_on_noisy_pages(tmp_path: Path) -> None:
    done = portalcert(
        "run", "--no-progress", "--engine", "browser", "--tags", TAGS, "--out", str(tmp_path), env=NOISY
    )
    run = SuiteRun(done.returncode, done.stdout, done.stderr, tmp_path)
    judged = {rule: status for rule, status in run.rule_statuses().items() if status != "NOT_COVERED"}
    expected = {"CM6-01": "PASS", "CM6-03": "REVIEW", "CM6-20": "PASS", "CM6-24": "PASS"}
    assert judged == expected, done.stderr[-3000:]
    assert run.exit_code == 0
    assert run.report["target"]["browser"].startswith("chromium "), run.report["target"]  # for bundles
