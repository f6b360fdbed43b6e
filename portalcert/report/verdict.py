"""One sentence for the whole run, shared by the HTML page and the console so they never disagree.

It follows ``RunResult.exit_code()`` (FAIL beats BROKEN beats everything else; a FAIL or BROKEN the
target declared as expected is a known deviation and does not count) and then says what a clean exit code
does not: an interrupted run, rules nobody has judged yet, rules nothing covers, known deviations, and
expected-failure declarations that have gone stale because their rule now passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.results import RunResult, Status


@dataclass(frozen=True)
class Verdict:
    # "fail" | "broken" | "incomplete" | "partial" | "deviations" | "pass": CSS class / rich style.
    # "deviations": clean exit code, but only because the rules that FAIL were declared in advance.
    key: str
    label: str  # "Non-compliant", ...
    detail: str  # what the counts mean, in words


def _rules(n: int) -> str:
    return f"{n} rule{'s' if n != 1 else ''}"


def _known(n: int) -> str:
    return f"{n} known deviation{'s' if n != 1 else ''}"


def _stale(n: int) -> str:
    if n == 1:
        return "1 declared expected failure now passes: remove it from the expected-failures file"
    return f"{n} declared expected failures now pass: remove them from the expected-failures file"


def verdict(run: RunResult) -> Verdict:
    counts = run.summary()
    rules = run.rules()
    known = sum(rule.known_deviation for rule in rules)
    known_broken = sum(rule.known_deviation and rule.status is Status.BROKEN for rule in rules)
    stale = sum(rule.deviation_resolved for rule in rules)
    caveats = []  # what keeps a clean exit code from meaning "compliant"
    if run.interrupted:
        caveats.append("the run was interrupted")
    if review := counts[Status.REVIEW.value]:
        caveats.append(f"{_rules(review)} await{'s' if review == 1 else ''} human review")
    if counts[Status.NOT_COVERED.value]:
        caveats.append(f"{_rules(counts[Status.NOT_COVERED.value])} not covered")
    # housekeeping for the target's expected-failures file: said, but it never changes the label
    stale_notes = [_stale(stale)] if stale else []

    def tail(*notes: str) -> str:
        return f" ({'; '.join(notes)})" if notes else ""

    code = run.exit_code()
    known_notes = [_known(known)] if known else []
    if code == 1:
        violated = counts[Status.FAIL.value] - (known - known_broken)
        detail = f"{_rules(violated)} violated{tail(*known_notes, *caveats, *stale_notes)}"
        return Verdict("fail", "Non-compliant", detail)
    if code == 3:
        broken = counts[Status.BROKEN.value] - known_broken
        detail = f"{_rules(broken)} could not be checked (BROKEN){tail(*known_notes, *caveats, *stale_notes)}"
        return Verdict("broken", "Inconclusive", detail)
    if run.interrupted:
        detail = f"no violation found before the interruption{tail(*known_notes, *caveats, *stale_notes)}"
        return Verdict("incomplete", "Incomplete", detail)
    if not counts[Status.PASS.value]:
        return Verdict(
            "incomplete", "Nothing verified", f"no rule was shown to hold{tail(*known_notes, *caveats)}"
        )
    if known:  # the only FAILs (and BROKEN) are the ones the target declared
        verb = "deviate" if known_broken else "fail"
        verb += "s" if known == 1 else ""
        detail = f"{_rules(known)} {verb} as declared ({_known(known)}); "
        if caveats:  # a person still has to judge or cover some rules: no claim of compliance
            detail += f"no other violation found{tail(*caveats, *stale_notes)}"
            return Verdict("deviations", "No violation found except declared deviations", detail)
        detail += f"every other applicable rule passes{tail(*stale_notes)}"
        return Verdict("deviations", "Compliant except declared deviations", detail)
    if caveats:  # a clean exit code, but a person still has to judge or cover some rules
        return Verdict(
            "partial", "No violation found", f"every rule checked passes{tail(*caveats, *stale_notes)}"
        )
    return Verdict("pass", "Compliant", f"every applicable rule passes{tail(*stale_notes)}")
