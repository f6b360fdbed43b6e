"""What a run leaves behind for CI and for people: allure results, JUnit, evidence, the JSON report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from . import simulator_target
from .suite_runs import SuiteRun, run_suite


@pytest.fixture(scope="module")
def failing_run(tmp_path_factory: pytest.TempPathFactory) -> SuiteRun:
    out = tmp_path_factory.mktemp("outputs")
    return run_suite(out, "--tags", "@rule:CM6-17", "--defect", "username_accepts_17_chars")


def test_exit_code_and_rule_status(failing_run: SuiteRun) -> None:
    assert failing_run.exit_code == 1
    assert failing_run.rule_statuses()["CM6-17"] == "FAIL"


def test_evidence_is_kept_for_the_failing_scenario_only(failing_run: SuiteRun) -> None:
    scenarios = failing_run.rule("CM6-17")["scenarios"]
    failed = [s for s in scenarios if s["status"] == "FAIL"]
    assert len(failed) == 1 and "17 characters" in failed[0]["name"]
    assert all(not s["evidence"] for s in scenarios if s["status"] == "PASS")
    files = {Path(p).name: failing_run.out_dir / p for p in failed[0]["evidence"]}
    assert set(files) == {"page.html", "journal.txt"}
    assert 'data-page="registration-success"' in files["page.html"].read_text(encoding="utf-8")
    assert "POST /cm6/registrazione" in files["journal.txt"].read_text(encoding="utf-8")


def test_allure_results_carry_document_rule_labels_and_evidence(failing_run: SuiteRun) -> None:
    results = [
        json.loads(p.read_text()) for p in (failing_run.out_dir / "allure-results").glob("*-result.json")
    ]
    failed = [r for r in results if r["status"] == "failed"]
    assert len(failed) == 1
    labels = {label["name"]: label["value"] for label in failed[0]["labels"]}
    assert labels["rule"] == "CM6-17"
    assert labels["story"].startswith("CM6-17 The username has 6 to 16")
    assert "tim-convenzione-mobile-6" in labels["epic"]
    attachments = {a["name"] for a in failed[0].get("attachments", [])}
    assert {"page.html", "journal.txt"} <= attachments


def test_junit_reports_the_failure_by_rule(failing_run: SuiteRun) -> None:
    root = ET.parse(failing_run.out_dir / "junit" / "portalcert.xml").getroot()
    # One testsuite per document; the failure is in CM6's.
    (suite,) = [s for s in root.findall("testsuite") if s.get("name") == "tim-convenzione-mobile-6"]
    assert (suite.get("failures"), suite.get("errors")) == ("1", "0")
    failed = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert [case.get("classname") for case in failed] == ["tim-convenzione-mobile-6.CM6-17"]
    failure = failed[0].find("failure")
    assert failure is not None and failure.get("message", "").startswith("CM6-17: expected")
    assert "page.html" in (failure.text or "")


def test_a_given_that_cannot_be_set_up_is_broken_not_fail(tmp_path: Path) -> None:
    """A wrong pattern in the target means the registration code is never read: rules are not judged."""
    variant = simulator_target.write(
        tmp_path, 'registration_otp: "e\': ([A-Z]+ [A-Z]+)"', 'registration_otp: "NO SUCH TEXT (X)"'
    )
    run = run_suite(tmp_path / "out", "--target", str(variant), "--tags", "@rule:CM6-17 or @rule:CM6-18")
    assert run.rule_statuses()["CM6-17"] == "BROKEN"
    assert run.rule_statuses()["CM6-18"] == "BROKEN"
    message = run.rule("CM6-18")["message"]
    assert message.startswith("CM6-18: could not carry out the Given step:"), message
    assert "registration_otp" in message
    assert run.exit_code == 3
