"""The password recovery (MYB-02's "Hai dimenticato la password?") e-mails a link that sets a new password
once, within an hour; until then the current password keeps working (SEC-06), and the answer is the same
whether the data match a user or not (SEC-07)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from documents.tim_mybusiness.simulator.recovery import RESET_LINK_LIFETIME

from .portal_client import PREFIX, Browser, new_app, record

_LINK = re.compile(r"https?://[^/]+" + PREFIX + r"(/recupera-password/nuova/[\w-]+)")


@pytest.fixture
def browser() -> Iterator[Browser]:
    for app in new_app():
        yield Browser(app.test_client())


def _ask(browser: Browser, username: str, email: str) -> Browser:
    return browser.get("/recupera-password").post("/recupera-password", username=username, email=email)


def _asked_link(browser: Browser, user: dict[str, Any]) -> str:
    """The path of the link the recovery e-mailed to the user."""
    _ask(browser, user["username"], user["email"])
    found = _LINK.search(browser.emails(user["email"])[-1])
    assert found is not None
    return found.group(1)


def _choose(browser: Browser, link: str, password: str, again: str | None = None) -> Browser:
    return browser.get(link).post(
        link, password=password, password_again=password if again is None else again
    )


def test_asking_keeps_the_current_password_and_mails_a_link(browser: Browser) -> None:
    user = record("utilizzatore")
    _asked_link(browser, user)
    assert browser.sign_in(user["username"], user["password"]).page == "home"


def test_the_link_sets_a_new_password_once(browser: Browser) -> None:
    user = record("utilizzatore")
    link = _asked_link(browser, user)
    assert _choose(browser, link, "Nuova2026pw").page == "login"
    assert browser.sign_in(user["username"], user["password"]).error == "credentials-wrong"
    browser.client.delete_cookie(browser.client.application.config["SESSION_COOKIE_NAME"])
    assert browser.sign_in(user["username"], "Nuova2026pw").page == "home"
    assert browser.get(link).error == "reset-link-invalid"


def test_a_newer_password_spends_every_older_link(browser: Browser) -> None:
    user = record("utilizzatore")
    first, second = _asked_link(browser, user), _asked_link(browser, user)
    assert _choose(browser, second, "Nuova2026pw").page == "login"
    assert browser.get(first).error == "reset-link-invalid"


def test_the_link_expires(browser: Browser) -> None:
    link = _asked_link(browser, record("utilizzatore"))
    browser.advance(seconds=RESET_LINK_LIFETIME.total_seconds() + 1)
    assert browser.get(link).error == "reset-link-invalid"


def test_the_new_password_is_typed_twice_and_long_enough(browser: Browser) -> None:
    link = _asked_link(browser, record("utilizzatore"))
    assert _choose(browser, link, "Nuova2026pw", "Nuova2026px").error == "password-mismatch"
    assert _choose(browser, link, "Corta1").error == "password-too-short"


def test_unknown_usernames_and_wrong_addresses_are_answered_alike(browser: Browser) -> None:
    user = record("utilizzatore")
    wrong = _ask(browser, user["username"], "altro@example.org").soup.select_one("[data-testid=notice]")
    unknown = _ask(browser, "nessuno", "altro@example.org").soup.select_one("[data-testid=notice]")
    assert wrong is not None and unknown is not None and wrong.text == unknown.text
    assert browser.emails(user["email"]) == []
