"""A scenario's view of the data set: one member per role, fitting what the scenario already chose."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from documents.tim_convenzione_mobile6.dataset import generate
from documents.tim_convenzione_mobile6.testdata import TestData
from portalcert.errors import ConfigError
from portalcert.leases import Leases

GOOD = generate(6)


def view(data: dict[str, Any], lease_dir: Path) -> TestData:
    return TestData(data, "accounts.json").leased(Leases(lease_dir, None))


def test_each_scenario_gets_its_own_member_and_keeps_it(tmp_path: Path) -> None:
    first, second = view(GOOD, tmp_path), view(GOOD, tmp_path)
    assert first.sim("active_sim").id == first.sim("active_sim").id == GOOD["accounts"]["active_sim"][0]
    assert second.sim("active_sim").id == GOOD["accounts"]["active_sim"][1]
    assert first.user("user").id != second.user("user").id


def test_a_consumed_member_goes_to_no_later_scenario(tmp_path: Path) -> None:
    data = copy.deepcopy(GOOD)
    data["accounts"]["temp_user"] = data["accounts"]["temp_user"][:1]
    scenario = view(data, tmp_path)
    scenario.consume(scenario.user("temp_user").id)
    with pytest.raises(
        ConfigError, match=r"accounts\.temp_user: add more temp_user to the data set \(1 of 1"
    ):
        view(data, tmp_path).user("temp_user")


def test_consuming_what_the_scenario_does_not_hold_does_nothing(tmp_path: Path) -> None:
    scenario = view(GOOD, tmp_path)
    scenario.consume(GOOD["accounts"]["active_sim"][0])  # never leased by this scenario
    assert view(GOOD, tmp_path).sim("active_sim").id == GOOD["accounts"]["active_sim"][0]


def _public_body_first(data: dict[str, Any]) -> dict[str, Any]:
    """entity = [a public body without partita IVA, a company whose codice fiscale is its partita IVA],
    each with an active SIM of its own."""
    data = copy.deepcopy(data)
    body, company = data["entities"][0], data["entities"][4]
    body["partita_iva"] = None
    company["codice_fiscale"] = company["partita_iva"]
    data["accounts"]["entity"] = [body["id"], company["id"]]
    company_sim = next(s for s in data["sims"] if s["entity"] == company["id"] and s["status"] == "active")
    data["accounts"]["active_sim"] = [data["accounts"]["active_sim"][0], company_sim["id"]]
    return data


def test_identifying_by_partita_iva_leases_an_entity_that_has_one(tmp_path: Path) -> None:
    data = _public_body_first(data=GOOD)
    assert view(data, tmp_path).entity("entity").partita_iva is None  # the first fits a codice fiscale
    by_vat = view(data, tmp_path).entity("entity", with_partita_iva=True)
    assert by_vat.partita_iva == by_vat.codice_fiscale


def test_the_business_sim_belongs_to_the_entity_identified(tmp_path: Path) -> None:
    data = _public_body_first(data=GOOD)
    scenario = view(data, tmp_path)
    company = scenario.entity("entity", with_partita_iva=True)
    assert scenario.sim("active_sim").entity == company.id  # not the pool's first SIM, the public body's


def test_an_entity_chosen_without_partita_iva_is_not_silently_swapped(tmp_path: Path) -> None:
    data = _public_body_first(data=GOOD)
    scenario = view(data, tmp_path)
    scenario.entity("entity")  # the public body
    with pytest.raises(
        ConfigError, match=r"accounts\.entity: this scenario needs an entity with a partita IVA"
    ):
        scenario.entity("entity", with_partita_iva=True)
