"""A scenario's verdict as Cucumber step results: before hook, Gherkin steps, verdict hook."""

from __future__ import annotations

from portalcert.report.cucumber_steps import (
    FAILED,
    PASSED,
    SKIPPED,
    UNDEFINED,
    ScenarioOutcomes,
    failed_step_index,
    outcomes,
)
from portalcert.results import ScenarioResult, Status

STEPS = [
    ("Given ", "a visitor at registration step 3"),
    ("When ", 'the visitor chooses the username "abc12"'),
    ("Then ", "the registration stays at step 3"),
    ("And ", "the user signs out"),
]


def _statuses(planned: ScenarioOutcomes) -> list[str]:
    return [planned.before.status, *(step.status for step in planned.steps), planned.verdict.status]


def _scenario(status: Status, message: str = "", failed_step: str = "") -> ScenarioResult:
    return ScenarioResult("a scenario", status, message, "x.feature:3", failed_step=failed_step)


def test_a_pass_passes_every_step_and_both_hooks() -> None:
    assert _statuses(outcomes(_scenario(Status.PASS), STEPS)) == [PASSED] * 6


def test_a_fail_fails_its_then_step_skips_the_rest_and_carries_the_verdict() -> None:
    scenario = _scenario(Status.FAIL, "CM6-17: expected a refusal", "Then the registration stays at step 3")
    planned = outcomes(scenario, STEPS)
    assert _statuses(planned) == [PASSED, PASSED, PASSED, FAILED, SKIPPED, PASSED]
    failed = planned.steps[2]
    assert (failed.verdict, failed.reason) == ("FAIL", "CM6-17: expected a refusal")
    assert failed.message == "FAIL: CM6-17: expected a refusal" and failed.failed


def test_an_undefined_step_is_undefined_not_failed() -> None:
    scenario = _scenario(
        Status.BROKEN,
        "CM6-17: no step definition matches this step",
        'When the visitor chooses the username "abc12"',
    )
    assert _statuses(outcomes(scenario, STEPS)) == [PASSED, PASSED, UNDEFINED, SKIPPED, SKIPPED, PASSED]


def test_a_failing_before_scenario_hook_fails_the_before_hook_and_skips_the_steps() -> None:
    scenario = _scenario(Status.BROKEN, "CM6-17: a hook failed: EngineError: reset refused")
    planned = outcomes(scenario, STEPS)
    assert _statuses(planned) == [FAILED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED]
    assert planned.before.verdict == "BROKEN"


def test_a_pass_set_aside_by_the_whole_run_fails_the_verdict_hook() -> None:
    message = "page map: `common.read.error` ([data-testid=eror]) matched nothing in this run"
    planned = outcomes(_scenario(Status.BROKEN, message), STEPS)
    assert _statuses(planned) == [PASSED] * 5 + [FAILED]
    assert planned.verdict.reason == message and planned.verdict.verdict == "BROKEN"


def test_not_applicable_is_skipped_by_the_before_hook_with_its_reason() -> None:
    planned = outcomes(_scenario(Status.NOT_APPLICABLE, "the target has no clock control"), STEPS)
    assert _statuses(planned) == [SKIPPED] * 6
    assert planned.before.message == "the target has no clock control"


def test_the_failed_step_is_found_by_keyword_and_text_then_by_text() -> None:
    assert failed_step_index("And the user signs out", STEPS) == 3
    assert failed_step_index("E the user signs out", STEPS) == 3  # a localized keyword
    assert failed_step_index("Then something else", STEPS) is None
    assert failed_step_index("", STEPS) is None
