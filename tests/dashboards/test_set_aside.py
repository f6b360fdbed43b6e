"""A verdict the whole run sets aside (a PASS resting on a page-map locator that matched nothing in the
run) is BROKEN in Allure and in the Cucumber Messages too, although behave saw the scenario pass."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ..suite_runs import run_suite, simulator_variant
from .runs import follows_report, messages_of, of_kind

pytestmark = pytest.mark.slow
ALLURE_STATUS = {"PASS": "passed", "FAIL": "failed", "BROKEN": "broken"}


def test_a_verdict_set_aside_after_the_run_is_broken_in_allure_and_in_the_messages(tmp_path: Path) -> None:
    target = simulator_variant(tmp_path / "target", {"common.read.error": "[data-testid=eror]"})
    run = run_suite(tmp_path / "out", "--target", str(target), "--tags", "@rule:CM6-17")
    assert run.exit_code == 3, run.stderr[-3000:]
    scenarios = run.rule("CM6-17")["scenarios"]
    set_aside = [s for s in scenarios if "matched nothing in this run" in s["message"]]
    assert set_aside and all(s["status"] == "BROKEN" for s in set_aside)
    results = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in (run.out_dir / "allure-results").glob("*-result.json")
    ]
    allure = {r["name"]: (r["status"], r.get("statusDetails", {}).get("message", "")) for r in results}
    for scenario in scenarios:
        assert allure[scenario["name"]][0] == ALLURE_STATUS[scenario["status"]], scenario["name"]
    for scenario in set_aside:
        assert allure[scenario["name"]][1] == scenario["message"]
    messages = messages_of(run.out_dir)
    follows_report(messages, run.report, run.out_dir)
    verdict_hook_failures = Counter(
        done["testStepId"].rpartition("-")[2]
        for done in of_kind(messages, "testStepFinished")
        if done["testStepResult"]["status"] == "FAILED"
    )
    assert verdict_hook_failures["verdict"] >= 1  # a step-less BROKEN is told by the verdict hook
