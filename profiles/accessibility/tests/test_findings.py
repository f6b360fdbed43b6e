"""axe-core's results as the profile reads them: success criteria from its tags, one finding per element."""

from __future__ import annotations

from profiles.accessibility.tasks.findings import criterion_of_tag, findings


def test_success_criteria_are_read_from_axe_tags() -> None:
    assert criterion_of_tag("wcag111") == "1.1.1"
    assert criterion_of_tag("wcag1412") == "1.4.12"
    assert [criterion_of_tag(t) for t in ("wcag2a", "wcag21aa", "cat.forms", "best-practice")] == [None] * 4


def test_each_flagged_element_is_a_finding_with_axe_message() -> None:
    result = {
        "id": "image-alt",
        "help": "Images must have alternative text",
        "tags": ["cat.text-alternatives", "wcag2a", "wcag111", "section508"],
        "nodes": [
            {
                "target": ["img.logo"],
                "failureSummary": "Fix any of the following:\n  Element does not have an alt attribute\n"
                "  Element has no title attribute",
            },
            {"target": ["#banner", "img"], "failureSummary": ""},
        ],
    }
    first, second = findings([result])
    assert first.criteria == ("1.1.1",)
    assert first.line() == (
        "img.logo — image-alt: Images must have alternative text "
        "(Element does not have an alt attribute; Element has no title attribute)"
    )
    assert second.element == "#banner img"
