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
from portalcert.control import ControlClient, SimulatorClient
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.errors import ConfigError, TargetUnreachable
from portalcert.leases import Leases
from portalcert.locator_ledger import LocatorLedger, ScenarioLocators
from portalcert.outofband import Channels
from portalcert.target import Target
from portalcert.target_control import SIMULATOR_EMBEDDED, Control, SimulatorApi

PASSWORD_HASH_FOR_RUNS = "pbkdf2:sha256:50000"  # real hashing, cheap enough for a reset per scenario


@dataclass(frozen=True)
class RunSettings:
    target: Target
    out_dir: Path
    engine: str = "http"
    defects: tuple[str, ...] = ()  # simulator defect switches to turn on for this run
    evidence: str = "failures"  # "failures" | "all"
    browser: BrowserSettings = field(default_factory=BrowserSettings)  # browser engine only
    # Where scenarios lease pool members (portalcert.leases); every worker of a run shares it.
    # None: `<out_dir>/.leases`, made when the session starts and removed when it ends.
    lease_dir: Path | None = None
    # A worker of a parallel run: read SMS and e-mail from the parent's sinks through this relay
    # (portalcert.sinks.relay) instead of listening; the portal delivers to one address.
    message_relay: str = ""


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
    control: ControlClient | None  # the target's reset and clock calls
    channels: Channels
    simulator: SimulatorClient | None = None  # the simulator's own API: outbox, defect switches
    notes: dict[str, ScenarioNotes] = field(default_factory=dict)
    ledger: LocatorLedger = field(default_factory=LocatorLedger)  # page-map entries seen, run-wide
    on_scenario_done: Callable[[str, str, str], None] | None = None  # (status, rule id, scenario name)
    track_reach: bool = False  # record the defect switches each scenario reaches (see sensitivity.py)
    lease_dir: Path = Path(".leases")
    _stop: Callable[[], None] | None = None
    _own_lease_dir: bool = False

    def note(self, location: str) -> ScenarioNotes:
        return self.notes.setdefault(location, ScenarioNotes())

    def leases(self, document: str) -> Leases:
        """A scenario's holdings of `document`'s pools. Consumption outlives the run only on a target
        without reset: there the portal keeps what a scenario did (a registered SIM) for good."""
        target = self.settings.target
        state = None if target.has_reset else target.accounts_state
        return Leases(self.lease_dir / document, state, scope=document)

    def close(self) -> None:
        if self._own_lease_dir:
            shutil.rmtree(self.lease_dir, ignore_errors=True)
        self.channels.stop()
        for client in (self.control, self.simulator):
            if client is not None:
                client.close()
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
    control, simulator = _control_clients(base_url, control_spec, target.request_timeout)
    try:
        if simulator is not None and settings.defects and not target.embedded:
            simulator.set_defects(list(settings.defects))
        elif settings.defects and simulator is None:
            raise ConfigError(
                str(target.source), "control", "defects can only be switched on the simulator's control API"
            )
        if settings.engine == "browser":
            from portalcert.engines.browser_launch import HOST

            HOST.browser(settings.browser)  # launch now: a missing browser is a config error, not N broken
        channels = outofband.start(
            target.messages, settings.out_dir, str(target.source), settings.message_relay
        )
    except BaseException:
        for client in (control, simulator):
            if client is not None:
                client.close()
        if stop is not None:
            stop()
        raise
    lease_dir = settings.lease_dir or settings.out_dir / ".leases"
    if settings.lease_dir is None:  # ours: what a crashed earlier run left there means nothing now
        shutil.rmtree(lease_dir, ignore_errors=True)
    lease_dir.mkdir(parents=True, exist_ok=True)
    _current = Session(
        settings,
        base_url,
        control,
        channels,
        simulator,
        ledger=ledger or LocatorLedger(),
        lease_dir=lease_dir,
        _stop=stop,
        _own_lease_dir=settings.lease_dir is None,
    )
    return _current


def finish() -> None:
    global _current
    if _current is not None:
        _current.close()
        _current = None


def _control_clients(
    base_url: str, spec: Control | None, timeout: float
) -> tuple[ControlClient | None, SimulatorClient | None]:
    """A client of the target's reset/clock calls (relative URLs joined to `base_url`, the embedded
    simulator's once started) and, for the simulator's own API, a client of its outbox and defects."""
    if spec is None:
        return None, None
    control = ControlClient(base_url, spec, timeout=timeout) if spec.reset or spec.clock else None
    simulator = None
    if spec.simulator is not None:
        url = base_url if spec.simulator.url == SIMULATOR_EMBEDDED else spec.simulator.url
        simulator = SimulatorClient(url, spec.simulator.token, timeout=timeout)
    return control, simulator


def preflight(base_url: str, *, timeout: float) -> None:
    """Fail fast, with the reason, when the portal does not answer at all."""
    try:
        httpx.get(base_url, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)), follow_redirects=True)
    except httpx.TransportError as exc:
        reason = str(exc) or type(exc).__name__
        raise TargetUnreachable(f"{base_url} is unreachable: {reason}") from None


def _start_embedded(target: Target, defects: tuple[str, ...]) -> tuple[str, Callable[[], None], Control]:
    """The simulator with the target's data; its control API (the target's, or reset and clock left out)."""
    spec = target.control or Control()
    simulator = spec.simulator or SimulatorApi(SIMULATOR_EMBEDDED, secrets.token_urlsafe(16))
    base_url, stop = start_simulator(target, simulator.token, defects)
    return base_url, stop, replace(spec, simulator=simulator)


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
