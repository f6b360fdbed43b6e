"""The data set generator is deterministic, its identifiers valid, and the validator says what is wrong."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from stdnum.hu import anum

from documents.telekom_hu_business_login.dataset import codes, generate, validate
from portalcert import registry
from portalcert.datasets import dump

ROOT = Path(__file__).resolve().parents[3]
SPEC = registry.get("telekom-hu-business-login")
SEED = SPEC.dataset.reference_seed


def _reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SPEC.reference_dataset.read_text(encoding="utf-8"))
    return data


def test_the_committed_reference_set_is_what_the_generator_makes() -> None:
    assert _reference() == json.loads(dump(generate(SEED)))


@pytest.mark.parametrize("hashseed", ["0", "4242"])
def test_same_bytes_in_another_process(hashseed: str) -> None:
    code = (
        "import sys; from portalcert.datasets import dump;"
        " from documents.telekom_hu_business_login.dataset import generate;"
        f" sys.stdout.buffer.write(dump(generate({SEED})).encode())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, check=True)
    assert out.stdout.decode("utf-8") == dump(generate(SEED))


@pytest.mark.parametrize("seed", [1, 2, 3, SEED])
def test_generated_sets_are_valid(seed: int) -> None:
    assert validate(generate(seed)) == []


def test_tax_numbers_and_mobiles_pass_stdnum_and_phonenumbers() -> None:
    data = generate(SEED)
    for company in data["companies"]:
        assert anum.is_valid(company["tax_number"][:8]) and codes.is_tax_number(company["tax_number"])
    for record in (*data["users"], *data["numbers"]):
        number = record.get("mobile") or record["number"]
        assert codes.is_mobile(number), number


def _edited(path: tuple[str, int, str], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(generate(SEED))
    section, index, field = path
    data[section][index][field] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        (("companies", 0, "tax_number"), "12345678-2-41", "not a valid adószám"),
        (("users", 0, "login"), "fonok@" + "x", "is not <felhasználónév>@"),
        (("users", 1, "mobile"), "12345678", "not a 9-digit Hungarian mobile"),
        (("users", 1, "mobile"), "211234567", "not a 9-digit Hungarian mobile"),
        (("numbers", 0, "restricted"), ["szamlak"], "must be a list of"),
        (("users", 1, "permissions"), ["felhasznalok"], "must be a list of"),
    ],
)
def test_a_broken_record_is_named(path: tuple[str, int, str], value: Any, said: str) -> None:
    problems = validate(_edited(path, value))
    assert any(said in problem for problem in problems), problems


def test_a_main_admin_must_sign_in_as_admin_at_the_company() -> None:
    data = copy.deepcopy(generate(SEED))
    admin = data["users"][0]
    admin["login"] = admin["login"].replace("admin@", "fonok@")
    assert any("a main admin signs in as admin@" in p for p in validate(data))


def test_permissions_must_be_granted_and_withheld_within_the_pool() -> None:
    data = copy.deepcopy(generate(SEED))
    for user in data["users"]:
        if user["id"] in data["accounts"]["business_user"]:
            user["permissions"] = ["szamlak", "elofizetesek", "rendelesek"]
    problems = validate(data)
    assert any("granted to a member and withheld from another" in p for p in problems), problems


def test_a_role_outside_the_scope_is_not_checked() -> None:
    data = copy.deepcopy(generate(SEED))
    del data["accounts"]["restricted_number"]
    assert any("restricted_number is missing" in p for p in validate(data))
    assert validate(data, lambda rule: rule != "MTH-13") == []
