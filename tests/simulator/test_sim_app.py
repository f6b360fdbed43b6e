"""App factory, configuration, CSRF, password storage, journal, threaded server."""

from __future__ import annotations

import json
import sqlite3
import urllib.request
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from documents.tim_convenzione_mobile6.simulator import PORTAL
from documents.tim_convenzione_mobile6.simulator.models import User
from simulator import create_app, portals
from simulator.config import apply_config
from simulator.db import get_database
from simulator.server import start_in_thread
from tests.simulator.sim_client import DOCUMENT, TEST_CONFIG, SimClient


def test_config_defaults_put_the_database_in_the_instance_folder(tmp_path: Path) -> None:
    app = Flask("probe", instance_path=str(tmp_path / "inst"))
    apply_config(app, None)
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'inst' / 'simulator.sqlite3'}"
    assert (tmp_path / "inst").is_dir()
    assert app.config["PASSWORD_HASH_METHOD"] == "scrypt"
    assert app.config["CONTROL_TOKEN"] is None
    assert len(app.config["SECRET_KEY"]) >= 32


def test_environment_overrides_defaults_and_test_config_overrides_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SIMULATOR_CONTROL_TOKEN", "from-env")
    monkeypatch.setenv("SIMULATOR_DEFECTS", "public_contacts_mistyped, captcha_not_checked")
    monkeypatch.setenv("SIMULATOR_CAPTCHA_TEST_VALUE", "ENV")
    app = create_app(
        {k: v for k, v in TEST_CONFIG.items() if k not in ("CONTROL_TOKEN", "CAPTCHA_TEST_VALUE")}
    )
    assert app.config["CONTROL_TOKEN"] == "from-env"
    assert app.config["DEFECTS"] == ("public_contacts_mistyped", "captcha_not_checked")
    app = create_app({**TEST_CONFIG, "CAPTCHA_TEST_VALUE": "OWN"})
    assert app.config["CAPTCHA_TEST_VALUE"] == "OWN"


def test_defects_from_config_are_enabled_at_start() -> None:
    app = create_app({**TEST_CONFIG, "DEFECTS": ["public_contacts_mistyped"]})
    sim = SimClient(app, app.test_client())
    assert sim.get("/cm6/").text("[data-testid=contact-fax]") == "800.000.190"


def test_unknown_defect_in_config_is_refused() -> None:
    with pytest.raises(ValueError, match="no_such_defect"):
        create_app({**TEST_CONFIG, "DEFECTS": ["no_such_defect"]})


def test_missing_data_set_starts_empty(tmp_path: Path) -> None:
    app = create_app({**TEST_CONFIG, "FIXTURES": {DOCUMENT: str(tmp_path / "absent.json")}})
    sim = SimClient(app, app.test_client())
    assert sim.get("/cm6/").name == "public-home"
    assert (
        sim.login("mrossi01", "Password123").text("[data-testid=error]")
        == "Username o password non corretti."
    )


def test_file_database_is_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sim.sqlite3'}"
    app = create_app({**TEST_CONFIG, "DATABASE_URL": url})
    sim = SimClient(app, app.test_client())
    assert sim.login_fully().name == "private-home"
    assert (tmp_path / "sim.sqlite3").stat().st_size > 0


def test_every_page_has_three_bands_and_its_data_page(sim: SimClient) -> None:
    pages = {
        "/cm6/": "public-home",
        "/cm6/registrazione": "registration-step1",
        "/cm6/login": "login",
        "/cm6/recupera-password": "password-recovery",
        "/cm6/recupera-username": "username-recovery",
    }
    for url, name in pages.items():
        page = sim.get(url)
        assert page.name == name
        for band in ("band-top", "band-central", "band-bottom"):
            assert page.count(f"[data-testid={band}]") == 1, (url, band)
        for testid, label in (
            ("support-news", "News"),
            ("support-video", "Video"),
            ("support-contacts", "Contatti"),
        ):
            assert page.text(f"[data-testid=band-bottom] [data-testid={testid}]") == label, (url, testid)
        assert (
            page.text("[data-testid=band-top] [data-testid=contacts-link]") == "Contatti / Servizio Clienti"
        )


def test_public_home_content(sim: SimClient) -> None:
    page = sim.get("/cm6/")
    assert page.text("[data-testid=contact-phone]") == "800.673.673"
    assert page.text("[data-testid=contact-fax]") == "800.000.109"
    assert page.text("[data-testid=contact-mailbox]") == "telefoniamobile6@telecomitalia.it"
    assert page.count("[data-testid=info-item]") == 3
    entry = page.attr("[data-testid=box-registrati] [data-testid=link-registrati-ora]", "href")
    assert entry == "/cm6/registrati"
    assert sim.get(entry).name == "registration-step1"
    assert page.attr("[data-testid=menu] [data-testid=menu-registrati]", "href") == entry
    assert page.attr("[data-testid=menu] [data-testid=menu-login]", "href") == "/cm6/login"


def test_post_without_or_with_wrong_csrf_token_is_refused(sim: SimClient) -> None:
    form = {"username": "mrossi01", "password": "Password123", "fase": "credenziali"}
    assert sim.client.post("/cm6/login", data=form).status_code == 400
    sim.get("/cm6/login")  # the session now has a token
    assert sim.client.post("/cm6/login", data={**form, "csrf_token": "forged"}).status_code == 400
    assert sim.client.post("/cm6/registrazione", data={"step": "step1"}).status_code == 400
    assert sim.login("mrossi01", "Password123").status == 200


def test_passwords_are_stored_hashed_with_the_configured_method(app: Flask, sim: SimClient) -> None:
    clear = {u["username"]: u["password"] for u in sim.data["users"]}
    with get_database(app).session() as db:
        users = db.scalars(select(User)).all()
    assert {u.username for u in users} == set(clear)
    for user in users:
        assert user.password_hash.startswith("pbkdf2:sha256:1000$")
        assert clear[user.username] not in user.password_hash
    assert sim.login("mrossi01", "Password123").name == "login-otp"


def test_journal_records_portal_requests_only(sim: SimClient) -> None:
    sim.get("/cm6/login")
    sim.control("GET", "health")
    entries = sim.control("GET", "journal").get_json()["entries"]
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [("GET", "/cm6/login", 200)]


def test_start_in_thread_serves_on_a_free_loopback_port() -> None:
    app = create_app(TEST_CONFIG)
    base_url, stop = start_in_thread(app)
    try:
        assert base_url.startswith("http://127.0.0.1:")
        request = urllib.request.Request(
            f"{base_url}/_sim/health", headers={"X-Sim-Token": TEST_CONFIG["CONTROL_TOKEN"]}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert json.loads(response.read()) == {"status": "ok"}
        with urllib.request.urlopen(f"{base_url}/cm6/", timeout=5) as response:
            assert 'data-page="public-home"' in response.read().decode()
    finally:
        stop()


def test_database_file_of_an_older_simulator_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute(
            "CREATE TABLE web_sessions (id INTEGER PRIMARY KEY, token TEXT, data JSON, created_at DATETIME)"
        )
        old.execute("CREATE TABLE users (id TEXT PRIMARY KEY)")  # a table no portal declares any more
    app = create_app({**TEST_CONFIG, "DATABASE_URL": f"sqlite:///{path}"})
    sim = SimClient(app, app.test_client())
    assert sim.login_fully().name == "private-home"
    get_database(app).engine.dispose()
    with sqlite3.connect(path) as rebuilt:
        tables = {row[0] for row in rebuilt.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "users" not in tables and "web_sessions" in tables


def test_index_links_every_portal(sim: SimClient) -> None:
    index = sim.get("/")
    assert index.name == "simulator-index"
    link = index.attr(f"[data-document={DOCUMENT}] [data-testid=portal-link]", "href")
    assert link == "/cm6/"
    assert sim.get(link).name == "public-home"
    assert len(index.soup.select("[data-testid=portal-link]")) == len(portals.discover())


def test_fixtures_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = json.loads(Path(TEST_CONFIG["FIXTURES"][DOCUMENT]).read_text(encoding="utf-8"))
    data["users"] = []
    path = tmp_path / "no-users.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("SIMULATOR_FIXTURES", f" {DOCUMENT} = {path} ")
    app = create_app({k: v for k, v in TEST_CONFIG.items() if k != "FIXTURES"})
    assert app.config["FIXTURES"] == {DOCUMENT: str(path)}
    sim = SimClient(app, app.test_client())
    assert sim.login("mrossi01", "Password123").name == "login"


def test_fixtures_default_to_each_portals_reference_data_set() -> None:
    app = create_app({k: v for k, v in TEST_CONFIG.items() if k != "FIXTURES"})
    sim = SimClient(app, app.test_client())
    reference = json.loads(PORTAL.default_fixtures.read_text(encoding="utf-8"))
    user = next(u for u in reference["users"] if u["id"] == reference["accounts"]["user"][0])
    assert sim.login(user["username"], user["password"]).name == "login-otp"


@pytest.mark.parametrize(
    ("variable", "named"), [("just-a-path.json", "just-a-path.json"), (f"{DOCUMENT}=", DOCUMENT)]
)
def test_malformed_fixtures_variable_is_refused(
    monkeypatch: pytest.MonkeyPatch, variable: str, named: str
) -> None:
    monkeypatch.setenv("SIMULATOR_FIXTURES", variable)
    with pytest.raises(ValueError, match="SIMULATOR_FIXTURES") as raised:
        create_app({k: v for k, v in TEST_CONFIG.items() if k != "FIXTURES"})
    assert named in str(raised.value)


def test_fixtures_for_an_unknown_document_are_refused() -> None:
    with pytest.raises(ValueError, match="no-such-document"):
        create_app({**TEST_CONFIG, "FIXTURES": {"no-such-document": "x.json"}})
