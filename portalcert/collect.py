"""Turn behave's executed model into portalcert's RunResult (documents -> rules -> scenarios)."""

from __future__ import annotations

from typing import Any

from portalcert.catalog import Catalogue, entry_for
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status
from portalcert.session import Session

# behave status name -> portalcert scenario status
_STATUS = {
    "passed": Status.PASS,
    "failed": Status.FAIL,  # an assertion: the portal violated the rule
    "error": Status.BROKEN,  # an exception: the harness or the portal's infrastructure broke
    "hook_error": Status.BROKEN,
    "undefined": Status.BROKEN,
    "pending": Status.BROKEN,
    "pending_warn": Status.BROKEN,
}


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
    status = _STATUS.get(status_name, Status.BROKEN)
    message, failed_step, step_type = "", "", ""
    if status is not Status.PASS:
        message, failed_step, step_type = _failure(scenario, status_name)
    if interrupted and _hit_by_interrupt(scenario, status_name, message):
        return ScenarioResult(name, Status.NOT_COVERED, "not run: the run was interrupted", location)
    if status is Status.FAIL and step_type in ("given", "when"):
        # Only a Then judges the rule. A Given or When that could not be carried out (a code that
        # never arrived, a page not reached) means the rule was not judged: BROKEN, with the reason.
        status = Status.BROKEN
        message = f"could not carry out the {step_type.capitalize()} step: {message}"
    return ScenarioResult(
        name=name,
        status=status,
        message=message,
        location=location,
        duration=float(scenario.duration or 0.0),
        evidence=list(notes.evidence) if notes else [],
        failed_step=failed_step,
    )


def _hit_by_interrupt(scenario: Any, status_name: str, message: str) -> bool:
    """The scenario that was running when Ctrl-C / SIGTERM arrived is unfinished, not broken."""
    if status_name == "hook_error" and not getattr(scenario, "error_message", ""):
        return True  # behave records no message for a KeyboardInterrupt inside a hook
    return "KeyboardInterrupt" in message or any(
        isinstance(getattr(step, "exception", None), KeyboardInterrupt) for step in scenario.steps
    )


def _failure(scenario: Any, status_name: str) -> tuple[str, str, str]:
    """(message, failing step text, its step type) of a scenario that did not pass."""
    if status_name == "hook_error":
        return _first_line(getattr(scenario, "error_message", "") or "a hook failed"), "", ""
    for step in scenario.all_steps if hasattr(scenario, "all_steps") else scenario.steps:
        state = step.status.name
        if state not in ("failed", "error", "undefined", "pending", "hook_error"):
            continue
        text = f"{step.keyword} {step.name}"
        if state == "undefined":
            return "no step definition matches this step", text, step.step_type
        exception = getattr(step, "exception", None)
        if exception is None:
            return _first_line(step.error_message or state), text, step.step_type
        if state == "error":
            return f"{type(exception).__name__}: {exception}", text, step.step_type
        return str(exception), text, step.step_type
    return _first_line(getattr(scenario, "error_message", "") or status_name), "", ""


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
                # Every failure message names the rule it enforces, like a conformance-suite check.
                if result.status in (Status.FAIL, Status.BROKEN) and not result.message.startswith(entry.id):
                    result.message = f"{entry.id}: {result.message}"
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
                    out_of_scope=out_of_scope,
                    scenarios=executed.get(
                        entry.id,
                        [
                            ScenarioResult(name, Status.NOT_COVERED, "not run", entry.location)
                            for name in entry.scenarios
                        ],
                    ),
                )
            )
        base.documents.append(DocumentResult(doc.id, doc.title, doc.language, doc.seed_file, rules))
    return base
