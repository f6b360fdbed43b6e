"""Every check can fail: each simulator defect makes exactly its rule FAIL and leaves every other rule as is.

This is the suite testing itself, the way behave tests behave with features: without it, a
check that cannot fail would look exactly like a portal that complies.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import catalog
from portalcert.runner import FEATURES_DIR
from simulator.defects import CATALOGUE, Defect

from .suite_runs import run_suite

CM6 = "tim-convenzione-mobile-6"
RULES = catalog.load(FEATURES_DIR, [CM6]).rules
# On the faithful simulator: every automated rule passes, review rules await a person.
EXPECTED = {rule.id: ("REVIEW" if rule.review_reason else "PASS") for rule in RULES}

pytestmark = pytest.mark.slow


def test_every_rule_with_scenarios_has_a_defect() -> None:
    covered = {defect.rule for defect in CATALOGUE}
    automated = {rule.id for rule in RULES if rule.scenarios}
    assert automated - covered == set(), "rules whose checks are never shown to fail"
    assert covered - set(EXPECTED) == set(), "defects naming rules that do not exist"


def test_faithful_simulator_complies(tmp_path: Path) -> None:
    run = run_suite(tmp_path)
    assert run.rule_statuses() == EXPECTED, run.stderr[-2000:]
    assert run.exit_code == 0


@pytest.mark.parametrize("defect", CATALOGUE, ids=[d.name for d in CATALOGUE])
def test_defect_fails_exactly_its_rule(defect: Defect, tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--defect", defect.name)
    statuses = run.rule_statuses()
    assert statuses[defect.rule] == "FAIL", (
        f"{defect.name} did not make {defect.rule} fail: {statuses[defect.rule]}"
    )
    others = {rule: status for rule, status in statuses.items() if rule != defect.rule}
    expected_others = {rule: status for rule, status in EXPECTED.items() if rule != defect.rule}
    assert others == expected_others, f"{defect.name} also changed other rules"
    assert run.exit_code == 1
    failure = run.rule(defect.rule)
    assert failure["message"].startswith(defect.rule), "a failure message names the rule it enforces"
    assert "expected" in failure["message"] and "observed" in failure["message"]
