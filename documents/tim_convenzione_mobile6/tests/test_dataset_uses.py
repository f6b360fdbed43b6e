"""uses.py, the table of which rules use each role, agrees with what the features say."""

from __future__ import annotations

import re

from documents.tim_convenzione_mobile6.dataset.roles import ROLE_SECTIONS
from documents.tim_convenzione_mobile6.dataset.uses import FACT_RULES, ROLE_RULES, rules_for
from documents.tim_convenzione_mobile6.phrases import ENTITY_ROLES, SIM_ROLES, USER_ROLES
from portalcert import registry
from profiles.security_baseline.support import REGISTERED_USER_RULES, TEMPORARY_PASSWORD_RULES

FEATURES = registry.get("tim-convenzione-mobile-6").features
ROLE_PHRASES = {**ENTITY_ROLES, **SIM_ROLES, **USER_ROLES}
# Givens that walk the registration's happy path past step 1: the Amministrazione, a free SIM and a
# registrant (tasks/registration.py, reach()).
PAST_STEP_1 = re.compile(r"a visitor at registration (<point>|step [234])")


def roles_named_per_rule() -> dict[str, set[str]]:
    named: dict[str, set[str]] = {}
    rule = ""
    for feature in sorted(FEATURES.glob("*.feature")):
        for line in feature.read_text(encoding="utf-8").splitlines():
            if tag := re.search(r"@rule:(\S+)", line):
                rule = tag.group(1)
                continue
            if not rule:
                continue
            roles = named.setdefault(rule, set())
            sims = set()
            for phrase in sorted(ROLE_PHRASES, key=len, reverse=True):  # "SIM of another Amministrazione"
                if phrase in line:  # before "another Amministrazione"
                    line = line.replace(phrase, "")
                    roles.add(ROLE_PHRASES[phrase])
                    sims |= {ROLE_PHRASES[phrase]} & set(SIM_ROLES.values())
            if PAST_STEP_1.search(line):
                roles |= {"entity", "registrant"} | (sims or {"active_sim"})
    return named


def test_every_role_a_rule_names_lists_that_rule() -> None:
    missing = [
        f"{rule} uses {role}"
        for rule, roles in roles_named_per_rule().items()
        for role in roles
        if rule not in ROLE_RULES[role]
    ]
    assert missing == []


def test_the_table_covers_every_role_and_names_real_rules() -> None:
    assert set(ROLE_RULES) == set(ROLE_SECTIONS)
    # and the security baseline's rules, judged on CM6's flows (security.py chooses their roles)
    rules = set(roles_named_per_rule()) | {*REGISTERED_USER_RULES, *TEMPORARY_PASSWORD_RULES}
    listed = {rule for rules_ in (*ROLE_RULES.values(), *FACT_RULES.values()) for rule in rules_}
    assert listed <= rules


def test_a_fact_only_some_rules_use_is_held_to_those_rules() -> None:
    assert rules_for("entity", "partita_iva") == ("CM6-05", "CM6-08")
    assert rules_for("cm5_user", "email") == ()  # nobody types a Convenzione 5 user's e-mail
    assert rules_for("cm5_user", "status") == ("CM6-29",)
