"""The profile through the browser on the reference simulator, kept to a few scenarios: each walks every
documented flow of CM6 (about ten pages), some seconds apiece on a shared machine.

- faithful: the rule with the most elements to judge (4.1.2, every form control) passes;
- on the http engine every rule of the profile is NOT_APPLICABLE, with the reason.

The defects the issue names, on every portal: test_samples_through_the_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.suite_runs import run_suite

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("accessibility")]

CM6 = "tim-convenzione-mobile-6"
ON_CM6 = ("--document", CM6, "--document", "accessibility")


def test_the_simulator_pages_have_no_violation_of_4_1_2(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--engine", "browser", *ON_CM6, "--tags", "@rule:A11Y-14", timeout=600)
    assert run.rule_statuses()["A11Y-14@CM6"] == "PASS", run.stderr[-3000:]
    assert run.exit_code == 0


def test_on_the_http_engine_the_profile_is_not_applicable(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--engine", "http", "--tags", "@doc:accessibility")
    profile = [r for d in run.report["documents"] if d["id"] == "accessibility" for r in d["rules"]]
    assert profile and {rule["status"] for rule in profile} == {"NOT_APPLICABLE"}
    assert all("needs the browser engine" in rule["message"] for rule in profile), profile[0]["message"]
    assert run.exit_code == 0
