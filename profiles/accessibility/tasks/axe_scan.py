"""Running axe-core (bundled with axe-playwright-python, pinned in pyproject.toml) on a browser page.

Every rule tagged with the WCAG 2.1 Level A and AA tags runs, in one scan per page: the findings carry
the success criteria their rule is tagged with, and each scenario judges its criterion's. Experimental
and deprecated rules never run (axe-core's own default).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from portalcert.engines.base import EngineError

from .findings import PageScan, criterion_of_tag, findings

LEVELS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")  # WCAG 2.1 Level A and AA, as axe-core tags them
_RULES = """(levels) => axe.getRules(levels)
  .filter(r => !r.tags.includes('experimental') && !r.tags.includes('deprecated'))
  .map(r => ({id: r.ruleId, tags: r.tags}))"""


@cache
def _axe() -> Axe:
    return Axe()


def scan(page: Page, into: PageScan) -> None:
    """Scan the page for every WCAG 2.1 A and AA success criterion axe-core tests; fill `into` with what
    it found and the criteria its rules test."""
    axe = _axe()
    try:
        page.evaluate(axe.axe_script)
        rules: list[dict[str, Any]] = page.evaluate(_RULES, list(LEVELS))
        options = {
            "runOnly": {"type": "rule", "values": [rule["id"] for rule in rules]},
            "resultTypes": ["violations", "incomplete"],
        }
        response: dict[str, Any] = axe.run(page, options=options).response
    except PlaywrightError as exc:
        raise EngineError(f"axe-core could not scan {page.url}: {exc.message.splitlines()[0]}") from None
    engine = response.get("testEngine") or {}
    into.scanner = f"{engine.get('name', 'axe-core')} {engine.get('version', '?')}"
    tags = {str(tag) for rule in rules for tag in rule.get("tags", [])}
    into.tested = frozenset(c for c in (criterion_of_tag(tag) for tag in tags) if c)
    into.violations = findings(response.get("violations", []))
    into.needs_review = findings(response.get("incomplete", []))
