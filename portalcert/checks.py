"""How checks report: a violated expectation is a FAIL; a scenario that cannot be set up is BROKEN."""

from __future__ import annotations

from portalcert.engines.base import EngineError


class RuleViolation(AssertionError):
    """The portal behaved differently from what the rule requires (-> FAIL)."""


class PreconditionFailed(EngineError):
    """A Given could not be established on the portal, so the rule was not judged (-> BROKEN)."""


def expect(condition: bool, expected: str, observed: str) -> None:
    """Raise a RuleViolation saying what the rule expected and what the portal did."""
    if not condition:
        raise RuleViolation(f"expected {expected}; observed {observed}")
