"""What axe-core reported about one page, kept as plain data for the Then steps to judge."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One element axe-core flagged: a violation of one of its rules, or an item it could not decide."""

    rule: str  # axe-core's rule id ("image-alt")
    help: str  # axe-core's one-line summary of the rule
    element: str  # CSS path of the element, as axe-core gives it
    message: str  # axe-core's explanation for this element
    criteria: tuple[str, ...]  # the WCAG success criteria the rule is tagged with ("1.1.1")

    def line(self) -> str:
        return f"{self.element} — {self.rule}: {self.help} ({self.message})"


@dataclass
class PageScan:
    document: str
    flow: str
    url: str
    violations: list[Finding] = field(default_factory=list)
    needs_review: list[Finding] = field(default_factory=list)
    scanner: str = ""  # "axe-core 4.12.1": the engine and version that scanned the page
    tested: frozenset[str] = frozenset()  # the success criteria axe-core's rules tested ("1.4.3")

    def where(self) -> str:
        return f"[{self.document} · {self.flow}] {self.url}"

    def about(self, criterion: str) -> PageScan:
        """The scan as one success criterion's scenario judges it: the findings of its rules alone."""
        return replace(
            self,
            violations=[f for f in self.violations if criterion in f.criteria],
            needs_review=[f for f in self.needs_review if criterion in f.criteria],
        )


def criterion_of_tag(tag: str) -> str | None:
    """axe-core's tag of a success criterion ("wcag143", "wcag1412") as its number ("1.4.3", "1.4.12")."""
    digits = tag.removeprefix("wcag")
    if not digits.isdigit() or len(digits) < 3 or tag == digits:
        return None
    return f"{digits[0]}.{digits[1]}.{digits[2:]}"


def findings(results: list[dict[str, Any]]) -> list[Finding]:
    """axe-core's `violations` or `incomplete` list, one Finding per flagged element."""
    found = []
    for result in results:
        criteria = tuple(c for c in (criterion_of_tag(t) for t in result.get("tags", [])) if c)
        for node in result.get("nodes", []):
            target = node.get("target") or ["?"]
            # "Fix any of the following:\n  reason\n  reason": the reasons, one after another
            reasons = [" ".join(line.split()) for line in str(node.get("failureSummary") or "").splitlines()]
            summary = "; ".join(r for r in reasons if r and not r.startswith("Fix "))
            found.append(
                Finding(
                    rule=str(result.get("id", "?")),
                    help=str(result.get("help", "")),
                    element=" ".join(str(part) for part in target),
                    message=summary,
                    criteria=criteria,
                )
            )
    return found
