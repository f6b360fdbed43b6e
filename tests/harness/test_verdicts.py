"""Only a Then step judges: which outcomes are FAIL, which BROKEN, and with what reason."""

from __future__ import annotations

import pytest
from behave.model import Scenario, Step
from behave.model_core import Status as BehaveStatus

from portalcert.checks import ActingInThen, PreconditionFailed, RuleViolation, expect
from portalcert.collect import judge, set_aside_unverified
from portalcert.engines.base import EngineError
from portalcert.errors import ConfigError
from portalcert.locator_ledger import LocatorLedger
from portalcert.results import ScenarioResult, Status


def ran(step_type: str, outcome: BehaveStatus, exception: BaseException | None = None) -> Scenario:
    """A scenario whose Given passed and whose next step (of `step_type`) ended with `outcome`."""
    given = Step("x.feature", 2, "Given", "given", "a visitor")
    given.status = BehaveStatus.passed
    step = Step("x.feature", 3, step_type.capitalize(), step_type, "something happens")
    step.status = outcome
    step.exception = exception
    step.error_message = str(exception) if exception else ""
    return Scenario("x.feature", 1, "Scenario", "s", steps=[given, step])


def test_a_rule_violation_is_not_an_assertion_error() -> None:
    assert not issubclass(RuleViolation, AssertionError)
    with pytest.raises(RuleViolation, match="expected a notice; observed none"):
        expect(False, "a notice", "none")


def test_a_rule_violation_in_a_then_step_is_the_only_fail() -> None:
    status, message, step = judge(ran("then", BehaveStatus.error, RuleViolation("expected x; observed y")))
    assert (status, message, step) == (Status.FAIL, "expected x; observed y", "Then something happens")


@pytest.mark.parametrize("step_type", ["given", "when"])
def test_a_rule_violation_before_the_then_leaves_the_rule_unjudged(step_type: str) -> None:
    status, message, _ = judge(ran(step_type, BehaveStatus.error, RuleViolation("expected an SMS")))
    assert status is Status.BROKEN
    assert message == f"could not carry out the {step_type.capitalize()} step: expected an SMS"


@pytest.mark.parametrize("step_type", ["given", "when", "then"])
@pytest.mark.parametrize(
    ("exception", "outcome", "reason"),
    [
        (AssertionError("x is None"), BehaveStatus.failed, "harness error: AssertionError: x is None"),
        (TypeError("bad argument"), BehaveStatus.error, "harness error: TypeError: bad argument"),
        (EngineError("nothing to press matches #go"), BehaveStatus.error, "EngineError: nothing to press"),
        (PreconditionFailed("no user was chosen"), BehaveStatus.error, "PreconditionFailed: no user"),
        (ActingInThen("a Then step may only observe"), BehaveStatus.error, "ActingInThen: a Then step"),
        (ConfigError("pm.yaml", "common.read.x", "missing"), BehaveStatus.error, "ConfigError: pm.yaml"),
    ],
)
def test_anything_but_a_rule_violation_is_broken_with_its_reason(
    step_type: str, exception: Exception, outcome: BehaveStatus, reason: str
) -> None:
    status, message, _ = judge(ran(step_type, outcome, exception))
    assert status is Status.BROKEN
    assert message.startswith(reason)


def test_an_undefined_step_is_broken() -> None:
    assert judge(ran("then", BehaveStatus.undefined))[:2] == (
        Status.BROKEN,
        "no step definition matches this step",
    )


def test_a_failing_hook_is_broken() -> None:
    scenario = ran("when", BehaveStatus.untested)
    scenario.set_status(BehaveStatus.hook_error)
    scenario.error_message = "Traceback ...\nRuntimeError: reset failed"
    assert judge(scenario)[:2] == (Status.BROKEN, "a hook failed: RuntimeError: reset failed")


def ledger_with(matched: bool) -> LocatorLedger:
    ledger = LocatorLedger()
    ledger.saw("common.read.error", "[data-testid=eror]", matched=matched)
    return ledger


@pytest.mark.parametrize("verdict", [Status.PASS, Status.FAIL])
def test_a_verdict_resting_on_a_locator_that_never_matched_is_set_aside(verdict: Status) -> None:
    result = ScenarioResult(
        "s", verdict, "expected an error; observed none" if verdict is Status.FAIL else ""
    )
    set_aside_unverified(result, ["common.read.error"], ledger_with(matched=False))
    assert result.status is Status.BROKEN
    assert result.message.startswith(
        "page map: `common.read.error` ([data-testid=eror]) matched nothing in this run"
    )
    assert verdict.value in result.message


def test_only_absences_of_locators_that_matched_nowhere_in_the_run_count() -> None:
    ledger = LocatorLedger()
    scenario = ledger.for_scenario("X-01")
    scenario.absent |= {"common.read.error", "pages.login.recognise"}
    ledger.saw("common.read.error", "[data-testid=eror]", matched=False)
    ledger.saw("pages.login.recognise", "[data-page=login]", matched=False)
    ledger.saw("pages.login.recognise", "[data-page=login]", matched=True)  # another page, another scenario
    assert scenario.unverified_absences() == ["common.read.error"]
    result = ScenarioResult("s", Status.PASS)
    set_aside_unverified(result, [], ledger)
    assert result.status is Status.PASS


def test_an_entry_matched_with_another_documents_page_map_verifies_nothing_here() -> None:
    """Documents' page maps share key names: CM6's `common.read.error` with a typo must not be vouched
    for by another document's `common.read.error`, which matched on its own pages."""
    ledger = LocatorLedger()
    cm6 = ledger.for_scenario("CM6-17", page_map="tim-convenzione-mobile-6")
    other = ledger.for_scenario("TIS-03", page_map="tim-impresa-semplice")
    cm6.saw("common.read.error", "[data-error=eror]", matched=False)
    cm6.rely_on_absence("common.read.error")
    other.saw("common.read.error", "[data-error]", matched=True)
    (unverified,) = cm6.unverified_absences()
    assert ledger.explain(unverified) == (
        "page map: `common.read.error` ([data-error=eror]) matched nothing in this run"
    )
    result = ScenarioResult("s", Status.PASS)
    set_aside_unverified(result, cm6.unverified_absences(), ledger)
    assert result.status is Status.BROKEN
