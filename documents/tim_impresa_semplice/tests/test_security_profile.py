"""TIS opts in to the security baseline: its rules are judged on TIS, the code flows are lacked with TIS's
own reasons, and the flows it has are given (the runs themselves: tests/test_sensitivity.py)."""

from __future__ import annotations

from documents.tim_impresa_semplice.document import DOCUMENT
from portalcert import catalog
from profiles.security_baseline.support import (
    ANONYMOUS_CODES,
    LOGIN_CODE,
    NEEDS,
    PASSWORD_CHANGE,
    TEMPORARY_PASSWORD,
    SecurityFlows,
)

PROFILE = "security-baseline"


def test_the_security_baseline_is_judged_on_tis() -> None:
    judged = catalog.load([DOCUMENT.id, PROFILE])
    profile = [rule for rule in judged.rules if rule.document == PROFILE]
    assert profile and all(rule.id == f"{rule.rule_id}@TIS" for rule in profile)
    assert {rule.unit for rule in profile} == {f"{PROFILE}@{DOCUMENT.id}"}


def test_tis_lacks_only_what_its_guide_has_not_with_its_own_reasons() -> None:
    support = DOCUMENT.profiles[PROFILE]
    assert set(support.lacks) == {LOGIN_CODE, TEMPORARY_PASSWORD, ANONYMOUS_CODES, PASSWORD_CHANGE}
    assert all(NEEDS[need] not in reason for need, reason in support.lacks.items())
    flows = support.flows
    assert isinstance(flows, SecurityFlows)
    assert flows.recover_password is not None and flows.register is not None
