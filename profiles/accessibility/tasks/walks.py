"""Walking the documented flows of the document under test, each with a fresh actor of that document.

The document opts in from its own package (support.py); this profile imports no document. Each flow
starts as a new visitor (no cookies) and is walked by the document's own tasks; the browser shows every
page it loads to the scan or, in keyboard mode, is worked with keys alone.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page

from portalcert import hooks, registry
from portalcert.checks import PreconditionFailed
from portalcert.engines.base import EngineError, PageWatcher
from portalcert.engines.browser_keyboard import KeyboardUnreachable

from .. import memory as memory_module
from ..support import AccessibilityFlows
from . import axe_scan, scanned_walks
from .findings import PageScan

PROFILE = "accessibility"


def choose_subject(context: Any) -> None:
    """Given: the document this run of the profile is judged on (docs/profiles.md); the hooks made a
    scenario without one NOT_APPLICABLE, with the reason."""
    subject = hooks.subject_id(context)
    if not subject:
        raise PreconditionFailed("no document of the run opts in to the accessibility profile")
    memory_module.of(context).subject = subject


def _browser(context: Any) -> PageWatcher:
    engine = context.engine
    if not isinstance(engine, PageWatcher):
        raise PreconditionFailed(f"the {engine.name} engine renders no page: run with --engine browser")
    return engine


def walk_scanning(context: Any, criterion: str) -> None:
    """When: every flow walked with the mouse, each page scanned by axe-core; the scans judged for
    `criterion`. The walk is made once per run of the profile on a document (read-only, it finds the
    same pages every time) and every criterion's scenario judges it."""
    memory = memory_module.of(context)
    walk = scanned_walks.of_run(context).get(memory.subject)
    if walk is None:
        walk = _walk_scanning_once(context)
    else:
        hooks.reaches_too(context, walk.reached)
    if walk.error is not None:
        raise walk.error
    if walk.scans and not any(criterion in scan.tested for scan in walk.scans):
        raise EngineError(f"axe-core has no rule for WCAG success criterion {criterion}")
    memory.scans = [scan.about(criterion) for scan in walk.scans]
    memory.flows_walked = list(walk.flows_walked)


def _walk_scanning_once(context: Any) -> scanned_walks.ScannedWalk:
    memory = memory_module.of(context)
    walk = scanned_walks.of_run(context)[memory.subject] = scanned_walks.ScannedWalk()
    place = {"flow": ""}

    def scan(page: Page) -> None:
        found = PageScan(memory.subject, place["flow"], urlsplit(page.url).path)
        axe_scan.scan(page, found)
        walk.scans.append(found)

    try:
        engine = _browser(context)
        engine.watch_pages(scan)
        _walk_all(context, engine, place)
    except Exception as exc:  # every criterion's scenario is BROKEN the same way, as each walk would be
        walk.error = exc
    walk.flows_walked = list(memory.flows_walked)
    walk.reached = hooks.reached_so_far(context)
    return walk


def walk_by_keyboard(context: Any) -> None:
    """When: every flow walked with Tab, Enter, Space, arrows and typing; what a keyboard user cannot
    reach ends that flow and is remembered for the Then step."""
    engine = _browser(context)
    engine.keyboard_only = True
    _walk_all(context, engine, {"flow": ""}, keyboard=True)


def _walk_all(context: Any, engine: PageWatcher, place: dict[str, str], *, keyboard: bool = False) -> None:
    memory = memory_module.of(context)
    support = registry.get(memory.subject).profiles[PROFILE].flows
    if not isinstance(support, AccessibilityFlows):
        raise PreconditionFailed(f"{memory.subject} gives the accessibility profile no AccessibilityFlows")
    for flow in support.flows:
        place["flow"] = flow.name
        engine.forget_cookies()
        walker = hooks.actor_for(context, memory.subject, profile=PROFILE)
        try:
            flow.walk(walker)
        except KeyboardUnreachable as exc:
            if not keyboard:
                raise
            memory.not_by_keyboard.append(f"[{memory.subject} · {flow.name}] {exc}")
            continue
        memory.flows_walked.append(f"{memory.subject} · {flow.name}")
