"""The rules each kind of account of the profile serves, and the documents' data-set tables that list them."""

from __future__ import annotations

import importlib
import re

import pytest

from portalcert import registry
from portalcert.docspec import DocumentSpec
from profiles.security_baseline.support import REGISTERED_USER_RULES, TEMPORARY_PASSWORD_RULES

PROFILE = registry.get("security-baseline")
OPTING_IN = [spec for spec in registry.all_documents().values() if PROFILE.id in spec.profiles]


def _givens_per_rule() -> dict[str, list[str]]:
    givens: dict[str, list[str]] = {}
    rule = ""
    for feature in sorted(PROFILE.features.glob("*.feature")):
        for line in feature.read_text(encoding="utf-8").splitlines():
            if tag := re.search(r"@rule:(\S+)", line):
                rule = tag.group(1)
            elif line.strip().startswith("Given") and rule:
                givens.setdefault(rule, []).append(line.strip())
    return givens


def test_the_temporary_password_rules_start_from_such_a_user_and_no_other_does() -> None:
    givens = _givens_per_rule()
    assert set(givens) == {*REGISTERED_USER_RULES, *TEMPORARY_PASSWORD_RULES}
    for rule, lines in givens.items():
        temporary = ["temporary password" in line for line in lines]
        assert all(temporary) if rule in TEMPORARY_PASSWORD_RULES else not any(temporary), (rule, lines)


@pytest.mark.parametrize("spec", OPTING_IN, ids=lambda spec: spec.id)
def test_a_document_lists_the_profiles_rules_for_the_roles_its_flows_choose(
    spec: DocumentSpec,
) -> None:
    uses = importlib.import_module(f"documents.{spec.root.name}.dataset.uses")
    listed = [set(rules) for rules in uses.ROLE_RULES.values()]
    assert any(set(REGISTERED_USER_RULES) <= rules for rules in listed), "the registered user's role"
    if spec.profiles[PROFILE.id].flows.choose_user_with_temporary_password is not None:
        assert any(set(TEMPORARY_PASSWORD_RULES) <= rules for rules in listed), "the temporary one's role"
