"""The Then steps' judgements: a violation is FAIL, an element axe-core could not decide is REVIEW."""

from __future__ import annotations

import pytest

from portalcert.checks import NeedsReview, PreconditionFailed, RuleViolation
from profiles.accessibility.memory import Memory
from profiles.accessibility.tasks.findings import Finding, PageScan
from profiles.accessibility.tasks.verdicts import expect_flows_by_keyboard, expect_no_violation

LABELS = Finding("form-field-multiple-labels", "Form field must not have multiple labels", "#cf", "", ())
ALT = Finding("image-alt", "Images must have alternative text", "img", "no alt attribute", ("1.1.1",))


def remembering(*scans: PageScan, not_by_keyboard: tuple[str, ...] = ()) -> Memory:
    return Memory(scans=list(scans), not_by_keyboard=list(not_by_keyboard))


def scan(violations: tuple[Finding, ...] = (), needs_review: tuple[Finding, ...] = ()) -> PageScan:
    return PageScan(
        "doc", "sign in", "/login", list(violations), list(needs_review), scanner="axe-core 4.12.1"
    )


def test_a_violation_fails_naming_page_element_and_message() -> None:
    observed = r"observed 1 violation: \[doc · sign in\] /login: img — image-alt"
    with pytest.raises(RuleViolation, match=observed):
        expect_no_violation(remembering(scan(), scan(violations=(ALT,))), "1.1.1")


def test_what_axe_could_not_decide_is_left_to_a_person() -> None:
    with pytest.raises(NeedsReview, match=r"could not decide 1 element: .*#cf — form-field-multiple-labels"):
        expect_no_violation(remembering(scan(needs_review=(LABELS,))), "3.3.2")


def test_clean_pages_pass_and_no_page_at_all_is_no_verdict() -> None:
    expect_no_violation(remembering(scan()), "1.1.1")
    with pytest.raises(PreconditionFailed):
        expect_no_violation(remembering(), "1.1.1")


def test_a_flow_a_keyboard_cannot_finish_fails() -> None:
    with pytest.raises(RuleViolation, match="1 could not be: sign in: PROSEGUI unreachable"):
        expect_flows_by_keyboard(remembering(not_by_keyboard=("sign in: PROSEGUI unreachable",)))


def test_each_criterion_judges_the_findings_of_its_own_rules() -> None:
    """One scan of a page holds every criterion's findings; a criterion's scenario sees its own alone."""
    page = scan(violations=(ALT, LABELS), needs_review=(LABELS, ALT))
    assert (page.about("1.1.1").violations, page.about("1.1.1").needs_review) == ([ALT], [ALT])
    assert page.about("4.1.2") == scan()
    assert page.violations == [ALT, LABELS], "the run's scan is left whole for the other criteria"
