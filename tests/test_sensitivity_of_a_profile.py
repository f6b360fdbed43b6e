"""`portalcert defects --coverage --of PROFILE`: only the profile's defects are measured, and only its
scenarios must each be killed by one (the others' defects were not measured)."""

from __future__ import annotations

import pytest

from portalcert import registry
from portalcert.sensitivity import DefectEffect, Measurement, Outcome, defects_of
from simulator.defects import catalogue

from .suite_runs import portalcert

A11Y_KEY = "A11Y-01@TIS: The pages of the documented flows meet criterion 1.1.1"
TIS_KEY = "TIS-01: A scenario of the document"


def test_a_profile_s_defects_are_those_breaking_its_rules_on_any_portal() -> None:
    chosen = defects_of(registry.get("accessibility"), catalogue())
    assert chosen and all(defect.rule.startswith("A11Y-") for defect in chosen)
    assert {d.name for d in chosen} == {d.name for d in catalogue() if d.rule.startswith("A11Y-")}


def test_only_the_profile_s_scenarios_must_be_killed() -> None:
    baseline = {key: Outcome(key, "unit", "f:1", "PASS") for key in (A11Y_KEY, TIS_KEY)}
    assert Measurement(baseline, of="accessibility").automated() == [A11Y_KEY]
    assert Measurement(baseline).uncovered() == [A11Y_KEY, TIS_KEY]
    failed = Outcome(A11Y_KEY, "unit", "f:1", "FAIL")
    killing = DefectEffect("tis_a11y_picture_without_alt", "A11Y-01", (A11Y_KEY,), {A11Y_KEY: failed})
    assert Measurement(baseline, [killing], of="accessibility").uncovered() == []


@pytest.mark.parametrize("of", ["accessibility", "tim-impresa-semplice"])
def test_of_names_a_profile_among_the_documents_measured(of: str) -> None:
    done = portalcert("defects", "--coverage", "--document", "tim-impresa-semplice", "--of", of)
    assert done.returncode == 2, done.stderr
    assert "--of" in done.stderr and "profile" in done.stderr
