"""Concurrent nominations against the served simulator: the registers' unique constraints let one win.

Real threads, released together, post to a real server on 127.0.0.1 (port 0) with a SQLite file; each
request is a separate signed-in browser of the Rappresentante Legale (or Titolare). Nothing is timed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from documents.tim_mybusiness.simulator import texts
from documents.tim_mybusiness.simulator.models import AdministratorNomination, MasterNomination, User
from simulator import create_app, fixtures
from simulator.db import get_database
from simulator.server import start_in_thread
from tests.simulator.race_client import Served, Visitor, all_at_once, errors_of
from tests.simulator.sim_client import TEST_CONFIG

DATASET = Path(__file__).resolve().parents[1] / "reference" / "dataset.json"
DATA: dict[str, Any] = json.loads(DATASET.read_text(encoding="utf-8"))
BY_ID = {r["id"]: r for section in ("users", "mobile_contracts") for r in DATA[section]}
PROFILES = "/mybusiness/area-clienti/gestione-profili"
ADMINISTRATOR = "/mybusiness/area-clienti/amministratore-linee-fisse"


def role(name: str) -> dict[str, Any]:
    ident = DATA["accounts"][name]
    found: dict[str, Any] = BY_ID[ident[0] if isinstance(ident, list) else ident]
    return found


def employees_of(company: str) -> list[str]:
    """Usernames of the company's employees who hold no Referente profile of their own."""
    plain = ("utilizzatore", "referente_aggiuntivo")
    return [u["username"] for u in DATA["users"] if u["company"] == company and u["profile"] in plain]


def serve(tmp_path: Path, *defects: str) -> Iterator[Served]:
    config = {
        **TEST_CONFIG,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'myb.sqlite3'}",  # a file: the in-memory database serialises
        "FIXTURES": {**TEST_CONFIG["FIXTURES"], "tim-mybusiness": str(DATASET)},
        "DEFECTS": list(defects),
    }
    app = create_app(config)
    fixtures.reload(app)
    base, stop = start_in_thread(app)
    try:
        yield Served(app, base)
    finally:
        stop()
        get_database(app).engine.dispose()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    yield from serve(tmp_path)


@pytest.fixture
def served_with_profile_saved_first(tmp_path: Path) -> Iterator[Served]:
    yield from serve(tmp_path, "master_profile_saved_first")


def signed_in(served: Served, account: dict[str, Any], page: str, times: int) -> list[Visitor]:
    visitors = [Visitor(served.base) for _ in range(times)]
    for one in visitors:
        one.get("/mybusiness/login")
        landed = one.post(
            "/mybusiness/login", {"username": account["username"], "password": account["password"]}
        )
        assert 'data-page="home"' in landed.text
        one.get(page)
    return visitors


def nominate_at_once(
    served: Served, account: dict[str, Any], page: str, fields: list[dict[str, str]]
) -> Counter[str]:
    visitors = signed_in(served, account, page, len(fields))
    try:
        answers = all_at_once(len(fields), lambda i: visitors[i].post(page, fields[i]))
    finally:
        for one in visitors:
            one.close()
    assert {a.status_code for a in answers} <= {200, 409}, "never a server error"
    return Counter(errors_of(a)[0] if errors_of(a) else "nominated" for a in answers)


def count(served: Served, model: Any, *where: Any) -> int:
    with get_database(served.app).session() as db:
        return int(db.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def master_nominations(served: Served) -> list[dict[str, str]]:
    contract = role("contract_without_master")
    nominees = employees_of(contract["company"])
    assert len(nominees) >= 6, "the data set has enough employees to race"
    return [{"contratto": contract["code"], "username": name} for name in nominees]


def test_parallel_master_nominations_for_one_contract_have_exactly_one_winner(served: Served) -> None:
    fields = master_nominations(served)
    outcomes = nominate_at_once(served, role("rappresentante_legale"), PROFILES, fields)

    assert outcomes == {"nominated": 1, texts.MASTER_EXISTS.kind: len(fields) - 1}
    contract = role("contract_without_master")["id"]
    assert count(served, MasterNomination, MasterNomination.contract_id == contract) == 1
    masters = (User.profile == "referente_master", User.master_of == contract)
    assert count(served, User, *masters) == 1, "only the winner's profile changed"


def test_without_the_register_deciding_parallel_nominations_make_several_masters(
    served_with_profile_saved_first: Served,
) -> None:
    """The same race on the defect that saves the profile before the register: the test can fail."""
    served = served_with_profile_saved_first
    fields = master_nominations(served)
    nominate_at_once(served, role("rappresentante_legale"), PROFILES, fields)

    contract = role("contract_without_master")["id"]
    assert count(served, MasterNomination, MasterNomination.contract_id == contract) == 1
    assert count(served, User, User.profile == "referente_master", User.master_of == contract) == len(fields)


def test_parallel_administrator_nominations_have_exactly_one_winner(served: Served) -> None:
    titolare = role("titolare_without_amministratore")
    fields = [{"username": name} for name in employees_of(titolare["company"]) * 6]
    outcomes = nominate_at_once(served, titolare, ADMINISTRATOR, fields)

    assert outcomes == {"nominated": 1, texts.ADMINISTRATOR_EXISTS.kind: len(fields) - 1}
    assert (
        count(served, AdministratorNomination, AdministratorNomination.company_id == titolare["company"]) == 1
    )
