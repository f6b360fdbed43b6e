"""What was typed into a password field is a secret by the field's type, not its name (wire.Wire's
typed_secrets), on both engines; SEC-13's check then finds a password echoed from a field named `jelszo`
and takes no text field for a secret because it is named `password`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from types import SimpleNamespace
from typing import Protocol, cast

import pytest
from flask import Flask, request
from markupsafe import escape

from portalcert.checks import RuleViolation
from portalcert.engines import Engine
from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.http import HttpEngine
from portalcert.engines.wire import Wire
from profiles.security_baseline.tasks import web
from profiles.security_baseline.tasks.base import Notes, SecActor
from tests.engine_params import ENGINES

PASSWORD = "Kx9-titok"
NOT_A_SECRET = "anna.kovacs"  # typed into a text field that is only named `password`
LOGIN_PAGE = """<!doctype html>
<html><head><title>Belépés</title></head><body>
<form action="/{answer}" method="post">
  <input type="text" name="password" data-testid="name">
  <input type="PASSWORD" name="jelszo" data-testid="jelszo">
  <button data-testid="send">Belépés</button>
</form></body></html>"""


class WireEngine(Engine, Wire, Protocol):
    """An engine that shows its exchanges and what was typed in secret."""


@pytest.fixture(scope="module")
def portal_url(serving: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[str]:
    app = Flask("typed_secrets")

    @app.get("/<answer>")
    def login(answer: str) -> str:
        return LOGIN_PAGE.format(answer=escape(answer))

    @app.post("/echoing")
    def echoing() -> str:  # the bug: the typed password shown again, under another name
        return f"<!doctype html><p>Hibás jelszó: {escape(request.form['jelszo'])}</p>"

    @app.post("/greeting")
    def greeting() -> str:  # shows back what is not a secret, whatever its field is named
        return f"<!doctype html><p>Hibás jelszó, {escape(request.form['password'])}</p>"

    with serving(app) as url:
        yield url


@pytest.fixture(params=ENGINES)
def engine(
    request: pytest.FixtureRequest, portal_url: str, browser_settings: BrowserSettings
) -> Iterator[WireEngine]:
    opened: WireEngine
    if request.param == "http":
        opened = HttpEngine(portal_url + "/")
    else:
        opened = BrowserEngine(portal_url + "/", timeout=5, settings=browser_settings)
    try:
        yield opened
    finally:
        opened.close()


def _sign_in(engine: WireEngine, answer: str) -> None:
    engine.goto(f"/{answer}")
    engine.fill("[data-testid=name]", NOT_A_SECRET)
    engine.fill("[data-testid=jelszo]", PASSWORD)
    engine.press("[data-testid=send]")


def _actor(engine: WireEngine) -> SecActor:
    return cast(SecActor, SimpleNamespace(portal=SimpleNamespace(engine=engine)))


def test_only_a_password_field_types_a_secret(engine: WireEngine) -> None:
    assert engine.typed_secrets() == []
    _sign_in(engine, "greeting")
    assert engine.typed_secrets() == [PASSWORD]


def test_a_password_echoed_from_a_field_named_jelszo_fails_sec13(engine: WireEngine) -> None:
    _sign_in(engine, "echoing")
    with pytest.raises(RuleViolation, match="a secret echoed in the page /echoing"):
        web.expect_no_secret_exposed(_actor(engine), Notes())


def test_a_text_field_named_password_is_no_secret_to_sec13(engine: WireEngine) -> None:
    _sign_in(engine, "greeting")
    assert engine.text("p") == f"Hibás jelszó, {NOT_A_SECRET}"
    web.expect_no_secret_exposed(_actor(engine), Notes())  # passes: the password was not shown
