"""allure-behave's formatter, taught about Gherkin `Rule:` blocks and portalcert's documents.

allure-behave 2.16 wraps only a feature's top-level scenarios, so scenarios inside `Rule:` blocks
would produce no result files; and it has no hook for labels added at run time. This subclass wraps
rule scenarios too and labels each result for Allure's behaviours tree:
epic = document, feature = feature file, story = rule (plus a `rule` label with the id). Its history
id (feature and scenario name) would make two rules' scenarios of the same name in one file look like
retries of one test to Allure: here it is the document, rule and scenario name (unique within a rule).
"""

from __future__ import annotations

import hashlib
from typing import Any

import allure_behave.listener
import allure_behave.utils
from allure_behave.formatter import AllureFormatter
from allure_commons.model2 import Label, Status
from behave.model import ScenarioOutline

from portalcert import registry
from portalcert.catalog import SUBJECT_KEY, document_of, qualified, rule_id_of
from portalcert.checks import RuleViolation

_allure_step_status = allure_behave.utils.step_status


def verdict_step_status(step: Any) -> Any:
    """allure-behave calls any AssertionError "failed"; portalcert's FAIL is a RuleViolation in a
    Then step and every other exception is broken, so Allure shows the same verdict as the report."""
    if step.exception is None:
        return _allure_step_status(step)
    if isinstance(step.exception, RuleViolation) and step.step_type == "then":
        return Status.FAILED
    return Status.BROKEN


# allure-behave looks the function up by name in both modules (scenario and step results).
allure_behave.utils.step_status = verdict_step_status
allure_behave.listener.step_status = verdict_step_status


def labels_for(scenario: Any, subject: str = "") -> list[Label]:
    """A profile's scenario run on `subject` is labelled as judged there (epic and rule id)."""
    labels = []
    doc_id = document_of([str(tag) for tag in scenario.effective_tags])
    documents = registry.all_documents()
    on = documents.get(subject) if subject else None
    if doc_id in documents:
        where = f", on {subject}" if on is not None else ""
        labels.append(Label(name="epic", value=f"{documents[doc_id].title} ({doc_id}{where})"))
    for rule in getattr(scenario.feature, "rules", []):
        if any(candidate is scenario for candidate in rule.walk_scenarios()):
            found = rule_id_of([str(tag) for tag in rule.tags])
            rule_id = qualified(found, on) if found else None
            labels.append(Label(name="story", value=f"{rule_id} {rule.name}" if rule_id else rule.name))
            if rule_id:
                labels.append(Label(name="rule", value=rule_id))
    return labels


def _digest(parts: list[str]) -> str:
    return hashlib.md5("\x1f".join(parts).encode("utf-8")).hexdigest()  # Allure's ids are MD5 hex


class RuleAwareAllureFormatter(AllureFormatter):  # type: ignore[misc]
    def __init__(self, stream_opener: Any, config: Any) -> None:
        super().__init__(stream_opener, config)
        self._elsewhere = set()
        listener = self.listener
        start_scenario = listener.start_scenario

        def start_and_label(scenario: Any) -> None:
            start_scenario(scenario)
            test_case = listener.logger.get_test(listener.current_scenario_uuid)
            if test_case is not None:
                labels = labels_for(scenario, str(config.userdata.get(SUBJECT_KEY, "")))
                test_case.labels.extend(labels)
                key = [label.value for label in labels if label.name in ("epic", "rule")]
                test_case.historyId = test_case.testCaseId = _digest([*key, scenario.name])

        listener.start_scenario = start_and_label

    # A run of chosen locations (a worker's rule) marks the file's other scenarios skipped before it
    # starts: another process runs them, so they get no result file (nor steps) here.
    _elsewhere: set[int]
    _skipping = False

    def _wrap_scenario(self, scenarios: Any) -> None:
        chosen = []
        for scenario in scenarios:
            if not isinstance(scenario, ScenarioOutline) and scenario.status.name == "skipped":
                self._elsewhere.add(id(scenario))
            else:
                chosen.append(scenario)
        super()._wrap_scenario(chosen)

    def scenario(self, scenario: Any) -> None:
        self._skipping = id(scenario) in self._elsewhere
        super().scenario(scenario)

    def step(self, step: Any) -> None:
        if not self._skipping:
            super().step(step)

    def match(self, match: Any) -> None:
        if not self._skipping:
            super().match(match)

    def result(self, result: Any) -> None:
        if not self._skipping:
            super().result(result)

    def feature(self, feature: Any) -> None:
        super().feature(feature)
        for rule in getattr(feature, "rules", []):
            self._wrap_scenario(rule.scenarios)
