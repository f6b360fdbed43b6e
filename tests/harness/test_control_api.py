"""A control API declared as data: HTTP calls to a small real server on a loopback port.

The server answers 204 (no body), 200, 500 or never, and records what it was sent, so the tests see
the method, URL, headers and rendered body a target file's declaration produces.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from portalcert import target, yamlsource
from portalcert.control import ControlClient
from portalcert.engines.base import EngineError, UnreachableError
from portalcert.errors import ConfigError
from portalcert.target_control import Control, ControlCall, parse, simulator_control

from .. import simulator_target
from ..suite_runs import run_suite


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: str


@dataclass
class VendorApi:
    url: str
    received: list[Received] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def vendor_api() -> Iterator[VendorApi]:
    api = VendorApi("")

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            api.received.append(Received(self.command, self.path, dict(self.headers), body))
            if "/hang" in self.path:
                api.release.wait(30)  # longer than any client timeout here; released at teardown
                return
            status = 500 if "/fail" in self.path else 200 if "/json" in self.path else 204
            payload = b"state store is down" if status == 500 else b'{"ok": true}' if status == 200 else b""
            self.send_response(status)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_POST = do_PUT = do_GET = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    api.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield api
    finally:
        api.release.set()
        server.shutdown()
        server.server_close()


def control_from(tmp_path: Path, text: str) -> Control | None:
    path = tmp_path / "control.yaml"
    path.write_text(text, encoding="utf-8")
    return parse(yamlsource.load(path).child("control"))


VENDOR = """\
control:
  reset:
    url: /test-api/state/reset
    headers: {Authorization: "Bearer ${VENDOR_TOKEN}"}
    body: '{"scope": "all"}'
  clock:
    method: put
    url: /test-api/clock?hours={hours}
    body: '{"advance_seconds": {seconds}, "days": {days}}'
"""


def test_declared_calls_reach_the_api_under_the_base_urls_path_and_204_is_success(
    tmp_path: Path, vendor_api: VendorApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VENDOR_TOKEN", "s3cret")
    control = control_from(tmp_path, VENDOR)
    assert control is not None and control.simulator is None
    client = ControlClient(f"{vendor_api.url}/portal/", control, timeout=5)
    try:
        client.reset()
        client.advance_clock(days=2)
        client.advance_clock(hours=1)
    finally:
        client.close()
    reset, two_days, one_hour = vendor_api.received
    assert (reset.method, reset.path, reset.body) == (
        "POST",
        "/portal/test-api/state/reset",
        '{"scope": "all"}',
    )
    assert reset.headers["Authorization"] == "Bearer s3cret"
    assert reset.headers["Content-Type"] == "application/json"
    assert (two_days.method, two_days.path) == ("PUT", "/portal/test-api/clock?hours=48")
    assert two_days.body == '{"advance_seconds": 172800, "days": 2}'
    assert one_hour.path == "/portal/test-api/clock?hours=1"
    assert one_hour.body == '{"advance_seconds": 3600, "days": 0.041666666666666664}'


def test_an_absolute_url_is_kept_and_a_200_with_a_body_is_success(vendor_api: VendorApi) -> None:
    call = ControlCall("reset", "GET", f"{vendor_api.url}/json/reset", {"Content-Type": "text/plain"})
    client = ControlClient("http://127.0.0.1:9/elsewhere", Control(reset=call), timeout=5)
    try:
        client.reset()
    finally:
        client.close()
    (received,) = vendor_api.received
    assert (received.method, received.path, received.body) == ("GET", "/json/reset", "")


def test_an_error_answer_names_the_call_its_status_and_body(vendor_api: VendorApi) -> None:
    call = ControlCall("reset", "POST", "/fail/reset?key=private")
    client = ControlClient(vendor_api.url, Control(reset=call), timeout=5)
    try:
        with pytest.raises(EngineError) as caught:
            client.reset()
    finally:
        client.close()
    assert str(caught.value) == (
        f"control reset: POST {vendor_api.url}/fail/reset?key=*** -> 500: state store is down"
    )


def test_an_api_that_never_answers_is_an_error_naming_the_call(vendor_api: VendorApi) -> None:
    call = ControlCall("clock", "POST", "/hang/clock", body='{"s": {seconds}}')
    client = ControlClient(vendor_api.url, Control(clock=call), timeout=0.3)
    try:
        with pytest.raises(
            UnreachableError, match=r"^control clock: POST http://127\.0\.0\.1:\d+/hang/clock: "
        ):
            client.advance_clock(seconds=5)
    finally:
        client.close()
    assert [r.body for r in vendor_api.received] == ['{"s": 5}']


def test_a_call_left_out_is_a_capability_the_target_lacks(tmp_path: Path) -> None:
    control = control_from(tmp_path, "control:\n  reset: {url: /reset}\n")
    assert control is not None and control.clock is None
    client = ControlClient("http://127.0.0.1:9", control)
    try:
        with pytest.raises(EngineError, match="control clock: the target declares no clock call"):
            client.advance_clock(days=1)
    finally:
        client.close()
    reset_only = simulator_target.write(tmp_path, SIMULATOR_CONTROL, "control:\n  reset: {url: /reset}\n")
    loaded = target.load(str(reset_only))
    assert loaded.has_reset and not loaded.has_clock
    clock_only = "control:\n  clock: {url: '/clock?s={seconds}'}\n"
    loaded = target.load(str(simulator_target.write(tmp_path, SIMULATOR_CONTROL, clock_only)))
    assert loaded.has_clock and not loaded.has_reset


def test_the_simulator_form_is_the_built_in_example_of_the_calls(tmp_path: Path) -> None:
    loaded = target.load("simulator").control
    assert loaded is not None and loaded.simulator is not None
    token = loaded.simulator.token
    assert loaded == simulator_control("embedded", token)
    assert loaded.reset == ControlCall("reset", "POST", "/_sim/reset", {"X-Sim-Token": token})
    assert loaded.clock is not None and loaded.clock.body == '{"advance": {"seconds": {seconds}}}'
    served = control_from(
        tmp_path, "control: {url: 'http://127.0.0.1:5000/', token: t, reset: false, clock: true}\n"
    )
    clock_url, headers = "http://127.0.0.1:5000/_sim/clock", {"X-Sim-Token": "t"}
    assert served == Control(
        clock=ControlCall("clock", "POST", clock_url, headers, loaded.clock.body),
        clock_set=ControlCall("clock_set", "POST", clock_url, headers, '{"set": "{iso}"}'),
        simulator=served.simulator if served else None,
    )
    # The simulator offers every back-office event; its portals answer 404 for a name they lack.
    assert served.event("tis_purchase") == ControlCall(
        "event tis_purchase",
        "POST",
        "http://127.0.0.1:5000/_sim/events/tis_purchase",
        headers,
        json_values=True,
    )


VENDOR_EVENTS = """\
control:
  clock_set: {url: /test-api/clock, body: '{"now": "{iso}"}'}
  events:
    tis_purchase:
      url: /test-api/orders/{vat_number}
      body: '{"email": "{email}"}'
"""


def test_clock_set_and_events_render_the_values_the_scenario_gives(
    tmp_path: Path, vendor_api: VendorApi
) -> None:
    control = control_from(tmp_path, VENDOR_EVENTS)
    assert control is not None and control.event("other_event") is None
    client = ControlClient(vendor_api.url, control, timeout=5)
    try:
        madrid = timezone(timedelta(hours=1))
        client.set_clock(datetime(2026, 12, 4, 17, 59, tzinfo=madrid))
        assert client.event("tis_purchase", {"vat_number": "01234567890", "email": "rl@example.it"}) == {}
        with pytest.raises(EngineError, match=r"control event tis_purchase: the call uses \{email\}, but"):
            client.event("tis_purchase", {"vat_number": "1"})
        with pytest.raises(EngineError, match="the target declares no event other_event call"):
            client.event("other_event", {})
    finally:
        client.close()
    clock_set, purchase = vendor_api.received
    assert (clock_set.path, clock_set.body) == ("/test-api/clock", '{"now": "2026-12-04T16:59:00+00:00"}')
    assert (purchase.method, purchase.path) == ("POST", "/test-api/orders/01234567890")
    assert purchase.body == '{"email": "rl@example.it"}'


SIMULATOR_CONTROL = """control:                      # reset between scenarios, simulated clock
  url: embedded
  token: ""                   # embedded: a random token is made per run
  reset: true
  clock: true
"""


@pytest.mark.slow
def test_in_a_run_a_failing_reset_is_broken_naming_it_and_no_clock_is_not_applicable(
    tmp_path: Path, vendor_api: VendorApi
) -> None:
    """The embedded simulator with a vendor-style control section: a reset that answers 500, no clock."""
    reset = f"control:\n  reset: {{url: '{vendor_api.url}/fail/reset'}}\n"
    path = simulator_target.write(tmp_path, SIMULATOR_CONTROL, reset)
    run = run_suite(tmp_path / "out", "--target", str(path), "--tags", "@rule:CM6-22 or @rule:CM6-23")
    assert run.exit_code == 3, run.stderr[-2000:]
    assert run.rule("CM6-22")["status"] == "NOT_APPLICABLE"
    scenarios = run.rule("CM6-23")["scenarios"]
    assert scenarios and {s["status"] for s in scenarios} == {"BROKEN"}
    expected = f"control reset: POST {vendor_api.url}/fail/reset -> 500: state store is down"
    assert all(expected in s["message"] for s in scenarios), scenarios[0]["message"]


@pytest.mark.parametrize(
    ("section", "line", "message"),
    [
        (
            "control:\n  reset:\n    method: FETCH\n    url: /r\n",
            3,
            r"control\.reset\.method: unknown method 'FETCH'",
        ),
        (
            "control:\n  reset:\n    url: /r/{seconds}\n",
            3,
            r"control\.reset\.url: unknown placeholder \{seconds\} in the reset call \(available: none\)",
        ),
        (
            'control:\n  clock_set:\n    url: /clock\n    body: \'{"now": "{seconds}"}\'\n',
            4,
            r"control\.clock_set\.body: unknown placeholder \{seconds\} .*available: \{iso\}",
        ),
        ("control:\n  clock_set:\n    url: /clock\n", 2, r"control\.clock_set: say where to set the clock"),
        (
            "control:\n  events:\n    buy-now: {url: /orders}\n",
            3,
            r"control\.events\.buy-now: event name 'buy-now'",
        ),
        (
            "control:\n  url: embedded\n  events:\n    tis_purchase: {url: /orders}\n",
            3,
            r"control\.events: the simulator's control API \(url and token\) offers it already",
        ),
        (
            "control:\n  clock:\n    url: /clock\n    body: '{\"a\": 1}'\n",
            2,
            r"control\.clock: say how far to advance",
        ),
        (
            "control:\n  clock:\n    url: /clock\n    body: '{\"a\": {secs}}'\n",
            4,
            r"control\.clock\.body: unknown placeholder \{secs\}",
        ),
        (
            "control:\n  reset:\n    url: ftp://h/reset\n",
            3,
            r"control\.reset\.url: expected an http\(s\) URL or a path",
        ),
        ("control:\n  reset:\n    body: x\n", 2, r"control\.reset\.url: is required"),
        (
            "control:\n  reset:\n    method: GET\n    url: /r\n    body: x\n",
            5,
            r"control\.reset\.body: a GET call",
        ),
        ("control:\n  reset:\n    url: /r\n    hedaers: {}\n", 4, r"control\.reset\.hedaers: unknown key"),
        (
            'control:\n  reset:\n    url: /r\n    headers: {A: "${NO_SUCH_VAR_F}"}\n',
            4,
            r"NO_SUCH_VAR_F is not set",
        ),
        ("control:\n  url: embedded\n  reset:\n    url: /r\n", 3, r"control\.reset: with url and token"),
        ("control:\n  url: http://h\n  reset: true\n", 1, r"control\.token: is required"),
        ("control: {}\n", 1, r"control: declare a reset, clock, clock_set or events call"),
    ],
)
def test_a_wrong_control_section_names_key_and_line(
    tmp_path: Path, section: str, line: int, message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        control_from(tmp_path, section)
    assert caught.value.line == line


def test_what_a_target_can_do_decides_which_scenarios_apply(tmp_path: Path) -> None:
    simulator = target.load("simulator")
    assert simulator.has_clock_set and simulator.has_event("any_portals_event")
    vendor = control_from(tmp_path, VENDOR_EVENTS)
    assert vendor is not None
    assert vendor.clock_set is not None and vendor.clock is None
    assert vendor.event("tis_purchase") is not None and vendor.event("mgd_advisor_validates") is None
