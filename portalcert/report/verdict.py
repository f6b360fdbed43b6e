"""One sentence for the whole run, shared by the HTML page and the console so they never disagree.

It follows ``RunResult.exit_code()`` (FAIL beats BROKEN beats everything else) and then says what a
clean exit code does not: an interrupted run, rules nobody has judged yet, rules nothing covers.
"""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.results import RunResult, Status


@dataclass(frozen=True)
class Verdict:
    key: str  # "fail" | "broken" | "incomplete" | "partial" | "pass": CSS class / rich style
    label: str  # "Non-compliant", ...
    detail: str  # what the counts mean, in words


def _rules(n: int) -> str:
    return f"{n} rule{'s' if n != 1 else ''}"


def verdict(run: RunResult) -> Verdict:
    counts = run.summary()
    notes = []
    if counts[Status.REVIEW.value]:
        notes.append(f"{_rules(counts[Status.REVIEW.value])} await human review")
    if counts[Status.NOT_COVERED.value]:
        notes.append(f"{_rules(counts[Status.NOT_COVERED.value])} not covered")
    if run.interrupted:
        notes.insert(0, "the run was interrupted")
    tail = f" ({'; '.join(notes)})" if notes else ""

    code = run.exit_code()
    if code == 1:
        return Verdict("fail", "Non-compliant", f"{_rules(counts[Status.FAIL.value])} violated{tail}")
    if code == 3:
        broken = counts[Status.BROKEN.value]
        return Verdict("broken", "Inconclusive", f"{_rules(broken)} could not be checked (BROKEN){tail}")
    if run.interrupted:
        return Verdict("incomplete", "Incomplete", f"no violation found before the interruption{tail}")
    if not counts[Status.PASS.value]:
        return Verdict("incomplete", "Nothing verified", f"no rule was shown to hold{tail}")
    if notes:  # a clean exit code, but a person still has to judge or cover some rules
        return Verdict("partial", "No violation found", f"every rule checked passes{tail}")
    return Verdict("pass", "Compliant", "every applicable rule passes")
