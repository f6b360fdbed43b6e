"""JUnit XML for CI dashboards, written from the run's results so it says what the report says.

behave's own JUnit output knows nothing of rules and counts a Given that could not be set up as
a failure; here a FAIL is a <failure>, a BROKEN an <error>, and NOT_APPLICABLE / NOT_COVERED are
<skipped> with their reason. One <testsuite> per document, one <testcase> per scenario, named
by its rule ("CM6-17") so a dashboard groups them the way the report does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from portalcert.results import DocumentResult, RunResult, ScenarioResult, Status

_SKIPPED = (Status.NOT_APPLICABLE, Status.NOT_COVERED, Status.REVIEW)  # no automated verdict


def _testcase(document: DocumentResult, rule_id: str, scenario: ScenarioResult) -> ET.Element:
    case = ET.Element(
        "testcase",
        classname=f"{document.id}.{rule_id}",
        name=scenario.name,
        time=f"{scenario.duration:.3f}",
        file=scenario.location.rsplit(":", 1)[0],
    )
    detail = "\n".join(
        [f"Failed step: {scenario.failed_step}" if scenario.failed_step else "", *scenario.evidence]
    ).strip()
    if scenario.status is Status.FAIL:
        ET.SubElement(case, "failure", message=scenario.message, type="FAIL").text = detail
    elif scenario.status is Status.BROKEN:
        ET.SubElement(case, "error", message=scenario.message, type="BROKEN").text = detail
    elif scenario.status in _SKIPPED:
        ET.SubElement(case, "skipped", message=f"{scenario.status.value}: {scenario.message}")
    return case


def to_element(run: RunResult) -> ET.Element:
    suites = ET.Element("testsuites", name=f"portalcert: {run.target}")
    for document in run.documents:
        cases = [
            _testcase(document, rule.id, scenario) for rule in document.rules for scenario in rule.scenarios
        ]
        statuses = [s.status for rule in document.rules for s in rule.scenarios]
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=document.id,
            tests=str(len(cases)),
            failures=str(statuses.count(Status.FAIL)),
            errors=str(statuses.count(Status.BROKEN)),
            skipped=str(sum(statuses.count(status) for status in _SKIPPED)),
            time=f"{sum(s.duration for rule in document.rules for s in rule.scenarios):.3f}",
            timestamp=run.started_at,
        )
        suite.extend(cases)
    return suites


def write_junit(run: RunResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tree = ET.ElementTree(to_element(run))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
