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
    assert "FAIL: CM6-05, CM6-17 (known deviation)" in text
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


def _row(text: str, rule_id: str) -> str:
    (line,) = [line for line in text.splitlines() if line.startswith(f"│ {rule_id} ")]
    return line


def test_deviation_flags_on_their_rows_only(run: RunResult) -> None:
    text = render(run, 200)
    assert "[known deviation] Username" in _row(text, "CM6-17")
    assert "[expected failure now passes]" in _row(text, "CM6-16")
    assert "outside the target's scope" in _row(text, "CM6-33")  # the out-of-scope reason is the message
    assert text.count("[known deviation]") == 1
    assert text.count("[expected failure now passes]") == 1


def test_stale_declarations_line(run: RunResult) -> None:
    text = render(run, 160)
    lines = text.splitlines()
    stale = [line for line in lines if line.startswith("Expected failures now passing")]
    assert stale == ["Expected failures now passing (remove them from the expected-failures file): CM6-16"]
    assert lines.index(stale[0]) > max(
        i for i, line in enumerate(lines) if line.startswith("└")
    )  # after tables


def test_no_deviation_lines_without_declarations(run: RunResult) -> None:
    for rule in run.rules():
        rule.expected_failure = ""
    text = render(run, 160)
    assert "known deviation" not in text and "expected failure" not in text.lower()
    assert "FAIL: CM6-05, CM6-17\n" in text


def test_declared_but_broken_is_not_flagged() -> None:
    run = _run(Status.BROKEN, declared=(0,))
    text = render(run, 160)
    assert "[known deviation]" not in text and "[expected failure now passes]" not in text
    assert "BROKEN: R-0\n" in text


def test_short() -> None:
    assert short("") == ""
    assert short("one\ntwo") == "one"
    assert short("x" * 200, 20) == "x" * 19 + "…"


def _run(
    *statuses: Status,
    review: str = "",
    interrupted: bool = False,
    declared: tuple[int, ...] = (),
    declared_broken: tuple[int, ...] = (),
) -> RunResult:
    """One rule per status; the rules at the ``declared`` positions are declared expected failures
    (at ``declared_broken``, declared with status: BROKEN)."""
    rules = [
        RuleResult(
            f"R-{i}",
            "t",
            "q",
            expected_failure="declared" if i in declared + declared_broken else "",
            expected_status=Status.BROKEN if i in declared_broken else Status.FAIL,
            scenarios=[ScenarioResult("s", status)],
        )
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
        (_run(Status.PASS, Status.FAIL, declared=(1,)), "deviations", "Compliant except declared deviations"),
        (
            _run(Status.PASS, Status.FAIL, review="judge", declared=(1,)),
            "deviations",
            "No violation found except declared deviations",
        ),
        (_run(Status.PASS, Status.FAIL, Status.FAIL, declared=(1,)), "fail", "Non-compliant"),
        (_run(Status.PASS, Status.FAIL, Status.BROKEN, declared=(1,)), "broken", "Inconclusive"),
        (_run(Status.BROKEN, declared=(0,)), "broken", "Inconclusive"),  # only a FAIL is excused
        (_run(Status.PASS, Status.FAIL, interrupted=True, declared=(1,)), "incomplete", "Incomplete"),
        (_run(Status.PASS, Status.PASS, declared=(1,)), "pass", "Compliant"),  # stale: still compliant
    ],
)
def test_verdict(run_: RunResult, key: str, label: str) -> None:
    result = verdict(run_)
    assert (result.key, result.label) == (key, label)
    # the verdict never contradicts the exit code
    assert (result.key == "fail") == (run_.exit_code() == 1)
    assert (result.key == "broken") == (run_.exit_code() == 3)


@pytest.mark.parametrize(
    ("run_", "detail"),
    [
        (
            _run(Status.PASS, Status.FAIL, declared=(1,)),
            "1 rule fails as declared (1 known deviation); every other applicable rule passes",
        ),
        (
            _run(Status.PASS, Status.FAIL, Status.FAIL, review="judge", declared=(1, 2)),
            "2 rules fail as declared (2 known deviations); no other violation found"
            " (1 rule awaits human review)",
        ),
        (_run(Status.PASS, Status.FAIL, Status.FAIL, declared=(1,)), "1 rule violated (1 known deviation)"),
        (
            _run(Status.PASS, Status.PASS, declared=(1,)),
            "every applicable rule passes (1 declared expected failure now passes: remove it from the"
            " expected-failures file)",
        ),
        (
            _run(Status.PASS, Status.BROKEN, declared_broken=(1,)),
            "1 rule deviates as declared (1 known deviation); every other applicable rule passes",
        ),
        (
            _run(Status.PASS, Status.BROKEN, Status.BROKEN, declared_broken=(1,)),
            "1 rule could not be checked (BROKEN) (1 known deviation)",
        ),
        (_run(Status.PASS, Status.FAIL), "1 rule violated"),  # nothing declared, nothing said about it
        (_run(Status.PASS), "every applicable rule passes"),
    ],
)
def test_verdict_detail_mentions_declarations(run_: RunResult, detail: str) -> None:
    assert verdict(run_).detail == detail


def test_interrupted_failure_says_so() -> None:
    result = verdict(_run(Status.FAIL, interrupted=True))
    assert result.key == "fail" and "interrupted" in result.detail
