"""`portalcert pagemap …`: record a document's contract, render its reference tables, check a page map.

Recording and the flow walk run the suite quietly in-process and read what the Portal recorded
(portalcert.locator_ledger); checking also visits, with plain GETs, the pages that have a `url`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from portalcert import catalog, pagemap_contract, registry, runner, session, urls
from portalcert.engines.base import Engine, EngineError
from portalcert.engines.factory import make_engine
from portalcert.locator_ledger import LocatorLedger, qualified
from portalcert.pagemap import PageMap
from portalcert.pagemap_contract import Contract
from portalcert.session import RunSettings
from portalcert.target import Target

REFERENCE_DOC = Path(__file__).resolve().parent.parent / "docs" / "certify-your-portal.md"


@contextmanager
def _folder(out: Path | None, prefix: str) -> Iterator[Path]:
    """`out` when given (kept: the sinks announce themselves there, in `sinks.json`, for a portal that
    reads where to send from it), else a temporary folder."""
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        yield out
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as temporary:
        yield Path(temporary)


def walk(target: Target, documents: tuple[str, ...], out: Path | None = None) -> LocatorLedger:
    """Run the documents' scenarios quietly (reports to `out` or a temporary folder); what they looked up."""
    ledger = LocatorLedger()
    with _folder(out, "portalcert-walk-") as folder:
        settings = RunSettings(target=target, out_dir=folder, engine=target.engine)
        runner.run(runner.RunRequest(settings, documents, progress=False, ledger=ledger))
    return ledger


def record_contract(target: Target, document: str) -> Contract:
    """The contract of `document` as a run on `target` (the reference simulator) uses the page map:
    its own rules, then those of the profiles it opts in to, judged on its flows (by plain id)."""
    units = (document, *registry.get(document).profiles)
    rules = [
        rule.rule_id
        for rule in catalog.load(list(units)).rules
        if rule.document == document or rule.subject == document
    ]
    by_rule = walk(target, units).by_rule
    # A profile's rule that looked nothing up on this engine (accessibility on http) needs no name.
    profile_rules = {rule for rule in rules if registry.of_rule(rule) != registry.get(document)}
    used = {rule: used for rule, used in by_rule.items() if rule not in profile_rules or not used.empty}
    return pagemap_contract.from_lookups(document, used, rules)


def _markers(document: str) -> tuple[str, str]:
    return (
        f"<!-- pagemap-reference:{document}:begin (generated: portalcert pagemap reference) -->",
        f"<!-- pagemap-reference:{document}:end -->",
    )


def reference_section(document: str, text: str) -> tuple[int, int]:
    """Where the generated tables of `document` sit in `text` (between its marker comments)."""
    begin, end = _markers(document)
    if begin not in text or end not in text:
        raise ValueError(f"no generated section for {document} (markers {begin!r} ... {end!r})")
    return text.index(begin) + len(begin) + 1, text.index(end)


def with_reference(text: str, document: str, tables: str) -> str:
    start, stop = reference_section(document, text)
    return text[:start] + tables + text[stop:]


# --- pagemap check -------------------------------------------------------------------------------

MATCHED, NOT_MATCHED, NOT_VERIFIED = "matched", "NOT MATCHED", "not verified"


@dataclass(frozen=True)
class EntryCheck:
    key: str
    locator: str
    status: str  # MATCHED, NOT_MATCHED or NOT_VERIFIED
    how: str  # where it matched, or why it is not (verified)


@dataclass
class _Visit:
    """What the GET visits saw: matches per key, and where each page-specific key was looked for."""

    ledger: LocatorLedger
    on_own_page: dict[str, str]  # key -> "GET /login" where its page was shown
    unreachable: dict[str, str]  # page -> why its GET did not show it


def _visit_pages(target: Target, pagemap: PageMap, out: Path | None) -> _Visit:
    """GET every page with a url (no side effects) and evaluate its entries and the common ones."""
    visit = _Visit(LocatorLedger(), {}, {})
    entries = pagemap.entries()
    with _folder(out, "portalcert-pagemap-") as folder:
        live = session.start(RunSettings(target=target, out_dir=folder, engine=target.engine))
        try:
            engine = make_engine(target.engine, live.base_url, timeout=target.request_timeout)
            try:
                for name, page in pagemap.pages.items():
                    if page.url and "{" not in page.url:  # a url with {params} needs a scenario's values
                        _visit(engine, name, urls.join(live.base_url, page.url), entries, visit)
            finally:
                engine.close()
        finally:
            session.finish()
    return visit


def _visit(engine: Engine, name: str, url: str, entries: dict[str, str], visit: _Visit) -> None:
    where = f"GET {urlsplit(url).path}"
    try:
        engine.goto(url)
    except EngineError as exc:
        visit.unreachable[name] = f"{where} failed: {exc}"
        return
    landed = urlsplit(engine.url).path.rstrip("/")
    redirected = landed != urlsplit(url).path.rstrip("/")
    own = f"pages.{name}."
    for key, locator in entries.items():
        # Common elements and interstitials (a cookie banner) may be on any page.
        if not key.startswith((own, "common.", "interstitials.")):
            continue
        visit.ledger.saw(key, locator, matched=engine.count(locator) > 0)
        if key.startswith(own) and not redirected:
            visit.on_own_page[key] = where
    if redirected:
        visit.unreachable[name] = f"{where} was redirected to {landed or '/'}"


def check_pagemap(target: Target, document: str, out: Path | None = None) -> tuple[list[EntryCheck], str]:
    """Every entry of the document's page map with its status; how the flows were (or could not be) walked.
    With `out`, the visits and the walk write there (the walk's reports, `sinks.json`)."""
    pagemap = target.binding(document).pagemap
    visit = _visit_pages(target, pagemap, out)
    can_walk = target.has_reset
    walked = walk(target, (document,), out) if can_walk else None
    note = (
        "flows walked: the scenarios ran against the portal, reset after each"
        if walked is not None
        else "flows not walked: the target has no control API with reset, so walking them would leave a trace"
    )
    results = []
    for key, locator in pagemap.entries().items():
        results.append(EntryCheck(key, locator, *_judge_entry(key, visit, walked, document)))
    return results, note


def _judge_entry(key: str, visit: _Visit, walked: LocatorLedger | None, document: str) -> tuple[str, str]:
    if key in visit.ledger.matched:
        return MATCHED, "on a page a GET shows"
    run_key = qualified(document, key)  # a run's ledger names keys by the document's page map
    if walked is not None and run_key in walked.matched:
        return MATCHED, "while walking the flows"
    if walked is not None and run_key in walked.locators:
        return NOT_MATCHED, "looked for while walking the flows, never found"
    page = key.split(".")[1] if key.startswith("pages.") else ""
    # Readable elements and messages may show only after actions; fields, actions and recognition not.
    if key in visit.on_own_page and key.split(".")[2] not in ("read", "errors"):
        return NOT_MATCHED, f"not on its page ({visit.on_own_page[key]})"
    if walked is not None:
        return NOT_VERIFIED, "no scenario of the documents in scope looks for it"
    if page in visit.unreachable:
        return NOT_VERIFIED, f"{visit.unreachable[page]}; it shows only after actions"
    return NOT_VERIFIED, "not on any page a GET shows: it appears only after actions"
