"""Two compliance reports compared rule by rule and scenario by scenario.

A rule is keyed by its document and id, a scenario by its rule and name (names are stable keys:
docs/architecture.md). Categories, in the order a release manager reads them:

- regressed: FAILs now (not as a declared deviation) and did not before;
- became BROKEN: cannot be judged now and could before;
- fixed: FAILed or was BROKEN before and passes now (PASS or REVIEW);
- left scope / entered scope: the target's declared scope changed;
- added / removed: the rule exists in one run only (a document or version changed);
- changed: any other change of status (e.g. PASS -> NOT_COVERED).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PASSING = ("PASS", "REVIEW")
EXIT_REGRESSED = 1
EXIT_BROKEN = 3


@dataclass(frozen=True)
class RuleState:
    document: str
    id: str
    title: str
    status: str
    message: str
    in_scope: bool
    known_deviation: bool
    scenarios: tuple[str, ...]

    @property
    def violated(self) -> bool:
        return self.status == "FAIL" and not self.known_deviation


@dataclass(frozen=True)
class RuleChange:
    document: str
    rule: str
    title: str
    old: str  # status before ("" when the rule did not exist)
    new: str  # status now ("" when the rule no longer exists)
    message: str  # the reason the new report gives


@dataclass(frozen=True)
class ScenarioChange:
    document: str
    rule: str
    scenario: str


@dataclass
class RunDiff:
    old: dict[str, Any]
    new: dict[str, Any]
    regressed: list[RuleChange] = field(default_factory=list)
    became_broken: list[RuleChange] = field(default_factory=list)
    fixed: list[RuleChange] = field(default_factory=list)
    left_scope: list[RuleChange] = field(default_factory=list)
    entered_scope: list[RuleChange] = field(default_factory=list)
    rules_added: list[RuleChange] = field(default_factory=list)
    rules_removed: list[RuleChange] = field(default_factory=list)
    changed: list[RuleChange] = field(default_factory=list)
    scenarios_added: list[ScenarioChange] = field(default_factory=list)
    scenarios_removed: list[ScenarioChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the runs are not like for like

    def sections(self) -> list[tuple[str, list[RuleChange]]]:
        return [
            ("Regressed", self.regressed),
            ("Became BROKEN", self.became_broken),
            ("Fixed", self.fixed),
            ("Left scope", self.left_scope),
            ("Entered scope", self.entered_scope),
            ("Rules added", self.rules_added),
            ("Rules removed", self.rules_removed),
            ("Other status changes", self.changed),
        ]

    def exit_code(self) -> int:
        """1: a rule regressed; 3: none did, but a rule became BROKEN (as `portalcert run`); else 0."""
        if self.regressed:
            return EXIT_REGRESSED
        return EXIT_BROKEN if self.became_broken else 0

    @property
    def unchanged(self) -> bool:
        return not any(items for _, items in self.sections()) and not (
            self.scenarios_added or self.scenarios_removed
        )


def rule_states(report: dict[str, Any]) -> dict[tuple[str, str], RuleState]:
    states = {}
    for doc in report.get("documents", []):
        for rule in doc.get("rules", []):
            state = RuleState(
                document=str(doc.get("id", "")),
                id=str(rule.get("id", "")),
                title=str(rule.get("title", "")),
                status=str(rule.get("status", "")),
                message=str(rule.get("message", "")),
                in_scope=not rule.get("out_of_scope"),
                known_deviation=bool(rule.get("known_deviation")),
                scenarios=tuple(str(s.get("name", "")) for s in rule.get("scenarios", [])),
            )
            states[(state.document, state.id)] = state
    return states


def _change(old: RuleState | None, new: RuleState | None) -> RuleChange:
    either = new or old
    assert either is not None
    return RuleChange(
        document=either.document,
        rule=either.id,
        title=either.title,
        old=old.status if old else "",
        new=new.status if new else "",
        message=new.message if new else "",
    )


def _classify(diff: RunDiff, old: RuleState, new: RuleState) -> None:
    change = _change(old, new)
    if old.in_scope and not new.in_scope:
        diff.left_scope.append(change)
        return
    if new.in_scope and not old.in_scope:
        diff.entered_scope.append(change)
        if new.violated:  # a rule brought into scope that FAILs is a violation this run did not have
            diff.regressed.append(change)
        elif new.status == "BROKEN":
            diff.became_broken.append(change)
        return
    if new.violated and not old.violated:
        diff.regressed.append(change)
    elif new.status == "BROKEN" and old.status != "BROKEN":
        diff.became_broken.append(change)
    elif old.status in ("FAIL", "BROKEN") and new.status in PASSING:
        diff.fixed.append(change)
    elif old.status != new.status or old.known_deviation != new.known_deviation:
        diff.changed.append(change)


def _identity_warnings(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    warnings = []
    for key, label in (("name", "target"), ("engine", "engine")):
        before, after = old.get("target", {}).get(key), new.get("target", {}).get(key)
        if before != after:
            warnings.append(f"different {label}: {before!r} then {after!r}")
    for run, label in ((old, "old"), (new, "new")):
        if run.get("interrupted"):
            warnings.append(f"the {label} run was interrupted: rules it did not reach read NOT_COVERED")
    return warnings


def compare(old: dict[str, Any], new: dict[str, Any]) -> RunDiff:
    diff = RunDiff(old, new, warnings=_identity_warnings(old, new))
    before, after = rule_states(old), rule_states(new)
    for key in after:
        if key not in before:
            diff.rules_added.append(_change(None, after[key]))
            if after[key].violated:
                diff.regressed.append(_change(None, after[key]))
    for key in before:
        if key not in after:
            diff.rules_removed.append(_change(before[key], None))
    for key in before.keys() & after.keys():
        _classify(diff, before[key], after[key])
        old_names, new_names = set(before[key].scenarios), set(after[key].scenarios)
        document, rule = key
        diff.scenarios_added += [
            ScenarioChange(document, rule, n) for n in after[key].scenarios if n not in old_names
        ]
        diff.scenarios_removed += [
            ScenarioChange(document, rule, n) for n in before[key].scenarios if n not in new_names
        ]
    for key in after.keys() - before.keys():
        diff.scenarios_added += [ScenarioChange(*key, n) for n in after[key].scenarios]
    for key in before.keys() - after.keys():
        diff.scenarios_removed += [ScenarioChange(*key, n) for n in before[key].scenarios]
    order = list(after) + [key for key in before if key not in after]
    position = {key: index for index, key in enumerate(order)}
    for _, items in diff.sections():
        items.sort(key=lambda change: position[(change.document, change.rule)])
    for scenarios in (diff.scenarios_added, diff.scenarios_removed):
        scenarios.sort(key=lambda s: position[(s.document, s.rule)])
    return diff
