"""The myBusiness portal answers malformed or foreign requests with 4xx, never 5xx, and never leaks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from documents.tim_mybusiness.tests.test_concurrent_nominations import DATASET, role
from simulator import create_app, fixtures
from tests.simulator.sim_client import TEST_CONFIG

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PREFIX = "/mybusiness"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One portal for the module: these requests change nothing but sessions."""
    database = tmp_path_factory.mktemp("myb-pages") / "pages.sqlite3"
    config = {
        **TEST_CONFIG,
        "DATABASE_URL": f"sqlite:///{database}",
        "FIXTURES": {**TEST_CONFIG["FIXTURES"], "tim-mybusiness": str(DATASET)},
    }
    made = create_app(config)
    fixtures.reload(made)
    return made


@pytest.fixture
def client(app: Flask) -> Iterator[FlaskClient]:
    with app.test_client() as one:
        yield one


def csrf(client: FlaskClient, path: str) -> str:
    found = _CSRF.search(client.get(path).get_data(as_text=True))
    assert found is not None
    return found.group(1)


def sign_in(client: FlaskClient, role_name: str) -> str:
    user = role(role_name)
    token = csrf(client, f"{PREFIX}/login")
    landed = client.post(
        f"{PREFIX}/login",
        data={"csrf_token": token, "username": user["username"], "password": user["password"]},
        follow_redirects=True,
    )
    assert 'data-page="home"' in landed.get_data(as_text=True)
    return csrf(client, f"{PREFIX}/area-clienti/gestione-profili")


def test_anonymous_visitors_are_sent_to_the_login_page(client: FlaskClient) -> None:
    answer = client.get(f"{PREFIX}/area-clienti/fatture")
    assert answer.status_code == 303 and answer.headers["Location"].endswith(f"{PREFIX}/login")


def test_a_post_without_the_csrf_token_is_refused(client: FlaskClient) -> None:
    assert client.post(f"{PREFIX}/login", data={"username": "x", "password": "y"}).status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/area-clienti/fatture/nessuna",
        "/area-clienti/consumi/%00",
        "/area-clienti/consistenze/telefonia-mobile/dettaglio/linee/" + "9" * 500,
        "/area-clienti/gestione-profili/utenti/ut-999",
    ],
)
def test_unknown_ids_are_not_found(client: FlaskClient, path: str) -> None:
    sign_in(client, "rappresentante_legale")
    answer = client.get(PREFIX + path)
    assert answer.status_code == 404
    assert 'data-error="not-found"' in answer.get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({}, "contract-unknown"),
        ({"contratto": "nessuno", "username": "x"}, "contract-unknown"),
        ({"contratto": "CODE", "username": ""}, "employee-unknown"),
        ({"contratto": "CODE", "username": "x" * 300}, "employee-unknown"),
    ],
)
def test_a_malformed_nomination_is_refused_by_kind(
    client: FlaskClient, fields: dict[str, str], kind: str
) -> None:
    token = sign_in(client, "rappresentante_legale")
    code = role("contract_without_master")["code"]
    data = {"csrf_token": token, **{k: v.replace("CODE", code) for k, v in fields.items()}}
    answer = client.post(f"{PREFIX}/area-clienti/gestione-profili", data=data)
    assert answer.status_code == 409
    assert f'data-error="{kind}"' in answer.get_data(as_text=True)


def test_a_profile_without_the_function_is_refused_with_403(client: FlaskClient) -> None:
    sign_in(client, "utilizzatore")
    answer = client.get(f"{PREFIX}/area-clienti/gestione-profili")
    assert answer.status_code == 403
    assert 'data-error="function-denied"' in answer.get_data(as_text=True)
