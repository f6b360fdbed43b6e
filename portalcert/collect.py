"""Turn behave's executed model into portalcert's RunResult (documents -> rules -> scenarios)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from portalcert import registry
from portalcert.catalog import Catalogue, RuleEntry, entry_for, qualified, split_unit, subjects_among
from portalcert.checks import ActingInThen, NeedsReview, RuleViolation
from portalcert.docspec import DocumentSpec
from portalcert.engines.base import EngineError
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger, ScenarioLocators
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status
from portalcert.session import Session
from portalcert.target import Target

# behave statuses of a scenario that ran but did not pass; the verdict comes from the exception.
_NOT_PASSED = ("failed", "error", "hook_error", "cleanup_error", "undefined", "pending", "pending_warn")
# Exceptions that say why a scenario could not be judged (an action the portal did not allow, a
# Given not reached, a page-map name missing): reported as they are. Anything else is a harness error.
_EXPLAINED = (EngineError, ConfigError, ActingInThen)


def scenario_result(scenario: Any, session: Session | None, *, interrupted: bool) -> ScenarioResult:
    location = str(scenario.location)
    notes = session.notes.get(location) if session else None
    name = scenario.name
    status_name = scenario.status.name
    if notes and notes.not_applicable:
        return ScenarioResult(name, Status.NOT_APPLICABLE, notes.not_applicable, location)
    if status_name in ("skipped", "untested", "unknown", "executing"):
        reason = (
            "not run: the run was interrupted"
            if interrupted and status_name != "skipped"
            else ("not selected for this run")
        )
        return ScenarioResult(name, Status.NOT_COVERED, reason, location)
    status, message, failed_step = Status.PASS, "", ""
    if status_name != "passed":
        status, message, failed_step = judge(scenario)
    if interrupted and _hit_by_interrupt(scenario, status_name, message):
        return ScenarioResult(name, Status.NOT_COVERED, "not run: the run was interrupted", location)
    return ScenarioResult(
        name=name,
        status=status,
        message=message,
        location=location,
        duration=float(scenario.duration or 0.0),
        evidence=list(notes.evidence) if notes else [],
        failed_step=failed_step,
    )


def finalize(result: ScenarioResult, rule_id: str, locators: ScenarioLocators | None) -> ScenarioResult:
    """The scenario's verdict once the whole run is known: set aside when it rests on an unverified
    locator, and a FAIL/BROKEN message names the rule it enforces, like a conformance-suite check."""
    if locators is not None:
        set_aside_unverified(result, locators.unverified_absences(), locators.ledger)
    if result.status in (Status.FAIL, Status.BROKEN) and not result.message.startswith(rule_id):
        result.message = f"{rule_id}: {result.message}"
    return result


def set_aside_unverified(result: ScenarioResult, keys: list[str], ledger: LocatorLedger) -> None:
    """A verdict that rests on the absence of a locator that matched nothing in the whole run is
    no verdict: the locator may be a typo. PASS and FAIL become BROKEN naming it; a BROKEN
    scenario gets it as the likely cause."""
    if not keys or result.status not in (Status.PASS, Status.FAIL, Status.BROKEN):
        return
    cause = "; ".join(ledger.explain(key) for key in keys)
    was = f"{result.status.value}: {result.message}" if result.message else result.status.value
    result.status = Status.BROKEN
    result.message = f"{cause} (the scenario relied on its absence; it was {was})"


def _hit_by_interrupt(scenario: Any, status_name: str, message: str) -> bool:
    """The scenario that was running when Ctrl-C / SIGTERM arrived is unfinished, not broken."""
    if status_name == "hook_error" and not getattr(scenario, "error_message", ""):
        return True  # behave records no message for a KeyboardInterrupt inside a hook
    return "KeyboardInterrupt" in message or any(
        isinstance(getattr(step, "exception", None), KeyboardInterrupt) for step in scenario.steps
    )


def judge(scenario: Any) -> tuple[Status, str, str]:
    """(status, message, failing step text) of a scenario that ran and did not pass.

    FAIL only for a RuleViolation raised in a Then step: only a Then judges the rule. A violation
    in a Given or When (a code that never arrived, a page not reached), an action the engine could
    not do, an undefined step, a failing hook or a harness error leave the rule unjudged: BROKEN.
    """
    if scenario.status.name == "hook_error":
        return Status.BROKEN, "a hook failed: " + _first_line(scenario.error_message or "no message"), ""
    for step in scenario.all_steps if hasattr(scenario, "all_steps") else scenario.steps:
        if step.status.name not in _NOT_PASSED:
            continue
        text = f"{step.keyword} {step.name}"
        if step.status.name == "hook_error":
            return Status.BROKEN, "a hook failed: " + _first_line(step.error_message or "no message"), text
        if step.status.name == "undefined":
            return Status.BROKEN, "no step definition matches this step", text
        exception = getattr(step, "exception", None)
        if exception is None:
            return Status.BROKEN, _first_line(step.error_message or step.status.name), text
        if isinstance(exception, RuleViolation):
            if step.step_type == "then":
                return Status.FAIL, str(exception), text
            # A Given or When that could not be carried out: the rule was not judged.
            kind = step.step_type.capitalize()
            return Status.BROKEN, f"could not carry out the {kind} step: {exception}", text
        if isinstance(exception, NeedsReview) and step.step_type == "then":
            return Status.REVIEW, str(exception), text
        if isinstance(exception, _EXPLAINED):
            return Status.BROKEN, f"{type(exception).__name__}: {exception}", text
        return Status.BROKEN, f"harness error: {type(exception).__name__}: {exception}", text
    return Status.BROKEN, _first_line(getattr(scenario, "error_message", "") or scenario.status.name), ""


def _first_line(text: str) -> str:
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


@dataclass
class RawScenario:
    """A scenario's result as its process saw it, before the whole-run properties: whether the absences
    it relied on were verified anywhere in the run, and its rule id in the message (see `assemble`)."""

    result: ScenarioResult
    absent: tuple[str, ...] = ()  # page-map keys whose absence its checks relied on


@dataclass(frozen=True)
class RuleFacts:
    """What the target says about a rule, whoever ran it."""

    expected_failure: str = ""
    out_of_scope: str = ""
    expected_status: str = "FAIL"  # the status a declared deviation expects (FAIL or BROKEN)


def gather(
    features: list[Any],
    session: Session | None,
    *,
    interrupted: bool,
    rules: set[str] | None = None,
    unit: str = "",
) -> dict[str, list[RawScenario]]:
    """Rule id -> its scenarios, judged as far as one process can (all rules run, or only `rules`).
    A profile's rules run on a document (the `unit`'s subject) are keyed as judged on it."""
    _, subject = split_unit(unit)
    on = registry.get(subject) if subject else None
    executed: dict[str, list[RawScenario]] = {}
    for feature in features:
        for rule in feature.iter_rules():
            rule_id = qualified(entry_for(rule, "").id, on)
            if rules is not None and rule_id not in rules:
                continue  # another rule of the same file, not this process's work
            results = executed.setdefault(rule_id, [])
            for scenario in rule.walk_scenarios():
                result = scenario_result(scenario, session, interrupted=interrupted)
                notes = session.notes.get(result.location) if session else None
                locators = notes.locators if notes else None
                result.location = registry.display_location(result.location)
                results.append(RawScenario(result, tuple(sorted(locators.absent)) if locators else ()))
    return executed


def unjudged(entry: RuleEntry, reason: str, status: Status) -> list[RawScenario]:
    """A rule's scenarios with no verdict of their own: not run, or run by a process that died."""
    locations = entry.scenario_locations or [entry.location] * len(entry.scenarios)
    return [
        RawScenario(ScenarioResult(name, status, reason, registry.display_location(location)))
        for name, location in zip(entry.scenarios, locations, strict=True)
    ]


def rule_facts(target: Target | None, catalogue: Catalogue) -> dict[str, RuleFacts]:
    if target is None:
        return {}
    # A target names a profile's rule once, for every document it is judged on.
    return {
        entry.id: RuleFacts(
            target.expected.reason(entry.rule_id),
            target.out_of_scope_reason(entry.rule_id),
            target.expected.status(entry.rule_id),
        )
        for entry in catalogue.rules
    }


def assemble(
    executed: dict[str, list[RawScenario]],
    ledger: LocatorLedger,
    catalogue: Catalogue,
    facts: dict[str, RuleFacts],
    *,
    base: RunResult,
    not_run: str = "not run",
) -> RunResult:
    """Fill `base` with one DocumentResult per catalogued document, every rule included, once the
    whole run is known (`executed` and `ledger` gathered from every process that ran a part of it).
    A rule nobody ran gets `not_run` as the reason."""
    for doc, subject in _reported(catalogue):
        rules = []
        for entry in catalogue.rules_of(doc.id):
            if entry.subject != (subject.id if subject else ""):
                continue  # the same profile judged on another document: its own section
            fact = facts.get(entry.id, RuleFacts())
            raw = executed.get(entry.id) or unjudged(entry, not_run, Status.NOT_COVERED)
            scenarios = [
                finalize(replace(r.result), entry.id, ScenarioLocators(ledger, absent=set(r.absent)))
                for r in raw
            ]
            rules.append(
                RuleResult(
                    id=entry.id,
                    title=entry.title,
                    quote=entry.quote,
                    review_reason=entry.review_reason,
                    expected_failure=fact.expected_failure,
                    expected_status=Status(fact.expected_status),
                    out_of_scope=fact.out_of_scope,
                    scenarios=scenarios,
                )
            )
        if subject is not None:
            source = f"profile, run on {subject.id}"
        else:
            source = "profile, no document of the run opts in" if doc.profile else doc.seed_file
        base.documents.append(
            DocumentResult(doc.id, doc.title, doc.language, source, rules, on=subject.id if subject else "")
        )
    return base


def _reported(catalogue: Catalogue) -> list[tuple[DocumentSpec, DocumentSpec | None]]:
    """The report's sections: each document, and each profile once per document it is judged on."""
    sections: list[tuple[DocumentSpec, DocumentSpec | None]] = []
    for doc in catalogue.documents:
        subjects = subjects_among(doc, catalogue.documents)
        sections += [(doc, subject) for subject in subjects] or [(doc, None)]
    return sections
