"""Reading a run's Cucumber Messages and compliance report the way the dashboard tests compare them."""

from __future__ import annotations

import base64
import json
from collections import Counter
from pathlib import Path
from typing import Any

from portalcert.report.cucumber_ndjson import FILE_NAME

DEFECT = "active_line_refused"  # the whole suite: some scenarios FAIL, more are BROKEN, most PASS
# Cucumber's order of step results, best first: a test case shows its worst.
_WORST = ["PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED"]
AS_CUCUMBER = {"PASS": "PASSED", "FAIL": "FAILED", "BROKEN": "FAILED", "NOT_APPLICABLE": "SKIPPED"}


def messages_of(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / FILE_NAME).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def of_kind(messages: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The bodies of the messages of one kind ("pickle", "testCase", ...), in order."""
    return [message[kind] for message in messages if kind in message]


def scenario_statuses(report: dict[str, Any]) -> dict[str, str]:
    """Location (`path:line`) -> status of every scenario in a compliance report."""
    return {
        scenario["location"]: scenario["status"]
        for document in report["documents"]
        for rule in document["rules"]
        for scenario in rule["scenarios"]
    }


def worst_status_by_location(messages: list[dict[str, Any]]) -> dict[str, str]:
    """Location of each test case's pickle -> its worst step result, as Cucumber's tools count it."""
    pickles = {m["pickle"]["id"]: m["pickle"] for m in messages if "pickle" in m}
    case_of_step: dict[str, str] = {}
    location: dict[str, str] = {}
    for message in messages:
        if "testCase" in message:
            case = message["testCase"]
            pickle = pickles[case["pickleId"]]
            location[case["id"]] = f"{pickle['uri']}:{pickle['location']['line']}"
        if "testCaseStarted" in message:
            case_of_step[message["testCaseStarted"]["id"]] = message["testCaseStarted"]["testCaseId"]
    worst: dict[str, str] = {}
    for message in messages:
        if "testStepFinished" in message:
            done = message["testStepFinished"]
            where = location[case_of_step[done["testCaseStartedId"]]]
            status = done["testStepResult"]["status"]
            if _WORST.index(status) >= _WORST.index(worst.get(where, "PASSED")):
                worst[where] = status
    return worst


def cucumber_counts(messages: list[dict[str, Any]]) -> Counter[str]:
    return Counter(worst_status_by_location(messages).values())


def expected_cucumber_counts(report: dict[str, Any]) -> Counter[str]:
    """What Cucumber's tools should count for a compliance report (NOT_COVERED is no test case)."""
    statuses = scenario_statuses(report).values()
    return Counter(AS_CUCUMBER[status] for status in statuses if status != "NOT_COVERED")


def follows_report(messages: list[dict[str, Any]], report: dict[str, Any], out_dir: Path) -> int:
    """Assert that the messages say what the compliance report says: a test case per scenario that ran
    with its status, the rule's id among its pickle's tags, each evidence file attached byte for byte.
    Returns the number of attachments checked."""
    statuses = scenario_statuses(report)
    ran = {location: status for location, status in statuses.items() if status != "NOT_COVERED"}
    assert worst_status_by_location(messages) == {loc: AS_CUCUMBER[status] for loc, status in ran.items()}
    pickles = {(p["uri"], p["location"]["line"]): p for p in of_kind(messages, "pickle")}
    started_by_case = {start["testCaseId"]: start["id"] for start in of_kind(messages, "testCaseStarted")}
    # A profile's scenario is one pickle with a test case per document it was judged on.
    cases_by_pickle: dict[str, list[str]] = {}
    for case in of_kind(messages, "testCase"):
        cases_by_pickle.setdefault(case["pickleId"], []).append(case["id"])
    attachments: dict[str, dict[str, str]] = {}
    for found in of_kind(messages, "attachment"):
        attachments.setdefault(found["testCaseStartedId"], {})[found["fileName"]] = found["body"]
    checked = 0
    for document in report["documents"]:
        for rule in document["rules"]:
            for scenario in rule["scenarios"]:
                uri, _, line = scenario["location"].rpartition(":")
                pickle = pickles[(uri, int(line))]
                tagged = f"@rule:{rule['id'].split('@')[0]}"  # the feature's tag: the id without its document
                assert tagged in {tag["name"] for tag in pickle["tags"]}, scenario["location"]
                for evidence in scenario["evidence"]:
                    started = [started_by_case[case] for case in cases_by_pickle[pickle["id"]]]
                    bodies = [attachments.get(one, {}).get(Path(evidence).name) for one in started]
                    assert any(bodies), evidence
                    body = next(one for one in bodies if one)
                    data = (out_dir / evidence).read_bytes()
                    assert body == data.decode("utf-8") or base64.b64decode(body) == data, evidence
                    checked += 1
    return checked
