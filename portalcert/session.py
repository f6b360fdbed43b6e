"""One run's live state, shared by the CLI and behave's hooks (behave runs in the same process)."""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

from portalcert import outofband
from portalcert.control import ControlClient
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.errors import ConfigError, TargetUnreachable
from portalcert.locator_ledger import LocatorLedger, ScenarioLocators
from portalcert.outofband import Channels
from portalcert.target import Control, Target

PASSWORD_HASH_FOR_RUNS = "pbkdf2:sha256:50000"  # real hashing, cheap enough for a reset per scenario


@dataclass(frozen=True)
class RunSettings:
    target: Target
    out_dir: Path
    engine: str = "http"
    defects: tuple[str, ...] = ()  # simulator defect switches to turn on for this run
    evidence: str = "failures"  # "failures" | "all"
    browser: BrowserSettings = field(default_factory=BrowserSettings)  # browser engine only
    lease_dir: Path | None = None  # where account leases are held; shared by every worker of a run


@dataclass
class ScenarioNotes:
    """What hooks learn about a scenario that behave's model does not keep."""

    not_applicable: str = ""
    evidence: list[str] = field(default_factory=list)
    reached: list[str] = field(default_factory=list)  # simulator defect switches consulted (measurement only)
    locators: ScenarioLocators | None = None  # what the scenario's checks looked for


@dataclass
class Session:
    settings: RunSettings
    base_url: str
    control: ControlClient | None
    channels: Channels
    notes: dict[str, ScenarioNotes] = field(default_factory=dict)
    ledger: LocatorLedger = field(default_factory=LocatorLedger)  # page-map entries seen, run-wide
    on_scenario_done: Callable[[str, str, str], None] | None = None  # (status, rule id, scenario name)
    track_reach: bool = False  # record the defect switches each scenario reaches (see sensitivity.py)
    _stop: Callable[[], None] | None = None

    def note(self, location: str) -> ScenarioNotes:
        return self.notes.setdefault(location, ScenarioNotes())

    def close(self) -> None:
        self.channels.stop()
        if self.control is not None:
            self.control.close()
        if self._stop is not None:
            self._stop()
            self._stop = None


_current: Session | None = None


def current() -> Session | None:
    return _current


def start(settings: RunSettings, ledger: LocatorLedger | None = None) -> Session:
    """Start the embedded simulator if the target asks for it, check reachability, arm defects.

    `ledger`: where the run records the page-map entries it evaluates (a fresh one by default).
    """
    global _current
    target = settings.target
    stop: Callable[[], None] | None = None
    control_spec = target.control
    if target.embedded:
        base_url, stop, control_spec = _start_embedded(target, settings.defects)
    else:
        base_url = target.base_url
        preflight(base_url, timeout=min(target.request_timeout, 10.0))
    control = None
    if control_spec is not None:
        control_url = base_url if control_spec.url == "embedded" else control_spec.url
        control = ControlClient(control_url, control_spec.token, timeout=target.request_timeout)
        if settings.defects and not target.embedded:
            control.set_defects(list(settings.defects))
    elif settings.defects:
        raise ConfigError(
            str(target.source), "control", "defects can only be switched on a target with a control API"
        )
    try:
        if settings.engine == "browser":
            from portalcert.engines.browser_launch import HOST

            HOST.browser(settings.browser)  # launch now: a missing browser is a config error, not N broken
        channels = outofband.start(target.messages, settings.out_dir, str(target.source))
    except BaseException:
        if control is not None:
            control.close()
        if stop is not None:
            stop()
        raise
    _current = Session(settings, base_url, control, channels, ledger=ledger or LocatorLedger(), _stop=stop)
    return _current


def finish() -> None:
    global _current
    if _current is not None:
        _current.close()
        _current = None


def preflight(base_url: str, *, timeout: float) -> None:
    """Fail fast, with the reason, when the portal does not answer at all."""
    try:
        httpx.get(base_url, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)), follow_redirects=True)
    except httpx.TransportError as exc:
        reason = str(exc) or type(exc).__name__
        raise TargetUnreachable(f"{base_url} is unreachable: {reason}") from None


def _start_embedded(target: Target, defects: tuple[str, ...]) -> tuple[str, Callable[[], None], Control]:
    spec = target.control or Control("embedded", "")
    control = replace(spec, token=spec.token or secrets.token_urlsafe(16))
    base_url, stop = start_simulator(target, control.token, defects)
    return base_url, stop, control


def simulator_fixtures(target: Target) -> dict[str, Any]:
    """The simulator's data sets: each document's, from the target's bindings."""
    return {"FIXTURES": {doc: str(binding.data_source) for doc, binding in target.bindings.items()}}


def start_simulator(
    target: Target, token: str, defects: tuple[str, ...] = ()
) -> tuple[str, Callable[[], None]]:
    """The reference simulator on a free loopback port, with `target`'s data; its URL and a stop function."""
    # Imported here: only runs against the embedded simulator need Flask and the simulator package.
    from simulator import create_app
    from simulator.db import get_database
    from simulator.defects import catalogue
    from simulator.server import start_in_thread

    known = {defect.name for defect in catalogue()}
    unknown = [name for name in defects if name not in known]
    if unknown:
        raise ConfigError("--defect", "", f"unknown simulator defect(s): {', '.join(unknown)}")
    # A real SQLite file (not memory): the simulator persists like the deployed one would.
    database = Path(tempfile.mkdtemp(prefix="portalcert-sim-")) / "simulator.sqlite3"
    config: dict[str, Any] = {
        "DATABASE_URL": f"sqlite:///{database}",
        "CONTROL_TOKEN": token,
        "CAPTCHA_TEST_VALUE": target.captcha_test_value,
        **simulator_fixtures(target),
        "DEFECTS": list(defects),
        "PASSWORD_HASH_METHOD": PASSWORD_HASH_FOR_RUNS,
    }
    app = create_app(config)
    # One access-log line per request would drown the progress line.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    base_url, stop_server = start_in_thread(app)

    def stop() -> None:
        stop_server()
        get_database(app).engine.dispose()
        shutil.rmtree(database.parent, ignore_errors=True)

    return base_url, stop
