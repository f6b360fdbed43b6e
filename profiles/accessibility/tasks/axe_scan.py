"""Running axe-core (bundled with axe-playwright-python, pinned in pyproject.toml) on a browser page.

Only the rules tagged with the WCAG 2.1 Level A and AA tags run, and of those the ones tagged with
the success criteria asked for; experimental and deprecated rules never do (axe-core's own default).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from portalcert.engines.base import EngineError

from .findings import PageScan, findings, tag_of_criterion

LEVELS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")  # WCAG 2.1 Level A and AA, as axe-core tags them
_RULES_FOR = """([levels, criteria]) => axe.getRules(levels)
  .filter(r => !r.tags.includes('experimental') && !r.tags.includes('deprecated'))
  .filter(r => r.tags.some(t => criteria.includes(t)))
  .map(r => r.ruleId)"""


@cache
def _axe() -> Axe:
    return Axe()


def scan(page: Page, criteria: tuple[str, ...], into: PageScan) -> None:
    """Scan the page for the success criteria (`("1.1.1",)`); fill `into` with what axe-core found."""
    axe = _axe()
    try:
        page.evaluate(axe.axe_script)
        rules = page.evaluate(_RULES_FOR, [list(LEVELS), [tag_of_criterion(c) for c in criteria]])
        if not rules:
            raise EngineError(f"axe-core has no rule for WCAG success criterion {', '.join(criteria)}")
        options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations", "incomplete"]}
        response: dict[str, Any] = axe.run(page, options=options).response
    except PlaywrightError as exc:
        raise EngineError(f"axe-core could not scan {page.url}: {exc.message.splitlines()[0]}") from None
    engine = response.get("testEngine") or {}
    into.scanner = f"{engine.get('name', 'axe-core')} {engine.get('version', '?')}"
    wanted = set(criteria)
    into.violations = [f for f in findings(response.get("violations", [])) if wanted & set(f.criteria)]
    into.needs_review = [f for f in findings(response.get("incomplete", [])) if wanted & set(f.criteria)]
