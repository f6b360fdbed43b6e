"""Walking the documented flows of the documents in scope, each with an actor of that document.

The documents opt in from their own package (portalcert.flows); this profile imports none of them.
Each flow starts as a new visitor (no cookies) and is walked by the document's own tasks; the browser
shows every page it loads to the scan, or, in keyboard mode, is worked with keys alone.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page

from portalcert import flows, hooks, registry
from portalcert.checks import PreconditionFailed
from portalcert.engines.base import PageWatcher
from portalcert.engines.browser_keyboard import KeyboardUnreachable

from ..actor import ProfileActor
from . import axe_scan
from .findings import PageScan

PROFILE = "accessibility"


def choose_subjects(context: Any) -> None:
    """Given: the documents in scope that declare their flows; none is NOT_APPLICABLE, with the reason."""
    actor: ProfileActor = context.actor
    documents = context.session.settings.target.documents
    actor.memory.subjects = [d for d in documents if d != PROFILE and flows.of(registry.get(d))]
    if not actor.memory.subjects:
        reason = (
            "no document in scope declares its documented flows (documents/<name>/flows.py), "
            f"so there is nothing to check (documents in scope: {', '.join(documents)})"
        )
        context.session.note(str(context.scenario.location)).not_applicable = reason
        context.scenario.skip(reason)


def _browser(context: Any) -> PageWatcher:
    engine = context.engine
    if not isinstance(engine, PageWatcher):
        raise PreconditionFailed(f"the {engine.name} engine renders no page: run with --engine browser")
    return engine


def walk_scanning(context: Any, criterion: str) -> None:
    """When: every flow walked with the mouse, each page scanned by axe-core for `criterion`."""
    actor: ProfileActor = context.actor
    place = {"document": "", "flow": ""}

    def scan(page: Page) -> None:
        found = PageScan(place["document"], place["flow"], urlsplit(page.url).path)
        axe_scan.scan(page, (criterion,), found)
        actor.memory.scans.append(found)

    engine = _browser(context)
    engine.watch_pages(scan)
    _walk_all(context, engine, place)


def walk_by_keyboard(context: Any) -> None:
    """When: every flow walked with Tab, Enter, Space, arrows and typing; what a keyboard user cannot
    reach ends that flow and is remembered for the Then step."""
    engine = _browser(context)
    engine.keyboard_only = True
    _walk_all(context, engine, {"document": "", "flow": ""}, keyboard=True)


def _walk_all(context: Any, engine: PageWatcher, place: dict[str, str], *, keyboard: bool = False) -> None:
    actor: ProfileActor = context.actor
    for document in actor.memory.subjects:
        for flow in flows.of(registry.get(document)):
            place.update(document=document, flow=flow.name)
            engine.forget_cookies()
            walker = hooks.actor_for(context, document)
            try:
                flow.walk(walker)
            except KeyboardUnreachable as exc:
                if not keyboard:
                    raise
                actor.memory.not_by_keyboard.append(f"[{document} · {flow.name}] {exc}")
                continue
            actor.memory.flows_walked.append(f"{document} · {flow.name}")
