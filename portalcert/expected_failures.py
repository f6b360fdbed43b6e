"""Known deviations: rules a target is expected to FAIL (or to leave BROKEN), each with the reason a
person gave.

A vendor certifying a portal that knowingly departs from a rule (a change request still open,
say) declares it here instead of living with a red run. The report still shows the rule FAIL,
marked as a declared deviation, and the run's exit code ignores it. `status: BROKEN` declares a rule
the target cannot let the suite judge (a state it cannot produce, say) and that is not better said
with `absent:` in the target. When such a rule passes, the report flags the declaration as stale so
it gets removed.

    schema: portalcert-expected-failures/1
    failures:
      - rule: CM6-17
        reason: "usernames of 17 characters are accepted until CR-1234 ships"
      - rule: CM6-22
        status: BROKEN
        reason: "the staging portal's clock cannot move; checked by hand in release tests"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from portalcert import yamlsource
from portalcert.catalog import RULE_ID
from portalcert.yamlsource import Node

SCHEMA = "portalcert-expected-failures/1"


STATUSES = ("FAIL", "BROKEN")  # what a declaration may expect


@dataclass(frozen=True)
class ExpectedFailures:
    source: str = ""
    reasons: dict[str, str] = field(default_factory=dict)  # rule id -> why it is expected to fail
    statuses: dict[str, str] = field(default_factory=dict)  # rule id -> FAIL or BROKEN

    def reason(self, rule_id: str) -> str:
        return self.reasons.get(rule_id, "")

    def status(self, rule_id: str) -> str:
        return self.statuses.get(rule_id, "FAIL")


def parse(root: Node) -> ExpectedFailures:
    root.reject_unknown({"schema", "failures"})
    schema = root.child("schema")
    if schema.string() != SCHEMA:
        raise schema.fail(f"unsupported schema {schema.value!r} (expected {SCHEMA})")
    failures = root.child("failures")
    if not isinstance(failures.value, list):
        raise failures.fail("expected a list of {rule, reason[, status]} entries")
    reasons: dict[str, str] = {}
    statuses: dict[str, str] = {}
    for i, item in enumerate(failures.value):
        entry = Node(item, failures.source, f"failures[{i}]", failures.line)
        entry.reject_unknown({"rule", "reason", "status"})
        rule = entry.child("rule").string()
        if not RULE_ID.match(rule):
            raise entry.child("rule").fail(f"{rule!r} is not a rule id (like CM6-17)")
        if rule in reasons:
            raise entry.child("rule").fail(f"{rule} is declared twice")
        reason = entry.child("reason").string().strip()
        if not reason:
            raise entry.child("reason").fail("say why the rule is expected to fail")
        reasons[rule] = reason
        statuses[rule] = _status(entry.child("status"))
    return ExpectedFailures(root.source, reasons, statuses)


def _status(node: Node) -> str:
    status = node.string(required=False, default="FAIL")
    if status not in STATUSES:
        raise node.fail(f"expected {' or '.join(STATUSES)}, got {status!r}")
    return status


def load(path: Path) -> ExpectedFailures:
    return parse(yamlsource.load(path))
