"""Console summary and the shared verdict."""

from __future__ import annotations

import pytest
from rich.console import Console

from portalcert.report import print_summary, verdict
from portalcert.report.console import short
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status


def render(run: RunResult, width: int = 100) -> str:
    console = Console(width=width, record=True, color_system=None)
    print_summary(run, console)
    return console.export_text()


@pytest.mark.parametrize("width", [60, 100, 160])
def test_mentions_every_fail_rule(run: RunResult, width: int) -> None:
    text = render(run, width)
    for rule in run.rules():
        if rule.status is Status.FAIL:
            assert rule.id in text
    assert "FAIL: CM6-05, CM6-17" in text
    assert "BROKEN: CM6-09" in text


def test_table_rows_and_verdict(run: RunResult) -> None:
    text = render(run, 160)
    for rule in run.rules():
        assert rule.id in text
    assert "tim-convenzione-mobile-6" in text and "telekom-hu-business-login" in text
    assert "Verdict: Non-compliant" in text
    assert "[data-testid=captcha-image]" in text  # messages are not parsed as rich markup
    assert "[known deviation]" in text
    assert "Journal:" not in text  # only the first line of a long message


def test_short() -> None:
    assert short("") == ""
    assert short("one\ntwo") == "one"
    assert short("x" * 200, 20) == "x" * 19 + "…"


def _run(*statuses: Status, review: str = "", interrupted: bool = False) -> RunResult:
    rules = [
        RuleResult(f"R-{i}", "t", "q", scenarios=[ScenarioResult("s", status)])
        for i, status in enumerate(statuses)
    ]
    if review:
        rules.append(RuleResult("R-review", "t", "q", review_reason=review))
    doc = DocumentResult("d", "D", "it", "x.txt", rules=rules)
    return RunResult("t", "u", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc], interrupted=interrupted)


@pytest.mark.parametrize(
    ("run_", "key", "label"),
    [
        (_run(Status.PASS, Status.FAIL, Status.BROKEN), "fail", "Non-compliant"),
        (_run(Status.PASS, Status.BROKEN), "broken", "Inconclusive"),
        (_run(Status.PASS, Status.NOT_APPLICABLE), "pass", "Compliant"),
        (_run(Status.PASS, review="judge"), "partial", "No violation found"),
        (_run(Status.PASS, Status.NOT_COVERED), "partial", "No violation found"),
        (_run(Status.PASS, interrupted=True), "incomplete", "Incomplete"),
        (_run(Status.NOT_COVERED), "incomplete", "Nothing verified"),
        (_run(), "incomplete", "Nothing verified"),
    ],
)
def test_verdict(run_: RunResult, key: str, label: str) -> None:
    result = verdict(run_)
    assert (result.key, result.label) == (key, label)
    # the verdict never contradicts the exit code
    assert (result.key == "fail") == (run_.exit_code() == 1)
    assert (result.key == "broken") == (run_.exit_code() == 3)


def test_interrupted_failure_says_so() -> None:
    result = verdict(_run(Status.FAIL, interrupted=True))
    assert result.key == "fail" and "interrupted" in result.detail
