"""The profile on the http engine: every rule NOT_APPLICABLE, with the reason. (Through the browser, every
defect of every portal is measured by tests/test_sensitivity.py, messages included: messages.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.suite_runs import run_suite

pytestmark = [pytest.mark.slow]


def test_on_the_http_engine_the_profile_is_not_applicable(tmp_path: Path) -> None:
    run = run_suite(tmp_path, "--engine", "http", "--tags", "@doc:accessibility")
    profile = [r for d in run.report["documents"] if d["id"] == "accessibility" for r in d["rules"]]
    assert profile and {rule["status"] for rule in profile} == {"NOT_APPLICABLE"}
    assert all("needs the browser engine" in rule["message"] for rule in profile), profile[0]["message"]
    assert run.exit_code == 0
