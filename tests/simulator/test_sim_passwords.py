"""Passwords set through the pages are stored hashed with the configured method, never in clear."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute

from documents.tim_convenzione_mobile6.simulator import texts
from documents.tim_convenzione_mobile6.simulator.models import User
from simulator import security
from simulator.db import get_database
from tests.simulator.sim_client import SimClient


def _emailed_password(sim: SimClient, address: str) -> str:
    body = sim.messages(channel="email", to=address)[-1]["body"]
    return str(body.split("Mobile 6 è ", 1)[1].split(";", 1)[0])


def _assert_stored_hashed(
    app: Flask, username: str, clear: str, column: InstrumentedAttribute[Any] = User.password_hash
) -> None:
    with get_database(app).session() as db:
        stored = db.scalar(select(column).where(User.username == username))
    assert stored is not None
    with app.app_context():
        method = app.config["PASSWORD_HASH_METHOD"]
        assert stored.startswith(f"{method}$"), stored
        assert clear not in stored
        assert security.password_matches(stored, clear)
        assert not security.password_matches(stored, clear + "x")
        assert not security.password_matches(stored, clear.swapcase())
        assert not security.password_matches(stored, stored)


def test_registration_stores_the_temporary_password_hashed(app: Flask, sim: SimClient) -> None:
    assert sim.register(username="nuovoutente1").name == "registration-success"
    password = _emailed_password(sim, sim.role("registrant")["email"])
    _assert_stored_hashed(app, "nuovoutente1", password)


def test_password_change_stores_the_new_password_hashed(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    assert sim.login_fully().name == "private-home"
    sim.get("/cm6/area-privata/aggiorna-dati/dati-personali")
    fields = {
        "password_attuale": user["password"],
        "nuova_password": "Nuova12345",
        "conferma_password": "Nuova12345",
    }
    assert sim.submit(fields, button="salva").text("[data-testid=notice]") == texts.PASSWORD_CHANGED
    _assert_stored_hashed(app, user["username"], "Nuova12345")


def test_password_recovery_stores_the_new_password_hashed(app: Flask, sim: SimClient) -> None:
    user = sim.role("user")
    sim.get("/cm6/recupera-password")
    page = sim.submit({"username": user["username"], "codice_fiscale": user["personal_fiscal_code"]})
    assert page.text("[data-testid=notice]") == texts.PASSWORD_RECOVERY_SENT
    # kept aside until it is first used (tests/simulator/test_sim_throttling.py)
    recovered = _emailed_password(sim, user["email"])
    _assert_stored_hashed(app, user["username"], recovered, User.recovered_password_hash)
