"""How a scenario's verdict reads as Cucumber test-step results.

portalcert keeps, per scenario, its final status, message and the text of the step that failed; Cucumber
wants a result per test step. behave runs the steps in order and skips the rest after the first that
does not pass, so the scenario's record is enough: steps before the failed one passed, it failed, those
after it were skipped. Two hook steps frame the Gherkin steps: `before` (portalcert's before_scenario:
reset, engine, data, or the reason a scenario is not applicable) and `verdict` (the whole-run judgement
that can set aside a verdict resting on a locator that matched nothing anywhere in the run).
"""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.results import ScenarioResult, Status

PASSED, FAILED, SKIPPED, UNDEFINED = "PASSED", "FAILED", "SKIPPED", "UNDEFINED"
UNDEFINED_MESSAGE = "no step definition matches this step"  # what collect.judge says of one
HOOK_FAILED = "a hook failed"


@dataclass(frozen=True)
class Outcome:
    status: str  # a Cucumber TestStepResultStatus value
    message: str = ""  # the status and the scenario's message, as the report shows it
    failed: bool = False  # the step where the scenario's verdict was decided
    verdict: str = ""  # for that step: FAIL or BROKEN
    reason: str = ""  # for that step: the scenario's message alone


@dataclass(frozen=True)
class ScenarioOutcomes:
    before: Outcome
    steps: list[Outcome]
    verdict: Outcome


def failed_step_index(failed_step: str, steps: list[tuple[str, str]]) -> int | None:
    """The index of the step behave reported as failed ("Then the visitor ..."), among (keyword, text)."""
    if not failed_step:
        return None
    for index, (keyword, text) in enumerate(steps):
        if failed_step == f"{keyword.strip()} {text}":
            return index
    for index, (_, text) in enumerate(steps):  # a keyword spelled differently (localized And / But)
        if failed_step.endswith(f" {text}"):
            return index
    return None


def outcomes(scenario: ScenarioResult, steps: list[tuple[str, str]]) -> ScenarioOutcomes:
    """Per step, what happened: derived from the scenario's final status, message and failed step."""
    count = len(steps)
    status = scenario.status
    if status is Status.PASS:
        return ScenarioOutcomes(Outcome(PASSED), [Outcome(PASSED)] * count, Outcome(PASSED))
    if status is not Status.FAIL and status is not Status.BROKEN:
        # NOT_APPLICABLE: before_scenario skipped it, with the reason (NOT_COVERED never gets here).
        reason = Outcome(SKIPPED, scenario.message)
        return ScenarioOutcomes(reason, [Outcome(SKIPPED)] * count, Outcome(SKIPPED))
    shown = f"{status.value}: {scenario.message}" if scenario.message else status.value

    def decided(kind: str) -> Outcome:
        return Outcome(kind, shown, failed=True, verdict=status.value, reason=scenario.message)

    index = failed_step_index(scenario.failed_step, steps)
    if index is not None:
        kind = UNDEFINED if scenario.message.endswith(UNDEFINED_MESSAGE) else FAILED
        listed = [Outcome(PASSED)] * index + [decided(kind)]
        listed += [Outcome(SKIPPED)] * (count - index - 1)
        return ScenarioOutcomes(Outcome(PASSED), listed, Outcome(PASSED))
    if HOOK_FAILED in scenario.message:
        return ScenarioOutcomes(decided(FAILED), [Outcome(SKIPPED)] * count, Outcome(SKIPPED))
    # Every step passed, and the whole run set the verdict aside (or a failure outside any step).
    return ScenarioOutcomes(Outcome(PASSED), [Outcome(PASSED)] * count, decided(FAILED))
