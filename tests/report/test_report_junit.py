"""JUnit XML says what the compliance report says: FAIL is a failure, BROKEN an error, the rest skipped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from portalcert.report.junit import to_element, write_junit
from portalcert.results import RunResult, Status


def test_each_status_maps_onto_junit(run: RunResult) -> None:
    root = to_element(run)
    cases = {
        (case.get("classname", ""), case.get("name", "")): case
        for suite in root.findall("testsuite")
        for case in suite.findall("testcase")
    }
    scenarios = [
        (doc, rule, scenario) for doc in run.documents for rule in doc.rules for scenario in rule.scenarios
    ]
    assert len(cases) == len(scenarios)
    expected_tag = {Status.FAIL: "failure", Status.BROKEN: "error", Status.NOT_APPLICABLE: "skipped"}
    expected_tag[Status.NOT_COVERED] = "skipped"
    for doc, rule, scenario in scenarios:
        case = cases[(f"{doc.id}.{rule.id}", scenario.name)]
        children = [child.tag for child in case]
        assert children == ([expected_tag[scenario.status]] if scenario.status in expected_tag else [])


def test_suite_counts_match_the_scenarios(run: RunResult, tmp_path: Path) -> None:
    write_junit(run, tmp_path / "junit" / "portalcert.xml")
    root = ET.parse(tmp_path / "junit" / "portalcert.xml").getroot()
    for suite, doc in zip(root.findall("testsuite"), run.documents, strict=True):
        statuses = [s.status for rule in doc.rules for s in rule.scenarios]
        assert suite.get("failures") == str(statuses.count(Status.FAIL))
        assert suite.get("errors") == str(statuses.count(Status.BROKEN))
        assert suite.get("tests") == str(len(statuses))
