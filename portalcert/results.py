"""The outcome model of a run: documents -> rules -> scenarios, and how statuses roll up.

This is what the runner produces and what every report (JSON, HTML, console) reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    PASS = "PASS"
    FAIL = "FAIL"
    BROKEN = "BROKEN"
    NOT_APPLICABLE = "NOT_APPLICABLE"
    REVIEW = "REVIEW"
    NOT_COVERED = "NOT_COVERED"


# Order used when a rule's scenarios disagree: a demonstrated violation outranks an
# infrastructure problem, which outranks anything that did not run.
_SEVERITY = {
    Status.FAIL: 0,
    Status.BROKEN: 1,
    Status.PASS: 2,
    Status.NOT_APPLICABLE: 3,
    Status.NOT_COVERED: 4,
    Status.REVIEW: 5,
}


@dataclass
class ScenarioResult:
    name: str
    # PASS, FAIL, BROKEN, NOT_APPLICABLE, NOT_COVERED (not selected / not run), or REVIEW (a Then
    # step saw no violation but listed what a person must judge: checks.NeedsReview)
    status: Status
    message: str = ""  # failure / broken / not-applicable reason
    location: str = ""  # features/.../x.feature:42
    duration: float = 0.0  # seconds
    evidence: list[str] = field(default_factory=list)  # paths relative to the report folder
    failed_step: str = ""


@dataclass
class RuleResult:
    id: str  # "CM6-17"
    title: str
    quote: str  # the original-language sentence(s) the rule transcribes
    review_reason: str = ""  # set when a person must judge part of the rule (@review)
    scenarios: list[ScenarioResult] = field(default_factory=list)
    expected_failure: str = ""  # reason, when the target declared this rule a known deviation
    out_of_scope: str = ""  # reason, when the target's declared scope leaves this rule out
    expected_status: Status = Status.FAIL  # what the declaration expects: FAIL, or BROKEN

    @property
    def status(self) -> Status:
        if self.out_of_scope:
            return Status.NOT_APPLICABLE
        return rule_status([s.status for s in self.scenarios], review=bool(self.review_reason))

    @property
    def known_deviation(self) -> bool:
        """A FAIL (or BROKEN) the target declared in advance: reported, but not what turns the run red.
        Only the declared status: a rule declared BROKEN that FAILs is a violation like any other."""
        return bool(self.expected_failure) and self.status is self.expected_status

    @property
    def deviation_resolved(self) -> bool:
        """Declared as an expected failure, yet it passes: the declaration is stale."""
        return bool(self.expected_failure) and self.status is Status.PASS

    @property
    def message(self) -> str:
        """The reason shown beside the status: first failure, or the review reason."""
        status = self.status
        if status is Status.REVIEW and self.review_reason:
            return self.review_reason
        if self.out_of_scope:
            return self.out_of_scope
        for scenario in self.scenarios:
            if scenario.status is status and scenario.message:
                return scenario.message
        return ""


def rule_status(scenario_statuses: list[Status], *, review: bool = False) -> Status:
    """Roll scenario outcomes up into the rule's status.

    - no scenario at all: NOT_COVERED, or REVIEW when the rule is declared for human review;
    - any FAIL: FAIL; else any BROKEN: BROKEN (a violation is never hidden by a broken sibling);
    - every scenario PASS (or n/a next to passes): PASS, or REVIEW when a person must still judge
      (the rule is declared for review, or a scenario asked for one);
    - only NOT_APPLICABLE: NOT_APPLICABLE; only NOT_COVERED (deselected / interrupted): NOT_COVERED.
    """
    if not scenario_statuses:
        return Status.REVIEW if review else Status.NOT_COVERED
    worst = min(scenario_statuses, key=_SEVERITY.__getitem__)
    if worst in (Status.FAIL, Status.BROKEN):
        return worst
    if worst is Status.PASS:
        return Status.REVIEW if review or Status.REVIEW in scenario_statuses else Status.PASS
    return worst


@dataclass
class DocumentResult:
    id: str  # "tim-convenzione-mobile-6"
    title: str
    language: str  # "it"
    source: str  # seed file name
    rules: list[RuleResult] = field(default_factory=list)
    on: str = ""  # a profile's section: the document its rules were judged on


@dataclass
class RunResult:
    target: str  # target name
    base_url: str
    engine: str
    started_at: str  # ISO 8601 UTC
    duration: float  # seconds
    documents: list[DocumentResult] = field(default_factory=list)
    interrupted: bool = False
    tool_version: str = ""
    target_file: str = ""  # the target file the run read (a bundle packs it, redacted)
    target_sha256: str = (
        ""  # provenance.target_digest: target file, page maps, data sets as the run read them
    )
    browser: str = ""  # the browser that drove the portal, e.g. "chromium 156.0.7510.2"; "" on http
    # the earlier run whose matched locators this run's absences may lean on (`run --locators-from`)
    locators_from: dict[str, str | int] = field(default_factory=dict)

    def rules(self) -> list[RuleResult]:
        return [rule for doc in self.documents for rule in doc.rules]

    def summary(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for rule in self.rules():
            counts[rule.status.value] += 1
        counts["rules"] = len(self.rules())
        counts["scenarios"] = sum(len(rule.scenarios) for rule in self.rules())
        return counts

    def exit_code(self) -> int:
        """0: every applicable rule passes; 1: a rule FAILs; 3: no FAIL but a rule is BROKEN.

        A FAIL or BROKEN the target declared as an expected one (known deviation) does not count.

        (2 is reserved for usage/configuration errors and unreachable targets, raised before a run.)
        """
        statuses = {rule.status for rule in self.rules() if not rule.known_deviation}
        if Status.FAIL in statuses:
            return 1
        if Status.BROKEN in statuses:
            return 3
        return 0
