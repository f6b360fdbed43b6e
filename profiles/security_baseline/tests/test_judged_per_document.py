"""A profile is judged on each document of the run that opts in, and one document's verdict never stands
for another's: a bug of CM6's portal fails the rule as judged on CM6 only."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.suite_runs import run_suite

pytestmark = pytest.mark.slow

CM6, MTH = "tim-convenzione-mobile-6", "telekom-hu-business-login"


def test_a_portal_s_bug_fails_the_profile_rule_on_its_document_only(tmp_path: Path) -> None:
    run = run_suite(
        tmp_path,
        *("--document", MTH, "--document", CM6, "--document", "security-baseline"),
        *("--tags", "@rule:SEC-07", "--defect", "login_tells_unknown_username"),
    )
    statuses = run.rule_statuses()
    assert (statuses["SEC-07@CM6"], statuses["SEC-07@MTH"]) == ("FAIL", "PASS"), run.stderr[-3000:]
    sections = [(d["id"], d["on"]) for d in run.report["documents"] if d["id"] == "security-baseline"]
    assert sections == [("security-baseline", MTH), ("security-baseline", CM6)]
    # MTH has no registration a visitor can start, CM6 has: each document's own reason, or none.
    registration = "Registration with a user's identifier is answered like one with an unused identifier"
    assert run.scenario(f"SEC-07@MTH: {registration}")["status"] == "NOT_APPLICABLE"
    assert run.scenario(f"SEC-07@CM6: {registration}")["status"] == "PASS"
    assert run.exit_code == 1
