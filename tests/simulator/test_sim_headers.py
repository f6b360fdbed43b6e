"""Security headers on every response, and pages that need no inline code (so the CSP can forbid it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from werkzeug.datastructures import Headers
from werkzeug.exceptions import HTTPException

from simulator import create_app
from tests.simulator.sim_client import TEST_CONFIG, SimClient

CSP_DIRECTIVES = ("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    endpoint: str | None
    status: int
    headers: Headers
    body: bytes


class Recorder:
    """WSGI middleware keeping every response the app gives, redirects included."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.seen: list[Seen] = []
        self._inner = app.wsgi_app
        app.wsgi_app = self  # type: ignore[method-assign]

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def keep(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            captured["status"], captured["headers"] = int(status.split()[0]), Headers(headers)
            return start_response(status, headers, *args)

        body = b"".join(self._inner(environ, keep))
        method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
        self.seen.append(Seen(method, path, self._endpoint(method, path), **captured, body=body))
        return [body]

    def _endpoint(self, method: str, path: str) -> str | None:
        try:
            endpoint, _ = self.app.url_map.bind("localhost").match(path, method)
        except HTTPException:
            return None
        return str(endpoint)


@pytest.fixture
def recorded(sim: SimClient) -> Iterator[Recorder]:
    yield Recorder(sim.app)


def _visit_the_routes_not_reached(sim: SimClient, recorded: Recorder) -> None:
    """Each route the flows above did not reach (another document's portal, a new control call), with
    each of its methods and a placeholder for its values: a refusal must carry the headers too."""
    seen = {s.endpoint for s in recorded.seen}
    for rule in sim.app.url_map.iter_rules():
        if rule.endpoint in seen:
            continue
        path = rule.rule
        for argument in rule.arguments:
            path = path.replace(f"<{argument}>", "1")
            path = re.sub(rf"<[a-z]+(\([^)]*\))?:{argument}>", "1", path)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            if path.startswith("/_sim/"):
                sim.control(method, path[len("/_sim/") :], {})
            else:
                sim.client.open(path, method=method)


def _visit_every_page(sim: SimClient) -> None:
    """Every route of the app: public pages, a whole registration, the private area, errors, control API."""
    for path in (
        "/",
        "/cm6/",
        "/cm6/registrati",
        "/cm6/login",
        "/cm6/recupera-password",
        "/cm6/recupera-username",
        "/cm6/registrazione/captcha/immagine",
        "/cm6/registrazione/captcha/audio",
        "/cm6/static/portal.css",
        "/static/no-such-file.css",
        "/cm6/no-such-page",
        "/cm6/registrazione/riprova",
    ):
        sim.client.get(path, follow_redirects=True)
    assert sim.register().name == "registration-success"
    assert sim.login_fully().name == "private-home"
    for path in (
        "/cm6/area-privata",
        "/cm6/area-privata/gestione-amministrativa",
        "/cm6/area-privata/aggiorna-dati",
        "/cm6/area-privata/aggiorna-dati/dati-personali",
    ):
        sim.get(path)
    sim.submit({})  # personal data sent back unchanged
    sim.client.post("/cm6/logout", data={"csrf_token": sim.get("/cm6/area-privata").csrf})
    user = sim.role("user")
    sim.get("/cm6/recupera-password")
    sim.submit({"username": user["username"], "codice_fiscale": user["personal_fiscal_code"]})
    sim.get("/cm6/recupera-username")
    sim.submit({"codice_fiscale": user["personal_fiscal_code"]})
    sim.client.post("/cm6/login", data={"csrf_token": "forged"})  # 400
    sim.client.put("/cm6/login")  # 405
    sim.client.post("/cm6/login", data={"x": "y" * (2 * 1024 * 1024)})  # 413
    for method, path in (
        ("GET", "health"),
        ("GET", "outbox"),
        ("GET", "clock"),
        ("POST", "clock"),
        ("GET", "defects"),
        ("PUT", "defects"),
        ("GET", "defects/reached"),
        ("GET", "journal"),
        ("POST", "reset"),
    ):
        sim.control(method, path)


def test_every_route_and_response_carries_the_security_headers(sim: SimClient, recorded: Recorder) -> None:
    _visit_every_page(sim)
    _visit_the_routes_not_reached(sim, recorded)
    missed = {rule.endpoint for rule in sim.app.url_map.iter_rules()} - {s.endpoint for s in recorded.seen}
    assert not missed, f"routes this test does not visit: {sorted(missed)}"
    assert {s.status for s in recorded.seen} >= {200, 303, 400, 404, 405, 413}
    for seen in recorded.seen:
        where = f"{seen.method} {seen.path} -> {seen.status}"
        csp = seen.headers.get("Content-Security-Policy", "")
        assert all(directive in csp for directive in CSP_DIRECTIVES), where
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, where
        assert seen.headers.get("X-Frame-Options") == "DENY", where
        assert seen.headers.get("X-Content-Type-Options") == "nosniff", where
        assert seen.headers.get("Referrer-Policy") == "no-referrer", where


def test_every_response_but_static_files_is_no_store(sim: SimClient, recorded: Recorder) -> None:
    _visit_every_page(sim)
    assert any(s.endpoint == "cm6.static" and s.status == 200 for s in recorded.seen)
    for seen in recorded.seen:
        no_store = "no-store" in seen.headers.get("Cache-Control", "")
        assert no_store != (seen.endpoint in ("static", "cm6.static")), f"{seen.method} {seen.path}"


def test_pages_have_no_inline_script_style_or_handler(sim: SimClient, recorded: Recorder) -> None:
    """What a CSP without 'unsafe-inline' would refuse: the pages must not need it."""
    _visit_every_page(sim)
    pages = [s for s in recorded.seen if s.headers.get("Content-Type", "").startswith("text/html")]
    names = set()
    for seen in pages:
        soup = BeautifulSoup(seen.body, "html.parser")
        where = f"{seen.method} {seen.path}"
        assert not soup.select("style"), where
        assert not [s for s in soup.select("script") if not s.get("src")], where
        for tag in soup.find_all(True):
            inline = [a for a in tag.attrs if a == "style" or a.startswith("on")]
            assert not inline, f"{where}: <{tag.name} {inline}>"
        if (found := soup.select_one("[data-page]")) is not None:
            names.add(str(found["data-page"]))
    # the pages a visit reaches, private ones and error pages included
    reached = {"public-home", "registration-step3", "registration-success", "private-home", "simulator-error"}
    assert reached <= names


def test_print_button_is_wired_by_the_static_script(sim: SimClient) -> None:
    page = sim.through_otp()
    assert page.name == "registration-step3"
    assert page.one("[data-testid=action-stampa][data-print]") is not None
    script = page.attr("script[src]", "src")
    assert script is not None and sim.client.get(script).status_code == 200
    assert b"window.print()" in sim.client.get(script).data


@pytest.mark.parametrize(
    ("setting", "base_url", "secure"),
    [
        (None, "http://127.0.0.1", False),
        (None, "https://127.0.0.1", True),
        (True, "http://127.0.0.1", True),
        (False, "https://127.0.0.1", False),
    ],
)
def test_session_cookie_is_secure_when_served_over_https_or_configured(
    setting: bool | None, base_url: str, secure: bool
) -> None:
    app = create_app({**TEST_CONFIG, "SESSION_COOKIE_SECURE": setting})
    response = app.test_client().get("/cm6/login", base_url=base_url)
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(app.config["SESSION_COOKIE_NAME"] + "=")
    assert ("; Secure" in cookie) == secure
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
