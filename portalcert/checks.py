"""How checks report: only a Then step judges the portal; everything else that goes wrong is BROKEN.

- `RuleViolation`: a Then step observed the portal breaking the rule (-> FAIL). It is deliberately
  not an AssertionError, so a stray `assert` in the harness can never pass for a verdict.
- `PreconditionFailed`: a Given could not be established, so the rule was not judged (-> BROKEN).
- `ActingInThen`: a Then step tried to act on the portal; Then steps only observe (-> BROKEN).
- `NeedsReview`: a Then step found nothing wrong it can decide, and lists what a person must judge
  (-> REVIEW, when raised in a Then; e.g. an accessibility scanner's "needs review" items).
"""

from __future__ import annotations

from portalcert.engines.base import EngineError


class RuleViolation(Exception):
    """The portal behaved differently from what the rule requires (-> FAIL, when raised in a Then)."""


class PreconditionFailed(EngineError):
    """A Given could not be established on the portal, so the rule was not judged (-> BROKEN)."""


class ActingInThen(Exception):
    """A Then step tried to act (open, fill, choose, press): a suite defect, never a verdict (-> BROKEN)."""


class NeedsReview(Exception):
    """No violation was observed, but a person must judge what the message lists (-> REVIEW in a Then)."""


def expect(condition: bool, expected: str, observed: str) -> None:
    """Raise a RuleViolation saying what the rule expected and what the portal did."""
    if not condition:
        raise RuleViolation(f"expected {expected}; observed {observed}")
