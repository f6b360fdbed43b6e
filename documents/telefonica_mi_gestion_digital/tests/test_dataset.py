"""The data set: deterministic, committed as generated, valid, and its validator names what a rule needs."""

from __future__ import annotations

import copy
import json
from typing import Any

from documents.telefonica_mi_gestion_digital.dataset import codes, generate, validate
from documents.telefonica_mi_gestion_digital.dataset.uses import ROLE_RULES
from documents.telefonica_mi_gestion_digital.dataset.validate import ROLE_SECTIONS
from portalcert import catalog, registry
from portalcert.datasets import dump

SPEC = registry.get("telefonica-mi-gestion-digital")
SEED = SPEC.dataset.reference_seed


def _reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SPEC.reference_dataset.read_text(encoding="utf-8"))
    return data


def test_the_committed_data_set_is_what_the_generator_makes() -> None:
    assert dump(generate(SEED)) == SPEC.reference_dataset.read_text(encoding="utf-8")


def test_the_reference_data_set_is_valid() -> None:
    assert validate(_reference()) == []


def test_identifiers_are_what_spain_defines() -> None:
    data = _reference()
    kinds = {c["fiscal_id_kind"] for c in data["companies"]}
    assert kinds == {"CIF", "NIF"}
    assert all(codes.is_fiscal_id(c["fiscal_id"], c["fiscal_id_kind"]) for c in data["companies"])
    accounts = [c[f] for c in data["companies"] for f in ("fixed_account", "mobile_account") if c[f]]
    assert accounts and all(codes.is_spanish_iban(a) for a in accounts)
    assert {codes.phone_kind(line["number"]) for line in data["lines"]} == {"fixed", "mobile"}
    assert all(codes.phone_kind(line["number"]) == line["kind"] for line in data["lines"])


def test_a_broken_promise_names_the_role_and_the_rules_that_need_it() -> None:
    data = _reference()
    broken = copy.deepcopy(data)
    fixed_only = next(c for c in broken["companies"] if c["id"] == data["accounts"]["company_fixed_only"])
    fixed_only["mobile_account"] = next(c["mobile_account"] for c in data["companies"] if c["mobile_account"])
    problems = validate(broken)
    assert any(
        "accounts.company_fixed_only" in p and "MGD-08" in p and "without mobile lines" in p for p in problems
    )


def test_a_scope_checks_only_the_roles_its_rules_use() -> None:
    broken = copy.deepcopy(_reference())
    del broken["accounts"]["foreign_mobile"]
    assert any("foreign_mobile" in p for p in validate(broken))
    assert validate(broken, lambda rule: rule == "MGD-01") == []
    assert any("foreign_mobile" in p for p in validate(broken, lambda rule: rule == "MGD-12"))


def test_every_role_is_used_by_real_rules() -> None:
    # its own rules, and the security baseline's, judged on its flows
    rules = {rule.rule_id for rule in catalog.load().rules if rule.id.startswith("MGD-") or rule.subject}
    assert set(ROLE_RULES) == set(ROLE_SECTIONS)
    assert {rule for used in ROLE_RULES.values() for rule in used} <= rules
