"""The simulator's Telekom portal beyond what the scenarios walk: code limits, replaced codes, typed
addresses, the declaration event's refusals, and malformed requests answered with 4xx, never 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from .portal_client import DATA, TOKEN, Browser, new_app, record


@pytest.fixture
def app() -> Iterator[Flask]:
    yield from new_app()


@pytest.fixture
def browser(app: Flask) -> Browser:
    return Browser(app.test_client())


def _to_code_page(browser: Browser, user: dict[str, Any]) -> None:
    browser.get("/belepes").post("/belepes", lepes="azonosito", azonosito=user["login"])
    browser.post("/belepes", lepes="jelszo", jelszo=user["password"])
    assert browser.page == "login-code"


def test_a_login_code_is_locked_after_five_wrong_tries(browser: Browser) -> None:
    user = record("business_user")
    _to_code_page(browser, user)
    for _ in range(5):
        browser.post("/belepes", lepes="kod", kod="ZZZ ZZZ")
    assert browser.error == "code-locked"
    browser.post("/belepes", lepes="kod", kod=browser.sms(user["mobile"])[-1])
    assert browser.page == "login-code" and browser.error == "code-locked"


def test_a_resent_code_replaces_the_first_one(browser: Browser) -> None:
    user = record("business_user")
    _to_code_page(browser, user)
    browser.post("/belepes/sms-ujra")
    first, second = browser.sms(user["mobile"])[-2:]
    browser.post("/belepes", lepes="kod", kod=first)
    assert browser.error == "code-wrong"
    browser.post("/belepes", lepes="kod", kod=second)
    assert browser.page == "self-service"


def test_a_login_id_without_company_is_refused_before_the_password(browser: Browser) -> None:
    browser.get("/belepes").post("/belepes", lepes="azonosito", azonosito="admin")
    assert (browser.page, browser.error) == ("login", "login-id-format")


def test_an_unknown_login_id_is_refused_like_a_wrong_password(browser: Browser) -> None:
    browser.get("/belepes").post("/belepes", lepes="azonosito", azonosito="senki@sehol")
    assert browser.page == "login-password"
    browser.post("/belepes", lepes="jelszo", jelszo="Barmi12345")
    assert browser.error == "credentials-wrong"


def test_a_business_user_cannot_type_another_companys_address(browser: Browser) -> None:
    user = record("business_user")
    _to_code_page(browser, user)
    browser.post("/belepes", lepes="kod", kod=browser.sms(user["mobile"])[-1])
    granted = user["permissions"][0]
    other = next(c["slug"] for c in DATA["companies"] if c["id"] != user["company"])
    assert browser.get(f"/ceg/{other}/{granted}").error == "no-permission"
    assert browser.status == 403


def test_a_phone_session_is_refused_company_addresses(browser: Browser) -> None:
    number = record("mobile")
    slug = next(c["slug"] for c in DATA["companies"] if c["id"] == number["company"])
    browser.get("/belepes/telefonszam").post(
        "/belepes/telefonszam", lepes="szam", telefonszam=number["number"]
    )
    browser.post("/belepes/telefonszam", lepes="sms")
    browser.post("/belepes/telefonszam", lepes="kod", kod=browser.sms(number["number"])[-1])
    assert browser.page == "self-service"
    for function in ("szamlak", "felhasznalok", "jogok"):
        assert browser.get(f"/ceg/{slug}/{function}").error == "company-level"


def _event(app: Flask, params: dict[str, str]) -> tuple[int, Any]:
    response = app.test_client().post(
        "/_sim/events/mth_admin_declaration", json=params, headers={"X-Sim-Token": TOKEN}
    )
    return response.status_code, response.get_json()


def test_the_declaration_sets_up_admin_at_the_company_once(app: Flask) -> None:
    company = record("undeclared_company")
    form = {"company": company["id"], "name": "Kovács Anna", "email": "anna@pelda.hu", "mobile": "301234567"}
    assert _event(app, form) == (
        200,
        {"event": "mth_admin_declaration", "result": {"login": f"admin@{company['slug']}"}},
    )
    status, body = _event(app, form)
    assert status == 400 and "already has a main admin" in body["error"]
    assert _event(app, {**form, "company": "nincs"})[0] == 400
    assert _event(app, {**form, "company": record("undeclared_company")["id"], "mobile": "12"})[0] == 400


MALFORMED: list[dict[str, str]] = [
    {},
    {"lepes": "jelszo"},
    {"lepes": "kod", "kod": "\u0000" * 300},
    {"lepes": "szam", "telefonszam": "é" * 5000},
    {"lepes": "mentes", "telefonszam": "301234567", "egyenleg": "tiltott"},
    {"csatorna": "galamb", "azonosito": "x@y"},
    {"lepes": "szam", "telefonszam": "٣٠١٢٣٤٥٦٧"},  # nine digits, but not ASCII ones
]
POSTS = [
    "/belepes",
    "/belepes/sms-ujra",
    "/belepes/telefonszam",
    "/elfelejtett-jelszo",
    "/jelszo-csere",
    "/kilepes",
]


@pytest.mark.parametrize("path", POSTS)
@pytest.mark.parametrize("fields", MALFORMED)
def test_malformed_posts_get_a_page_or_a_4xx(browser: Browser, path: str, fields: dict[str, str]) -> None:
    browser.get("/belepes").post(path, **fields)
    assert browser.status < 500


ADMIN_FORMS: list[dict[str, str]] = [
    {},
    {"felhasznalonev": "a" * 500, "nev": "x", "email": "x@y.example", "mobil": "٣٠١٢٣٤٥٦٧"},
    {"telefonszam": "nincs", "lepes": "mentes"},
    {"telefonszam": record("mobile")["number"], "lepes": "mentes", "egyenleg": "\u0000"},
]


@pytest.mark.parametrize("fields", ADMIN_FORMS)
@pytest.mark.parametrize("function", ["felhasznalok", "jogok"])
def test_malformed_admin_forms_get_a_page(browser: Browser, function: str, fields: dict[str, str]) -> None:
    admin = record("main_admin")
    slug = admin["login"].split("@")[1]
    _to_code_page(browser, admin)
    browser.post("/belepes", lepes="kod", kod=browser.sms(admin["mobile"])[-1])
    browser.get(f"/ceg/{slug}/{function}").post(f"/ceg/{slug}/{function}", **fields)
    assert browser.status == 200
