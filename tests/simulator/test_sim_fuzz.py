"""Hypothesis over every route of the simulator: whatever arrives, no answer is a server error (>= 500).

Every rule of `app.url_map` is a test case. Each example starts from a freshly reset simulator, puts
a visitor in one of the portal's states (anonymous, holding a CSRF token, in the middle of a
registration, signed in) and sends 1 to 3 requests: any method, a mutated path and query string,
form, multipart, JSON or raw bodies in any encoding, the form fields the portal's pages really have
(with their real values, the data set's values and random text of any size), valid, missing and
forged CSRF tokens and control tokens, forged session cookies.

`make test` runs a few examples per route; `make fuzz` sets SIM_FUZZ_EXAMPLES (examples per route)
and prints how many requests got each status.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from simulator import create_app
from simulator.db import get_database
from simulator.defects import catalogue
from simulator.security import CONTROL_PREFIX
from tests.simulator.sim_client import DOCUMENT, TEST_CONFIG, TOKEN, SimClient, load_data

EXAMPLES = int(os.environ.get("SIM_FUZZ_EXAMPLES", "6"))
# TESTING: an exception escapes to the test (with its traceback) instead of becoming a 500 page.
FUZZ_CONFIG: dict[str, Any] = {**TEST_CONFIG, "TESTING": True}
METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND")
CONTENT_TYPES = (
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=b",
    "application/json",
    "application/json; charset=utf-16",
    "text/plain",
    "application/octet-stream",
    "",
    "x/\x7f;;=",
)
# Query parameters of the control API that the fuzz must not set to a long wait (outbox polls up to 30 s).
WAIT_VALUES = ("", "0", "0.01", "-1", "nan", "inf", "1e309", "31", "0x1", "ten")


@dataclass(frozen=True, order=True)
class Route:
    rule: str
    endpoint: str
    methods: tuple[str, ...]

    @property
    def control(self) -> bool:
        return self.rule.startswith(CONTROL_PREFIX)


def _routes() -> list[Route]:
    app = create_app(FUZZ_CONFIG)
    try:
        rules = app.url_map.iter_rules()
        return sorted(Route(r.rule, r.endpoint, tuple(sorted(r.methods or ()))) for r in rules)
    finally:
        get_database(app).engine.dispose()


ROUTES = _routes()


# --- the states an example starts from ----------------------------------------------------------


def _anonymous(sim: SimClient) -> str | None:
    return None


def _visitor(sim: SimClient) -> str | None:
    return sim.get("/cm6/login").csrf


def _registration_step2(sim: SimClient) -> str | None:
    assert sim.step1().name == "registration-step2"
    return sim.page.csrf if sim.page else None


def _registration_otp(sim: SimClient) -> str | None:
    assert sim.step2().name == "registration-otp"
    return sim.page.csrf if sim.page else None


def _registration_step3(sim: SimClient) -> str | None:
    assert sim.through_otp().name == "registration-step3"
    return sim.page.csrf if sim.page else None


def _signed_in(sim: SimClient) -> str | None:
    assert sim.login_fully().name == "private-home"
    return sim.page.csrf if sim.page else None


STATES: tuple[Callable[[SimClient], str | None], ...] = (
    _anonymous,
    _visitor,
    _registration_step2,
    _registration_otp,
    _registration_step3,
    _signed_in,
)


# --- what the portal's pages ask for ---------------------------------------------------------


def _form_fields(sim: SimClient) -> dict[str, dict[str, set[str]]]:
    """Form action path -> field name -> the values the pages offer, gathered over every state."""
    found: dict[str, dict[str, set[str]]] = {}
    get_paths = [r.rule for r in ROUTES if "GET" in r.methods and "<" not in r.rule and not r.control]
    for state in STATES:
        _reset(sim)
        state(sim)
        for path in get_paths:
            page = sim.client.get(path, follow_redirects=True)
            if page.mimetype != "text/html":
                continue
            for form in BeautifulSoup(page.get_data(as_text=True), "html.parser").select("form"):
                fields = found.setdefault(urlsplit(str(form.get("action") or path)).path, {})
                for tag in form.select("input[name], select[name], textarea[name], button[name]"):
                    values = fields.setdefault(str(tag["name"]), set())
                    values.add(str(tag.get("value", "")))
                    values.update(str(option.get("value", "")) for option in tag.select("option"))
    return found


def _data_set_values() -> list[str]:
    """Every string and number of the test data set: usernames, passwords, fiscal codes, numbers."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str | int) and not isinstance(node, bool):
            found.add(str(node))

    walk(load_data())
    return sorted(found)


def _reset(sim: SimClient) -> None:
    assert sim.control("POST", "reset").status_code == 200
    assert sim.control("PUT", "defects", {"enabled": []}).status_code == 200
    sim.client.delete_cookie(sim.app.config["SESSION_COOKIE_NAME"])
    sim.page = None


@dataclass
class Fuzzer:
    app: Flask
    fields: dict[str, dict[str, set[str]]]
    statuses: Counter[int] = field(default_factory=Counter)
    routes: Counter[str] = field(default_factory=Counter)

    def client(self) -> SimClient:
        sim = SimClient(self.app, self.app.test_client())
        _reset(sim)
        return sim


@pytest.fixture(scope="module")
def fuzzer(request: pytest.FixtureRequest) -> Iterator[Fuzzer]:
    app = create_app(FUZZ_CONFIG)
    found = Fuzzer(app, _form_fields(SimClient(app, app.test_client())))
    yield found
    get_database(app).engine.dispose()
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None or not found.statuses:
        return  # an xdist worker has no terminal: the count is for `make fuzz`
    by_status = ", ".join(f"{status}: {n}" for status, n in sorted(found.statuses.items()))
    with capture.global_and_fixture_disabled():
        reporter.write_line(
            f"\nsimulator fuzz: {found.statuses.total()} requests over {len(found.routes)} routes "
            f"({EXAMPLES} examples per route); responses by status: {by_status}"
        )


# --- strategies -------------------------------------------------------------------------------

TEXT = st.text(max_size=40)
HEADER_TEXT = st.text(
    st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), max_size=60
)
DATA_SET_VALUES = _data_set_values()
SPECIAL = (
    "",
    " ",
    "\x00",
    "é",
    "%FF",
    "\ufeff",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "9" * 400,
    "ACE ARM",
    "PROVA",
    "-1",
    "1e309",
    "NaN",
)


def _values(offered: set[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(sorted(offered) or [""]),
        st.sampled_from(DATA_SET_VALUES),
        st.sampled_from(SPECIAL),
        TEXT,
    )


@st.composite
def _form(draw: st.DrawFn, fields: dict[str, set[str]], token: str | None) -> MultiDict[str, str]:
    form: MultiDict[str, str] = MultiDict()
    for name in draw(st.lists(st.sampled_from(sorted(fields)), unique=True)) if fields else []:
        for _ in range(draw(st.integers(1, 2))):  # a field sent twice
            form.add(name, draw(_values(fields[name])))
    for name in draw(st.lists(TEXT, max_size=3)):
        form.add(name, draw(_values(set())))
    if token and draw(st.integers(0, 3)) > 0:
        form["csrf_token"] = token
    elif (forged := draw(st.sampled_from(("", "è", "\x00", "a" * 43)) | TEXT | st.none())) is not None:
        form["csrf_token"] = forged
    return form


@st.composite
def _control_json(draw: st.DrawFn) -> object:
    """Bodies shaped like the control API's, spoilt at one point, and arbitrary JSON."""
    spoilt = draw(
        st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | TEXT, _json_children)
    )
    data = load_data()
    kind = draw(st.sampled_from(sorted(k for k, v in data.items() if isinstance(v, list))))
    if data[kind] and draw(st.booleans()):
        record = data[kind][draw(st.integers(0, len(data[kind]) - 1))]
        record[draw(st.sampled_from(sorted(record)))] = spoilt
    else:
        data[kind] = spoilt
    names = [d.name for d in catalogue()]
    return draw(
        st.sampled_from(
            (
                {"fixtures": {DOCUMENT: data}},
                {"fixtures": {draw(TEXT): data}},
                {"advance": {draw(st.sampled_from(("days", "hours", "seconds", "weeks"))): spoilt}},
                {"enabled": [draw(st.sampled_from(names)), spoilt]},
                {"enabled": draw(st.lists(st.sampled_from(names), max_size=3))},
                spoilt,
            )
        )
    )


def _json_children(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)


@st.composite
def _path(draw: st.DrawFn, route: Route) -> str:
    path = route.rule
    if "<" in path:
        filename = draw(st.sampled_from(("portal.css", "print.js", "../pyproject.toml", "%00", "a/b")) | TEXT)
        path = path.split("<", 1)[0] + quote(filename, safe="/%")
    mutated = draw(st.integers(0, 4)) == 0
    suffix = draw(st.sampled_from(("/", "//", "/..", "%FF", "%00", "/x"))) if mutated else ""
    # Not "//...": a test client reads that as another host, a browser as well.
    return "/" + (path + suffix).lstrip("/")


@st.composite
def _query(draw: st.DrawFn, route: Route, fields: dict[str, set[str]]) -> str:
    if route.control:
        wanted = {"after": {"0", "1", "-1", "x", "9" * 30}, "channel": {"sms", "email"}, "to": {"3472000001"}}
        query = {name: draw(_values(values)) for name, values in wanted.items() if draw(st.booleans())}
        if draw(st.booleans()):
            query["wait"] = draw(st.sampled_from(WAIT_VALUES))
        return urlencode(query)
    return draw(
        st.sampled_from(("", "v=1", "a=%FF&%00=b&&=&x", "%", "a=1&a=2"))
        | st.builds(urlencode, _form(fields, None))
    )


@st.composite
def request_args(draw: st.DrawFn, route: Route, fuzzer: Fuzzer, token: str | None) -> dict[str, Any]:
    fields = fuzzer.fields.get(route.rule, {})
    allowed = [m for m in route.methods if m not in ("HEAD", "OPTIONS")]
    args: dict[str, Any] = {
        "method": draw(
            st.sampled_from(METHODS) if draw(st.integers(0, 3)) == 0 else st.sampled_from(allowed)
        ),
        "path": draw(_path(route)),
        "query_string": draw(_query(route, fields)),
        "headers": {},
        "follow_redirects": False,
    }
    if route.control or draw(st.integers(0, 9)) == 0:
        forged = st.sampled_from(("", "wrong", "é" * 3)) | HEADER_TEXT
        args["headers"]["X-Sim-Token"] = TOKEN if draw(st.integers(0, 3)) else draw(forged)
    sends = "POST" in route.methods or "PUT" in route.methods
    kinds = (
        ("json", "json", "json", "form", "raw")
        if route.control
        else ("form",) * 3 + ("multipart", "raw", "json")
    )
    body = draw(st.sampled_from(kinds if sends else ("none", "raw")))
    if body in ("form", "multipart"):
        form = draw(_form(fields, token))
        if body == "multipart" and form and draw(st.booleans()):
            form.add(draw(TEXT), (draw(st.binary(max_size=200)), draw(TEXT)))  # type: ignore[arg-type]
        args["data"] = form
        if draw(st.integers(0, 9)) == 0:  # past the field or request limits (MAX_FORM_MEMORY_SIZE, ...)
            size = draw(st.sampled_from((5_000, 600_000, 1_100_000)))
            form.add(draw(st.sampled_from([*sorted(fields), "x"])), draw(st.sampled_from("xé€")) * size)
        if body == "multipart":
            args["content_type"] = "multipart/form-data"
    elif body == "raw":
        args["data"] = draw(
            st.binary(max_size=300) | st.builds(str.encode, st.builds(urlencode, _form(fields, token)))
        )
        args["content_type"] = draw(st.sampled_from(CONTENT_TYPES) | HEADER_TEXT)
    elif body == "json":
        args["json"] = draw(_control_json()) if route.control else draw(st.builds(dict, _form(fields, token)))
    return args


# --- the test -----------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.endpoint)
@settings(
    max_examples=EXAMPLES,
    deadline=None,  # never a timed test: the machine's load must not fail it
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_no_request_gets_a_server_error(fuzzer: Fuzzer, route: Route, data: st.DataObject) -> None:
    sim = fuzzer.client()
    token = data.draw(st.sampled_from(STATES), label="state")(sim)
    cookie = data.draw(st.none() | HEADER_TEXT, label="forged session cookie")
    if cookie is not None:
        sim.client.set_cookie(sim.app.config["SESSION_COOKIE_NAME"], cookie)
    for _ in range(data.draw(st.integers(1, 3), label="requests")):
        args = data.draw(request_args(route, fuzzer, token), label="request")
        response = sim.client.open(**args)
        fuzzer.statuses[response.status_code] += 1
        fuzzer.routes[route.endpoint] += 1
        assert response.status_code < 500, response.get_data(as_text=True)[:500]
