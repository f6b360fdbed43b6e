"""Turn behave's executed model into portalcert's RunResult (documents -> rules -> scenarios)."""

from __future__ import annotations

from typing import Any

from portalcert import registry
from portalcert.catalog import Catalogue, entry_for
from portalcert.checks import ActingInThen, RuleViolation
from portalcert.engines.base import EngineError
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger, ScenarioLocators
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status
from portalcert.session import Session

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
        if isinstance(exception, _EXPLAINED):
            return Status.BROKEN, f"{type(exception).__name__}: {exception}", text
        return Status.BROKEN, f"harness error: {type(exception).__name__}: {exception}", text
    return Status.BROKEN, _first_line(getattr(scenario, "error_message", "") or scenario.status.name), ""


def _first_line(text: str) -> str:
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def collect(
    features: list[Any],
    catalogue: Catalogue,
    session: Session | None,
    *,
    base: RunResult,
    interrupted: bool,
) -> RunResult:
    """Fill `base` with one DocumentResult per catalogued document, every rule included."""
    executed: dict[str, list[ScenarioResult]] = {}
    for feature in features:
        for rule in feature.iter_rules():
            entry = entry_for(rule, "")
            results = executed.setdefault(entry.id, [])
            for scenario in rule.walk_scenarios():
                result = scenario_result(scenario, session, interrupted=interrupted)
                notes = session.notes.get(result.location) if session else None
                finalize(result, entry.id, notes.locators if notes else None)
                result.location = registry.display_location(result.location)
                results.append(result)
    target = session.settings.target if session else None
    for doc in catalogue.documents:
        rules = []
        for entry in catalogue.rules_of(doc.id):
            out_of_scope = target.out_of_scope_reason(entry.id) if target else ""
            rules.append(
                RuleResult(
                    id=entry.id,
                    title=entry.title,
                    quote=entry.quote,
                    review_reason=entry.review_reason,
                    expected_failure=target.expected.reason(entry.id) if target else "",
                    expected_status=Status(target.expected.status(entry.id)) if target else Status.FAIL,
                    out_of_scope=out_of_scope,
                    scenarios=executed.get(
                        entry.id,
                        [
                            ScenarioResult(
                                name, Status.NOT_COVERED, "not run", registry.display_location(entry.location)
                            )
                            for name in entry.scenarios
                        ],
                    ),
                )
            )
        base.documents.append(DocumentResult(doc.id, doc.title, doc.language, doc.seed_file, rules))
    return base
