"""The myBusiness data set: generated deterministically, and the validator names what is wrong."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from documents.tim_mybusiness.dataset import generate, validate
from documents.tim_mybusiness.document import DOCUMENT
from portalcert.datasets import dump

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "dataset.json"


def reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return data


def test_the_committed_reference_set_is_what_the_seed_gives() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == dump(generate(DOCUMENT.dataset.reference_seed))


def test_the_reference_set_is_valid() -> None:
    assert validate(reference()) == []


def _user(data: dict[str, Any], role: str) -> dict[str, Any]:
    ident = data["accounts"][role]
    return next(u for u in data["users"] if u["id"] == ident)


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda d: d["companies"][0].update(partita_iva="12345678901"),
            "partita IVA '12345678901' is not valid",
        ),
        (lambda d: d["lines"][0].update(number="0212345678"), "is not an Italian mobile"),
        (
            lambda d: next(x for x in d["lines"] if x["status"] == "cessato").update(ceased_on=None),
            "cessation date",
        ),
        (
            lambda d: _user(d, "utilizzatore").update(profile="referente_master", master_of="cm-1"),
            "referente_master: 2 users hold 'cm-1'",
        ),
        (lambda d: d["accounts"].update(utilizzatore=d["accounts"]["titolare"]), "accounts.utilizzatore"),
        (lambda d: d["fixed_lines"][1].update(kind="fonia"), "is not a valid pair"),
        (
            lambda d: d["accounts"].update(other_company_line=d["accounts"]["colleague_line"]),
            "other_company_line must be of another company than rappresentante_legale",
        ),
        (
            lambda d: d["accounts"].update(group_line=d["accounts"]["group_line"][:1]),
            "group_line must hold a line of every company",
        ),
    ],
    ids=[
        "partita-iva",
        "mobile",
        "cessation",
        "two-masters",
        "role-profile",
        "rete-intelligente-number",
        "outside-line-of-own-company",
        "holding-group-incomplete",
    ],
)
def test_the_validator_names_the_problem(edit: Any, problem: str) -> None:
    data = copy.deepcopy(reference())
    edit(data)
    assert any(problem in found for found in validate(data)), validate(data)


def test_a_scope_checks_only_the_roles_its_rules_use() -> None:
    data = copy.deepcopy(reference())
    del data["accounts"]["holding_referent"]
    assert validate(data, lambda rule: rule == "MYB-01") == []
    assert any("holding_referent" in p for p in validate(data, lambda rule: rule == "MYB-09"))
