"""The profile through the browser on the reference simulator, kept to a few scenarios: each walks every
documented flow of CM6 (about ten pages), some seconds apiece on a shared machine.

- faithful: the rule with the most elements to judge (4.1.2, every form control) passes;
- the four defects the issue names (a picture without text alternative, low contrast, an unlabelled
  field, a button only a mouse reaches) each fail exactly their scenario, naming page, element and
  axe-core's message; the other scenario of 2.1.1 (axe-core's part) still passes;
- on the http engine every rule of the profile is NOT_APPLICABLE, with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.suite_runs import run_suite

from .sample_runs import run_sample

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("accessibility")]

NAMED_IN_THE_ISSUE = (
    "a11y_picture_without_alt",
    "a11y_instructions_low_contrast",
    "a11y_email_field_unlabelled",
    "a11y_continue_mouse_only",
)
CM6 = "tim-convenzione-mobile-6"
ON_CM6 = ("--document", CM6, "--document", "accessibility")


def test_the_simulator_pages_have_no_violation_of_4_1_2(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--engine", "browser", *ON_CM6, "--tags", "@rule:A11Y-14", timeout=600)
    assert run.rule_statuses()["A11Y-14@CM6"] == "PASS", run.stderr[-3000:]
    assert run.exit_code == 0


def test_each_defect_named_in_the_issue_fails_exactly_its_scenario(tmp_path: Path) -> None:
    run_sample(tmp_path, CM6, NAMED_IN_THE_ISSUE)


def test_on_the_http_engine_the_profile_is_not_applicable(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--engine", "http", "--tags", "@doc:accessibility")
    profile = [r for d in run.report["documents"] if d["id"] == "accessibility" for r in d["rules"]]
    assert profile and {rule["status"] for rule in profile} == {"NOT_APPLICABLE"}
    assert all("needs the browser engine" in rule["message"] for rule in profile), profile[0]["message"]
    assert run.exit_code == 0
