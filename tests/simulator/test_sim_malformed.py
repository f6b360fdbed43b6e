"""Malformed requests get a 4xx saying why; a control reset is all or nothing and never fails a request."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from documents.tim_convenzione_mobile6.simulator.models import User
from simulator import create_app
from simulator.db import get_database
from simulator.server import start_in_thread
from tests.simulator.sim_client import DOCUMENT, TEST_CONFIG, TOKEN, SimClient

LOGIN = "/cm6/login"


def _csrf(sim: SimClient) -> str:
    return sim.get(LOGIN).csrf


@pytest.mark.parametrize("token", ["è", "токен", "\u0000", "a" * 5000])
def test_a_csrf_token_of_any_characters_is_refused_with_400(sim: SimClient, token: str) -> None:
    _csrf(sim)
    response = sim.client.post(LOGIN, data={"csrf_token": token, "username": "x", "password": "y"})
    assert response.status_code == 400
    assert "CSRF token mancante o non valido" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"csrf_token=%FF%FE&username=%C3", "application/x-www-form-urlencoded"),
        (b"\xff\xfe\x00csrf_token=\xe8", "application/x-www-form-urlencoded"),
        (
            b'--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n\xff',
            "multipart/form-data; boundary=b",
        ),
        (b"--b\r\nbroken", "multipart/form-data; boundary=b"),
        (b"csrf_token=x", "multipart/form-data"),  # no boundary
        (b'{"csrf_token": 1}', "application/json"),
        (b"\x00\x01\x02", "application/octet-stream"),
        (b"csrf_token=x", "application/x-www-form-urlencoded; charset=no-such-charset"),
    ],
)
def test_malformed_form_bodies_are_refused_with_400(sim: SimClient, body: bytes, content_type: str) -> None:
    _csrf(sim)
    response = sim.client.post(LOGIN, data=body, content_type=content_type)
    assert response.status_code == 400
    assert response.mimetype == "text/html" and "CSRF" in response.get_data(as_text=True)


def test_a_valid_token_with_non_utf8_field_values_gets_the_form_page_again(sim: SimClient) -> None:
    token = _csrf(sim)
    body = f"csrf_token={token}&username=%FF%FE&password=%C3&azione=accedi".encode()
    response = sim.client.post(LOGIN, data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert 'role="alert"' in response.get_data(as_text=True)


def test_wrong_method_and_unknown_page_get_405_and_404_pages(sim: SimClient) -> None:
    wrong = sim.client.delete(LOGIN)
    assert wrong.status_code == 405 and set(wrong.headers["Allow"].split(", ")) >= {"GET", "POST"}
    assert "405 Method Not Allowed" in wrong.get_data(as_text=True)
    assert sim.client.get("/cm6/%FF%00").status_code == 404


def test_a_body_over_the_configured_limit_gets_a_413_page_naming_it() -> None:
    app = create_app({**TEST_CONFIG, "MAX_CONTENT_LENGTH": 4096})
    client = app.test_client()
    response = client.post(LOGIN, data={"username": "u" * 5000})
    assert response.status_code == 413
    assert "4096 bytes in all (MAX_CONTENT_LENGTH)" in response.get_data(as_text=True)
    too_big = client.post("/_sim/reset", data=b"{" + b" " * 5000 + b"}", headers={"X-Sim-Token": TOKEN})
    assert too_big.status_code == 413 and "MAX_CONTENT_LENGTH" in too_big.get_json()["error"]
    # under the limit, the same request reaches the CSRF check
    assert client.post(LOGIN, data={"username": "u" * 3000}).status_code == 400


def test_the_default_limit_refuses_a_16_mb_body(sim: SimClient) -> None:
    assert sim.app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    response = sim.client.post(LOGIN, data=b"x" * (16 * 1024 * 1024), content_type="text/plain")
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "content_type", "status", "said"),
    [
        (b"{not json", "application/json", 400, "not valid JSON"),
        (b"\xff\xfe\xfa", "application/json", 400, "not UTF-8"),
        (b"[" * 100_000, "application/json", 400, "not valid JSON"),
        (b"fixtures=1", "application/x-www-form-urlencoded", 415, "must be JSON"),
    ],
)
@pytest.mark.parametrize(("method", "path"), [("POST", "reset"), ("POST", "clock"), ("PUT", "defects")])
def test_control_api_refuses_a_body_that_is_not_json(
    sim: SimClient, method: str, path: str, body: bytes, content_type: str, status: int, said: str
) -> None:
    response = sim.client.open(
        f"/_sim/{path}", method=method, data=body, content_type=content_type, headers={"X-Sim-Token": TOKEN}
    )
    assert response.status_code == status and said in response.get_json()["error"]


def test_control_api_errors_are_json(sim: SimClient) -> None:
    for response in (sim.control("DELETE", "reset"), sim.control("GET", "no-such-thing")):
        assert response.status_code in (404, 405) and response.get_json()["error"]


def test_a_reset_refused_for_its_data_set_changes_nothing(sim: SimClient) -> None:
    sim.advance(hours=5)
    assert sim.register().name == "registration-success"
    sim.get("/cm6/")
    before = _usernames(sim)
    assert "nuovoutente1" in before
    reached = sim.control("GET", "defects/reached").get_json()
    clock = sim.control("GET", "clock").get_json()["offset_seconds"]
    spoilt = {**sim.data, "users": [*sim.data["users"], sim.data["users"][0]]}  # a duplicate user
    response = sim.control("POST", "reset", {"fixtures": {DOCUMENT: spoilt}})
    assert response.status_code == 400 and "inconsistent" in response.get_json()["error"]
    assert sim.control("GET", "clock").get_json()["offset_seconds"] == clock
    assert sim.control("GET", "defects/reached").get_json() == reached
    assert _usernames(sim) == before  # the account registered before the refused reset is still there
    assert sim.login_fully().name == "private-home"


def _usernames(sim: SimClient) -> set[str]:
    with get_database(sim.app).session() as db:
        return set(db.scalars(select(User.username)))


def test_resets_while_requests_run_give_them_no_server_error(tmp_path: Path) -> None:
    """Resets that empty the tables under requests in flight (a file database, as `portalcert serve`)."""
    app = create_app({**TEST_CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'sim.sqlite3'}"})
    base_url, stop = start_in_thread(app)
    statuses: list[int] = []
    failures: list[BaseException] = []

    def visitor() -> None:
        try:
            with httpx.Client(base_url=base_url, timeout=30) as client:
                for _ in range(12):
                    page = client.get(LOGIN)
                    statuses.append(page.status_code)
                    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
                    data = {"csrf_token": token[1] if token else "", "username": "mrossi01", "password": "x"}
                    statuses.append(client.post(LOGIN, data=data | {"azione": "accedi"}).status_code)
                    statuses.append(client.get("/cm6/registrazione/captcha/immagine").status_code)
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    try:
        threads = [threading.Thread(target=visitor) for _ in range(4)]
        for thread in threads:
            thread.start()
        with httpx.Client(base_url=base_url, timeout=30, headers={"X-Sim-Token": TOKEN}) as control:
            resets = [control.post("/_sim/reset").status_code for _ in range(10)]
        for thread in threads:
            thread.join(timeout=60)
    finally:
        stop()
    assert not failures
    assert resets == [200] * 10
    assert len(statuses) == 4 * 12 * 3
    assert all(status < 500 for status in statuses), sorted(set(statuses))


@pytest.mark.parametrize(
    ("variable", "value", "key", "expected"),
    [
        ("SIMULATOR_MAX_CONTENT_LENGTH", "2048", "MAX_CONTENT_LENGTH", 2048),
        ("SIMULATOR_SESSION_COOKIE_SECURE", "auto", "SESSION_COOKIE_SECURE", None),
        ("SIMULATOR_SESSION_COOKIE_SECURE", "True", "SESSION_COOKIE_SECURE", True),
        ("SIMULATOR_SESSION_COOKIE_SECURE", "0", "SESSION_COOKIE_SECURE", False),
    ],
)
def test_limit_and_cookie_settings_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, key: str, expected: object
) -> None:
    monkeypatch.setenv(variable, value)
    config = {k: v for k, v in TEST_CONFIG.items() if k != key}
    assert create_app(config).config[key] == expected


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SIMULATOR_MAX_CONTENT_LENGTH", "1MB"),
        ("SIMULATOR_MAX_CONTENT_LENGTH", "0"),
        ("SIMULATOR_SESSION_COOKIE_SECURE", "sometimes"),
    ],
)
def test_a_malformed_setting_in_the_environment_is_refused_naming_it(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValueError, match=variable):
        create_app(TEST_CONFIG)
