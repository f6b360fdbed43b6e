"""Resets restore a copy of the freshly loaded database: the same state as loading again, while the
configured data sets are unchanged, and for at most snapshot.MAX_AGE (a data set's "now" ages)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from flask import Flask

from simulator import create_app, snapshot
from simulator.db import get_database
from tests.simulator.sim_client import DATA_FILE, DOCUMENT, TEST_CONFIG, SimClient


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    copy = tmp_path / "cm6.json"
    shutil.copyfile(DATA_FILE, copy)
    return copy


@pytest.fixture
def sim_on_file(tmp_path: Path, data_file: Path) -> SimClient:
    config = {
        **TEST_CONFIG,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'sim.db'}",
        "FIXTURES": {DOCUMENT: str(data_file)},
    }
    app = create_app(config)
    return SimClient(app, app.test_client())


def _usernames(app: Flask) -> list[str]:
    with get_database(app).engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT username FROM cm6_users ORDER BY username")
        return [str(row[0]) for row in rows]


@pytest.mark.parametrize("database", ["memory", "file"])
def test_a_restored_database_is_the_loaded_one(database: str, sim: SimClient, sim_on_file: SimClient) -> None:
    client = sim if database == "memory" else sim_on_file
    assert client.control("POST", "reset").status_code == 200  # loads, and keeps a copy
    loaded = _usernames(client.app)
    assert client.register("restoreduser1").name == "registration-success"
    assert client.messages() and "restoreduser1" in _usernames(client.app)
    assert client.control("POST", "reset").status_code == 200  # restores the copy
    assert _usernames(client.app) == loaded
    assert client.messages() == []
    assert client.register("restoreduser1").name == "registration-success", "the same line registers again"


def test_a_changed_data_set_file_is_loaded_again(sim_on_file: SimClient, data_file: Path) -> None:
    assert sim_on_file.control("POST", "reset").status_code == 200
    data = json.loads(data_file.read_text(encoding="utf-8"))
    user = sim_on_file.role("user")
    renamed = next(u for u in data["users"] if u["id"] == user["id"])
    renamed["username"] = "renamedafterload"
    data_file.write_text(json.dumps(data), encoding="utf-8")
    stat = data_file.stat()
    os.utime(data_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert sim_on_file.control("POST", "reset").status_code == 200
    assert "renamedafterload" in _usernames(sim_on_file.app)


def test_a_reset_with_its_own_data_set_is_not_kept_for_the_next(sim: SimClient) -> None:
    assert sim.control("POST", "reset").status_code == 200
    configured = _usernames(sim.app)
    data = dict(sim.data)
    data["users"] = [u for u in sim.data["users"] if u["id"] != sim.role("user")["id"]]
    assert sim.control("POST", "reset", {"fixtures": {DOCUMENT: data}}).status_code == 200
    assert len(_usernames(sim.app)) == len(configured) - 1
    assert sim.control("POST", "reset").status_code == 200
    assert _usernames(sim.app) == configured


def test_an_old_copy_is_not_restored(sim: SimClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sim.control("POST", "reset").status_code == 200
    database = get_database(sim.app)
    assert snapshot.restore(sim.app, database)
    monkeypatch.setattr(snapshot, "MAX_AGE", 0.0)
    assert not snapshot.restore(sim.app, database), "a data set's 'now' would be older than allowed"
