"""A target's control API as data: the HTTP calls that reset the portal, move its clock and play
back-office events (an order system's purchase, an advisor's validation).

Two forms in a target file's `control:` section. The general one describes each call:

    control:
      reset: {method: POST, url: /test-api/reset, headers: {Authorization: "Bearer ${TOKEN}"}}
      clock: {url: /test-api/clock, body: '{"advance_seconds": {seconds}}'}
      clock_set: {url: /test-api/clock, body: '{"now": "{iso}"}'}
      events:
        tis_purchase: {url: /test-api/orders, body: '{"vat": "{vat_number}", "email": "{email}"}'}

The simulator's own form, `control: {url: embedded|URL, token: ..., reset: true, clock: true}`, is
the built-in example of the general one (see `simulator_control`); only it also reaches the
simulator's outbox and defect switches.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

from portalcert.envrefs import expand_env
from portalcert.yamlsource import Node

SIMULATOR_EMBEDDED = "embedded"  # control.url value: the simulator this run starts in-process
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_EVENT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class ControlCall:
    """One HTTP call of a control API. `url` is absolute or relative to base_url (portalcert.urls.join);
    `url` and `body` are templates: {seconds} {minutes} {hours} {days} become the amount to advance."""

    name: str  # "reset" | "clock" | "clock_set" | "event <name>": how errors name the call
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict, repr=False)  # may carry secrets
    body: str | None = None  # None: the request has no body
    # The body is the JSON object of the call's values rather than a template (the simulator's events).
    json_values: bool = False

    def render(self, template: str, values: Mapping[str, str]) -> str:
        """`template` with each {placeholder} replaced by its value; KeyError names a missing one."""
        return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)

    def placeholders(self) -> set[str]:
        """The names the call's url and body use."""
        return {
            match.group(1) for text in (self.url, self.body or "") for match in _PLACEHOLDER.finditer(text)
        }


def amount_values(seconds: float) -> dict[str, str]:
    """A clock call's values: the amount to advance in each unit it may be written in."""
    return {unit: _number(seconds / size) for unit, size in UNIT_SECONDS.items()}


@dataclass(frozen=True)
class SimulatorApi:
    """The simulator's `/_sim/` API, for what only the simulator offers: its outbox and defect switches."""

    url: str  # SIMULATOR_EMBEDDED or an absolute URL
    token: str = field(repr=False)


@dataclass(frozen=True)
class Control:
    """What the target's control API can do; a call left out is a capability the target lacks."""

    reset: ControlCall | None = None
    clock: ControlCall | None = None
    clock_set: ControlCall | None = None  # sets the clock to {iso}, a UTC ISO 8601 instant
    events: Mapping[str, ControlCall] = field(default_factory=dict)
    simulator: SimulatorApi | None = None

    def event(self, name: str) -> ControlCall | None:
        """The call that plays back-office event `name`; the simulator's API offers every name (one its
        portals do not know answers 404, which the run reports BROKEN)."""
        if self.simulator is not None:
            url = f"{_simulator_prefix(self.simulator.url)}/_sim/events/{name}"
            headers = {"X-Sim-Token": self.simulator.token}
            return ControlCall(f"event {name}", "POST", url, headers, json_values=True)
        return self.events.get(name)


def simulator_control(url: str, token: str, *, reset: bool = True, clock: bool = True) -> Control:
    """The simulator's control API expressed as calls (its `url` embedded: relative to base_url)."""
    prefix = _simulator_prefix(url)
    headers = {"X-Sim-Token": token}
    clock_url = f"{prefix}/_sim/clock"
    return Control(
        reset=ControlCall("reset", "POST", f"{prefix}/_sim/reset", headers) if reset else None,
        clock=ControlCall("clock", "POST", clock_url, headers, '{"advance": {"seconds": {seconds}}}')
        if clock
        else None,
        clock_set=ControlCall("clock_set", "POST", clock_url, headers, '{"set": "{iso}"}') if clock else None,
        simulator=SimulatorApi(url, token),
    )


def _simulator_prefix(url: str) -> str:
    return "" if url == SIMULATOR_EMBEDDED else url.rstrip("/")


def parse(node: Node) -> Control | None:
    """The `control:` section; None when the target has none."""
    if node.value is None:
        return None
    node.reject_unknown({"url", "token", "reset", "clock", "clock_set", "events"})
    if _is_simulator_form(node):
        for key in ("clock_set", "events"):
            if node.child(key).value is not None:
                raise node.child(key).fail(
                    "the simulator's control API (url and token) offers it already; leave it out"
                )
        return _simulator_form(node)
    events_node = node.child("events")
    control = Control(
        reset=_call("reset", node.child("reset")),
        clock=_call("clock", node.child("clock")),
        clock_set=_call("clock_set", node.child("clock_set")),
        events={name: _event(name, call) for name, call in events_node.items()},
    )
    if not (control.reset or control.clock or control.clock_set or control.events):
        raise node.fail("declare a reset, clock, clock_set or events call (or leave the section out)")
    return control


def _event(name: str, node: Node) -> ControlCall:
    if not _EVENT_NAME.fullmatch(name):
        raise node.fail(
            f"event name {name!r}: letters, digits and underscores, as the features' @needs:event: tags"
        )
    call = _call(f"event {name}", node)
    assert call is not None  # items() yields declared entries only
    return call


def _is_simulator_form(node: Node) -> bool:
    return any(node.child(key).value is not None for key in ("url", "token")) or any(
        isinstance(node.child(key).value, bool) for key in ("reset", "clock")
    )


def _simulator_form(node: Node) -> Control:
    for key in ("reset", "clock"):
        if node.child(key).value is not None and not isinstance(node.child(key).value, bool):
            raise node.child(key).fail(
                "with url and token (the simulator's control API) this is true or false; "
                "describe a vendor API's calls without url and token"
            )
    url_node = node.child("url")
    url = expand_env(url_node) or url_node.string()
    token = expand_env(node.child("token"))
    if url == SIMULATOR_EMBEDDED:
        token = token or secrets.token_urlsafe(16)
    else:
        _check_url(url_node, url, relative=False)
        if not token:
            raise node.child("token").fail("is required for a control API that is not embedded")
    return simulator_control(
        url,
        token,
        reset=node.child("reset").boolean(default=True),
        clock=node.child("clock").boolean(default=True),
    )


def _call(name: str, node: Node) -> ControlCall | None:
    if node.value is None:
        return None
    node.reject_unknown({"method", "url", "headers", "body"})
    method_node = node.child("method")
    method = method_node.string(required=False, default="POST").upper()
    if method not in METHODS:
        raise method_node.fail(f"unknown method {method_node.value!r} (available: {', '.join(METHODS)})")
    url_node = node.child("url")
    url = expand_env(url_node) or url_node.string()
    _check_url(url_node, url, relative=True)
    headers_node = node.child("headers")
    headers = {key: expand_env(value) for key, value in headers_node.items()}
    body_node = node.child("body")
    body = expand_env(body_node) if body_node.value is not None else None
    if method == "GET" and body is not None:
        raise body_node.fail("a GET call has no body; use another method or put the values in the url")
    _check_placeholders(name, node, url_node, url, body_node, body)
    return ControlCall(name, method, url, headers, body)


def _check_url(node: Node, url: str, *, relative: bool) -> None:
    scheme = _SCHEME.match(url)
    if scheme is None and relative and not any(char.isspace() for char in url):
        return
    if scheme is None or scheme.group(1).lower() not in ("http", "https") or any(c.isspace() for c in url):
        allowed = (
            "an http(s) URL or a path relative to base_url" if relative else "an http(s) URL or 'embedded'"
        )
        raise node.fail(f"expected {allowed}, got {url!r}")


def _check_placeholders(
    name: str, node: Node, url_node: Node, url: str, body_node: Node, body: str | None
) -> None:
    """reset has no placeholder, clock says how far ({seconds}...), clock_set where ({iso}); an event's
    placeholders are the values its scenarios give, checked when it is played."""
    if name.startswith("event "):
        return
    allowed = {"reset": set(), "clock": set(UNIT_SECONDS), "clock_set": {"iso"}}[name]
    used = []
    for where, text in ((url_node, url), (body_node, body or "")):
        for match in _PLACEHOLDER.finditer(text):
            if match.group(1) not in allowed:
                available = ", ".join(f"{{{key}}}" for key in sorted(allowed)) or "none"
                raise where.fail(
                    f"unknown placeholder {match.group(0)} in the {name} call (available: {available})"
                )
            used.append(match.group(1))
    if name == "clock" and not used:
        raise node.fail(
            "say how far to advance: put {seconds}, {minutes}, {hours} or {days} in the url or body"
        )
    if name == "clock_set" and not used:
        raise node.fail("say where to set the clock: put {iso} (a UTC ISO 8601 instant) in the url or body")


def _number(value: float) -> str:
    """A JSON/URL-friendly number: whole amounts without a decimal point (2 days: 2, not 2.0)."""
    return str(int(value)) if value == int(value) else repr(value)
