"""The Cucumber Messages of real http runs: one process, and shards merged (issue 16, must-show 3).

Every message is checked against the official schema twice: the JSON Schema the npm package
`@cucumber/messages` ships (installed by `make setup`) and a round trip through the pinned Python types
of `cucumber-messages`, which keeps no field the schema does not define.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cucumber_messages as cm
import jsonschema
import pytest

from ..suite_runs import PROJECT, SuiteRun, portalcert, run_suite
from .runs import (
    DEFECT,
    cucumber_counts,
    expected_cucumber_counts,
    follows_report,
    messages_of,
    of_kind,
    worst_status_by_location,
)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dashboards")]
SCHEMA = PROJECT / "node_modules" / "@cucumber" / "messages" / "messages.schema.json"


def _schema_problems(messages: list[dict[str, Any]]) -> list[str]:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    problems = []
    for number, message in enumerate(messages, start=1):
        kind = next(iter(message))
        problems += [
            f"{number} {kind} {list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(message)
        ]
        try:
            typed = cm.message_converter.from_dict(message, cm.Envelope)
        except (TypeError, ValueError) as exc:  # the types refuse a missing field or a value outside an enum
            problems.append(f"{number} {kind}: {exc}")
            continue
        if cm.message_converter.to_dict(typed) != message:
            problems.append(f"{number} {kind}: fields the schema's types do not keep")
    return problems


def test_every_message_of_a_real_run_validates_against_the_official_schema(
    messages: list[dict[str, Any]],
) -> None:
    assert _schema_problems(messages) == []
    kinds = [next(iter(message)) for message in messages]
    assert kinds[0] == "meta" and kinds[-1] == "testRunFinished"
    assert messages[-1]["testRunFinished"]["success"] is False  # the run has a FAIL


def test_the_schema_check_refuses_messages_outside_the_schema() -> None:
    result = {"duration": {"seconds": 0, "nanos": 0}, "status": "BROKEN"}  # not a Cucumber status
    stamp = {"seconds": 1, "nanos": 0}
    finished = {"testCaseStartedId": "a", "testStepId": "b", "timestamp": stamp, "testStepResult": result}
    assert len(_schema_problems([{"testStepFinished": finished}])) == 2  # the JSON Schema and the types
    assert _schema_problems([{"testCase": {"id": "tc", "pickleId": "p"}}])  # its testSteps missing
    assert _schema_problems([{"testRunStarted": {"timestamp": stamp, "colour": "red"}}])  # an unknown field


def test_the_messages_hold_together(messages: list[dict[str, Any]]) -> None:
    pickles = {pickle["id"]: pickle for pickle in of_kind(messages, "pickle")}
    hooks = {hook["id"] for hook in of_kind(messages, "hook")}
    cases = {case["id"]: case for case in of_kind(messages, "testCase")}
    steps_of_case = {}
    for case in cases.values():
        pickle_steps = {step["id"] for step in pickles[case["pickleId"]]["steps"]}
        for step in case["testSteps"]:
            assert step.get("pickleStepId") in pickle_steps or step.get("hookId") in hooks, step
        steps_of_case[case["id"]] = [step["id"] for step in case["testSteps"]]
    started = {
        m["testCaseStarted"]["id"]: m["testCaseStarted"]["testCaseId"]
        for m in messages
        if "testCaseStarted" in m
    }
    finished = [m["testCaseFinished"]["testCaseStartedId"] for m in messages if "testCaseFinished" in m]
    assert sorted(finished) == sorted(started) and set(started.values()) == set(cases)
    ran: dict[str, list[str]] = {}
    for done in of_kind(messages, "testStepFinished"):
        ran.setdefault(done["testCaseStartedId"], []).append(done["testStepId"])
    assert ran == {started_id: steps_of_case[case_id] for started_id, case_id in started.items()}


def test_statuses_tags_and_evidence_follow_the_compliance_report(
    defect_run: SuiteRun, messages: list[dict[str, Any]]
) -> None:
    assert follows_report(messages, defect_run.report, defect_run.out_dir) >= 8  # 4 FAIL: page, journal


def test_a_merged_run_of_shards_writes_the_messages_of_the_merged_report(tmp_path: Path) -> None:
    tags = "@rule:CM6-01 or @rule:CM6-06 or @rule:CM6-07"  # PASS, FAIL and BROKEN with the defect
    shards = [tmp_path / "1", tmp_path / "2"]
    for index, folder in enumerate(shards, start=1):
        run_suite(folder, "--defect", DEFECT, "--tags", tags, "--shard", f"{index}/2")
    merged = portalcert("merge", str(tmp_path / "merged"), *map(str, shards))
    assert merged.returncode == 1, merged.stderr[-3000:]
    report = json.loads((tmp_path / "merged" / "compliance.json").read_text(encoding="utf-8"))
    merged_messages = messages_of(tmp_path / "merged")
    assert _schema_problems(merged_messages) == []
    assert follows_report(merged_messages, report, tmp_path / "merged") >= 2
    rules = {rule["id"]: rule["status"] for document in report["documents"] for rule in document["rules"]}
    assert (rules["CM6-01"], rules["CM6-06"], rules["CM6-07"]) == ("PASS", "FAIL", "BROKEN")
    assert cucumber_counts(merged_messages) == expected_cucumber_counts(report)
    per_shard = [set(worst_status_by_location(messages_of(shard))) for shard in shards]
    assert per_shard[0] and per_shard[1] and not per_shard[0] & per_shard[1]
    assert per_shard[0] | per_shard[1] == set(worst_status_by_location(merged_messages))
