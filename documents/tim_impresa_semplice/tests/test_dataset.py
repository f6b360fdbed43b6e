"""The data set: deterministic, valid, and each role's promise checked."""

from __future__ import annotations

import copy
import json
from typing import Any

from documents.tim_impresa_semplice.dataset import generate, validate
from documents.tim_impresa_semplice.document import DOCUMENT
from portalcert import datasets


def _reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DOCUMENT.reference_dataset.read_text(encoding="utf-8"))
    return data


def test_the_committed_data_set_is_what_the_seed_generates() -> None:
    assert datasets.dump(generate(DOCUMENT.dataset.reference_seed)) == DOCUMENT.reference_dataset.read_text(
        encoding="utf-8"
    )


def test_the_reference_data_set_is_valid() -> None:
    assert validate(_reference()) == []


def test_a_broken_partita_iva_and_mobile_are_reported() -> None:
    data = _reference()
    data["companies"][0]["partita_iva"] = "12345678901"
    data["employees"][0]["mobile"] = "0612345678"
    problems = validate(data)
    assert any("partita IVA '12345678901' is not valid" in p for p in problems), problems
    assert any("'0612345678' is not an Italian mobile number" in p for p in problems), problems


def test_a_free_line_with_a_referente_breaks_the_roles_promise() -> None:
    data = _reference()
    referente_line = data["accounts"]["referente_line"][0]
    data["accounts"]["free_line"].append(referente_line)
    assert validate(data) == [f"accounts.free_line: {referente_line!r} must have no Referente"]


def test_a_role_only_out_of_scope_rules_use_may_be_missing() -> None:
    data = copy.deepcopy(_reference())
    del data["accounts"]["new_company"]
    assert validate(data, lambda rule: rule != "TIS-01") == []
    assert validate(data) == ["accounts.new_company: needed by TIS-01; give at least one id"]
