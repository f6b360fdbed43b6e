"""How scenario outcomes roll up into rule statuses and the run's exit code."""

from __future__ import annotations

import pytest

from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status, rule_status

P, F, B, NA, NC = Status.PASS, Status.FAIL, Status.BROKEN, Status.NOT_APPLICABLE, Status.NOT_COVERED


@pytest.mark.parametrize(
    ("statuses", "review", "expected"),
    [
        ([], False, NC),
        ([], True, Status.REVIEW),
        ([P, P], False, P),
        ([P, P], True, Status.REVIEW),
        ([P, F], True, F),
        ([B, F, P], False, F),
        ([P, B], False, B),
        ([NA, NA], False, NA),
        ([P, NA], False, P),
        ([NC, P], False, P),
        ([NC], False, NC),
    ],
)
def test_rule_status(statuses: list[Status], review: bool, expected: Status) -> None:
    assert rule_status(statuses, review=review) is expected


def run_with(*statuses: Status) -> RunResult:
    rules = [
        RuleResult(f"X-{i:02d}", "t", "q", scenarios=[ScenarioResult("s", s)]) for i, s in enumerate(statuses)
    ]
    return RunResult("t", "u", "http", "now", 1.0, [DocumentResult("d", "D", "it", "f", rules)])


def test_exit_codes() -> None:
    assert run_with(P, NA).exit_code() == 0
    assert run_with(P, F, B).exit_code() == 1
    assert run_with(P, B).exit_code() == 3


def test_summary_counts_rules_and_scenarios() -> None:
    summary = run_with(P, P, F, NA).summary()
    assert summary["PASS"] == 2 and summary["FAIL"] == 1 and summary["NOT_APPLICABLE"] == 1
    assert summary["rules"] == 4 and summary["scenarios"] == 4


def test_rule_message_is_the_first_matching_failure() -> None:
    rule = RuleResult(
        "X-01", "t", "q", scenarios=[ScenarioResult("a", P), ScenarioResult("b", F, "expected x")]
    )
    assert rule.message == "expected x"
    assert RuleResult("X-02", "t", "q", review_reason="listen").message == "listen"
