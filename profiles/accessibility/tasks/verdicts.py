"""The Then steps' judgements, from what the walks remembered (they only observe)."""

from __future__ import annotations

from collections.abc import Callable

from portalcert.checks import NeedsReview, PreconditionFailed, expect

from ..memory import Memory
from .findings import Finding, PageScan

SHOWN = 12  # findings listed in a message; the rest are counted


def expect_no_violation(memory: Memory, criterion: str) -> None:
    """FAIL on any violation axe-core reports for the criterion; REVIEW when it could not decide some
    elements (listed for a person); PASS when every page scanned is clean."""
    scans = memory.scans
    if not scans:
        raise PreconditionFailed("no page was scanned: the documented flows loaded no page")
    violations = _listed(scans, lambda scan: scan.violations)
    scanners = ", ".join(sorted({scan.scanner for scan in scans}))
    expect(
        not violations,
        f"no violation of WCAG 2.1 success criterion {criterion} on the {len(scans)} pages of the documented "
        f"flows ({scanners})",
        _summary(violations, "violation"),
    )
    undecided = _listed(scans, lambda scan: scan.needs_review)
    if undecided:
        raise NeedsReview(
            f"{scanners} found no violation of success criterion {criterion} on {len(scans)} pages but "
            f"could not decide {_summary(undecided, 'element')}; a person must judge them"
        )


def expect_flows_by_keyboard(memory: Memory) -> None:
    walked = len(memory.flows_walked) + len(memory.not_by_keyboard)
    if not walked:
        raise PreconditionFailed("no documented flow was walked")
    expect(
        not memory.not_by_keyboard,
        f"each of the {walked} documented flows completed with the keyboard alone",
        f"{len(memory.not_by_keyboard)} could not be: " + "; ".join(memory.not_by_keyboard),
    )


def _listed(scans: list[PageScan], of: Callable[[PageScan], list[Finding]]) -> list[str]:
    """Each flagged element once per page address (the first flow that met it named):
    "[document · flow] url: element — rule: help (message)"."""
    lines: dict[tuple[str, str], str] = {}
    for scan in scans:
        for finding in of(scan):
            lines.setdefault((scan.url, finding.line()), f"{scan.where()}: {finding.line()}")
    return list(lines.values())


def _summary(lines: list[str], kind: str) -> str:
    shown = "; ".join(lines[:SHOWN])
    more = f"; and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
    return f"{len(lines)} {kind}{'s' if len(lines) != 1 else ''}: {shown}{more}"
