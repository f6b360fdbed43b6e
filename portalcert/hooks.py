"""behave hooks (re-exported by each document's environment.py): actor per scenario, resets, evidence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from portalcert import registry
from portalcert import session as session_module
from portalcert.actor import Actor
from portalcert.catalog import SUBJECT_KEY, document_of, rule_id_of
from portalcert.collect import scenario_result
from portalcert.docspec import DocumentSpec
from portalcert.engines import Engine
from portalcert.engines.factory import emulates_devices, make_engine, shows_wire
from portalcert.errors import ConfigError
from portalcert.leases import Leases
from portalcert.portal import Portal
from portalcert.session import RunSettings, Session

NEEDS = "needs:"
NEEDS_CLOCK = "needs:clock"
NEEDS_CLOCK_SET = "needs:clock_set"
NEEDS_EVENT = "needs:event:"
NEEDS_DEVICE_EMULATION = "needs:device_emulation"
NEEDS_BROWSER = "needs:browser"  # renders pages or runs scripts (the browser engine)
NEEDS_WIRE = "needs:wire"  # reads or replays HTTP exchanges (engines.wire.Wire)
FAILED = {"failed", "error", "hook_error", "undefined", "pending"}


def before_all(context: Any) -> None:
    session = session_module.current()
    if session is None:  # plain `behave` from the repo root: settings come from -D userdata
        session = _session_from_userdata(context.config.userdata)
        context.owns_session = True
    context.session = session


def after_all(context: Any) -> None:
    if getattr(context, "owns_session", False):
        session_module.finish()


def before_scenario(context: Any, scenario: Any) -> None:
    session: Session = context.session
    target = session.settings.target
    reason = _not_applicable(context, scenario, session)
    if reason:
        session.note(_key(scenario)).not_applicable = reason
        scenario.skip(reason)
        return
    if session.control is not None and target.has_reset:
        session.control.reset()
    engine = make_engine(
        session.settings.engine,
        session.base_url,
        timeout=target.request_timeout,
        browser=session.settings.browser,
        title=f"{scenario.name} ({scenario.location})",
    )
    context.engine = engine
    context.held_leases = []
    context.scenario_data = {}
    spec = registry.get(_document_of(scenario))
    subject = _subject(context, spec)  # a profile's scenario acts on the document that opts in
    context.locators = session.ledger.for_scenario(_rule_id(context) or "-", page_map=subject.id)
    session.note(_key(scenario)).locators = context.locators
    context.actor = actor_for(context, subject.id, profile=spec.id if spec.profile else "")


def actor_for(context: Any, document: str, *, profile: str = "") -> Actor[Any, Any]:
    """An actor of `document` in the running scenario: its page map, test data (leased for this
    scenario), message patterns and memory, on the scenario's engine; in a `profile`'s scenario, with
    the flows the document gives that profile. Hooks make the scenario's own; a profile's steps may make
    more (a fresh one per flow, or one per document that opts in)."""
    session: Session = context.session
    target = session.settings.target
    subject = registry.get(document)
    binding = target.binding(document)
    return Actor(
        portal=Portal(context.engine, binding.pagemap, context.locators),
        data=_scenario_data(context, session, document, binding.data),
        inbox=session.channels.inbox(session.simulator),
        control=session.control if target.has_clock else None,
        backoffice=session.control,
        captcha_test_value=target.captcha_test_value,
        patterns=target.patterns(document),
        memory=subject.new_memory(),
        resets=session.control is not None and target.has_reset,
        profile=subject.profiles[profile].flows if profile else None,
    )


def _subject(context: Any, spec: DocumentSpec) -> DocumentSpec:
    """The document a scenario acts on: its own, or for a profile the document this behave run judges
    it on (the runner runs a profile once per document of the run that opts in)."""
    if not spec.profile:
        return spec
    subject = subject_id(context)
    if not subject:
        raise ConfigError("--document", "", f"no document of the run opts in to {spec.id}")
    return registry.get(subject)


def subject_id(context: Any) -> str:
    """The document the running profile scenario is judged on ("": none, or a document's scenario)."""
    return str(context.config.userdata.get(SUBJECT_KEY, ""))


def _scenario_data(context: Any, session: Session, document: str, data: Any) -> Any:
    """The scenario's own view of the test data: pool members are leased as the scenario uses them
    and released in after_scenario. Every actor of a document in one scenario shares the view: a
    second view would wait for the member the first holds (a lock is held per view) until it gave up."""
    leased = registry.get(document).dataset.leased
    if leased is None:
        return data
    views: dict[str, Any] = context.scenario_data
    if document not in views:
        leases = session.leases(document)
        context.held_leases.append(leases)
        views[document] = leased(data, leases)
    return views[document]


def _document_of(scenario: Any) -> str:
    """The feature's `@doc:` tag says whose page map, data set and memory the actor gets."""
    document = document_of([str(tag) for tag in scenario.feature.tags])
    if document is None:
        raise ConfigError(str(scenario.feature.location), "", "feature has no @doc:<document id> tag")
    return document


def _not_applicable(context: Any, scenario: Any, session: Session) -> str:
    """Why the scenario cannot apply to this target (empty: it applies). Counted, never dropped."""
    target = session.settings.target
    rule_id = _rule_id(context)
    if rule_id and not target.in_scope(rule_id):
        return target.out_of_scope_reason(rule_id)
    needs = {str(tag)[len(NEEDS) :] for tag in scenario.effective_tags if str(tag).startswith(NEEDS)}
    declared = target.absent_reason(needs)
    if declared:
        return declared
    spec = registry.get(_document_of(scenario))
    if spec.profile:
        subject = subject_id(context)
        if not subject:
            return (
                f"no document of the run opts in to the {spec.id} profile: it is judged on the documents"
                " run with it (--document <id> for each)"
            )
        lacks = registry.get(subject).profiles[spec.id].lacks
        missing = sorted(need for need in needs if need in lacks)
        if missing:
            return f"{subject} has no such flow: {lacks[missing[0]]} (needs:{missing[0]})"
    tags = [str(tag) for tag in scenario.effective_tags]
    if NEEDS_BROWSER in tags and session.settings.engine != "browser":
        return (
            f"the {session.settings.engine} engine renders no page and runs no script; "
            "this check needs the browser engine (--engine browser) (needs:browser)"
        )
    engine = session.settings.engine
    if NEEDS_WIRE in tags and not shows_wire(engine):
        return f"the {engine} engine does not show the HTTP exchanges this check reads (needs:wire)"
    if NEEDS_CLOCK in tags and not target.has_clock:
        return "the target has no clock control (needs:clock)"
    if NEEDS_CLOCK_SET in tags and not target.has_clock_set:
        return "the target's control API cannot set the clock to an instant (needs:clock_set)"
    if NEEDS_DEVICE_EMULATION in tags and not emulates_devices(engine):
        return (
            f"the {engine} engine renders no page, so it cannot lay one out as a phone, tablet or desktop"
            " (needs:device_emulation: run with --engine browser)"
        )
    for tag in tags:
        event = tag[len(NEEDS_EVENT) :] if tag.startswith(NEEDS_EVENT) else ""
        if event and not target.has_event(event):
            return f"the target declares no control event {event} (needs:event:{event})"
    return ""


def _rule_id(context: Any) -> str | None:
    rule = getattr(context, "rule", None)
    return rule_id_of(list(rule.tags)) if rule is not None else None


def before_step(context: Any, step: Any) -> None:
    actor: Actor[Any, Any] | None = getattr(context, "actor", None)
    if actor is not None:
        # Then steps only observe: the portal refuses to act inside one. behave gives And/But
        # the type of the step they continue.
        actor.portal.step_type = step.step_type
    engine: Engine | None = getattr(context, "engine", None)
    if engine is not None:
        engine.begin_step(f"{step.keyword} {step.name}")


def after_step(context: Any, step: Any) -> None:
    engine: Engine | None = getattr(context, "engine", None)
    if engine is not None:
        engine.end_step()


def reached_so_far(context: Any) -> tuple[str, ...]:
    """The simulator defect switches the running scenario's requests consulted so far (measurement only:
    empty when the run does not track them)."""
    session: Session = context.session
    if not session.track_reach or session.simulator is None:
        return ()
    return tuple(session.simulator.reached_defects())


def reaches_too(context: Any, switches: tuple[str, ...]) -> None:
    """The running scenario judges what an earlier scenario of the run loaded (a profile's walk, made once
    per run): it reaches the switches those requests consulted, so a defect's re-run includes it."""
    session: Session = context.session
    if session.track_reach:
        session.note(_key(context.scenario)).reached.extend(switches)


def after_scenario(context: Any, scenario: Any) -> None:
    session: Session = context.session
    engine: Engine | None = getattr(context, "engine", None)
    try:
        if session.track_reach and session.simulator is not None:
            note = session.note(_key(scenario))
            note.reached = sorted({*note.reached, *session.simulator.reached_defects()})
        passed = _interstitials_passed(context)
        if engine is not None and (session.settings.evidence == "all" or scenario.status.name in FAILED):
            session.note(_key(scenario)).evidence = _save_evidence(engine, session.settings, scenario, passed)
        elif passed:
            _attach_text("interstitials.txt", passed)
    finally:
        held: list[Leases] = getattr(context, "held_leases", None) or []
        for leases in held:
            leases.release_all()
        context.held_leases = []
        if engine is not None:
            engine.close()
            context.engine = None
        _report_progress(context, session, scenario)


def _report_progress(context: Any, session: Session, scenario: Any) -> None:
    if session.on_scenario_done is None:
        return
    rule_id = _rule_id(context)
    status = scenario_result(scenario, session, interrupted=False).status.value
    session.on_scenario_done(status, rule_id or "-", scenario.name)


def _key(scenario: Any) -> str:
    return str(scenario.location)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:80]


def _interstitials_passed(context: Any) -> list[str]:
    """What the scenario's Portal passed on the way (a forced password change, a banner)."""
    actor: Actor[Any, Any] | None = getattr(context, "actor", None)
    return list(actor.portal.interstitials.journal) if actor is not None else []


def _attach_text(name: str, lines: list[str]) -> None:
    try:
        import allure
    except ImportError:  # allure-behave is a dependency, but a report must never break a run
        return
    allure.attach("\n".join(lines) + "\n", name=name, attachment_type=allure.attachment_type.TEXT)


def _save_evidence(engine: Engine, settings: RunSettings, scenario: Any, passed: list[str]) -> list[str]:
    """Write the page and request journal (with the interstitials passed); attach them to allure too."""
    evidence = engine.evidence()
    folder_name = _slug(f"{Path(scenario.location.filename).stem}-{scenario.location.line}-{scenario.name}")
    folder = settings.out_dir / "evidence" / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "page.html": evidence.html.encode("utf-8"),
        "journal.txt": "\n".join([f"URL: {evidence.url}", *evidence.journal, *passed, ""]).encode("utf-8"),
    }
    if evidence.screenshot_png:
        files["screenshot.png"] = evidence.screenshot_png
    if evidence.trace_zip:
        files["trace.zip"] = evidence.trace_zip
    for name, content in files.items():
        (folder / name).write_bytes(content)
    _attach_to_allure(folder, files)
    return [f"evidence/{folder_name}/{name}" for name in files]


def _attach_to_allure(folder: Path, files: dict[str, bytes]) -> None:
    try:
        import allure
    except ImportError:  # allure-behave is a dependency, but evidence must never break a run
        return
    kinds = {
        ".html": allure.attachment_type.HTML,
        ".txt": allure.attachment_type.TEXT,
        ".png": allure.attachment_type.PNG,
        ".zip": None,
    }
    for name in files:
        suffix = Path(name).suffix
        kind = kinds.get(suffix)
        # A trace has no allure type of its own: the extension keeps it a .zip Playwright can open.
        extension = suffix.lstrip(".") if kind is None else None
        allure.attach.file(  # type: ignore[no-untyped-call]
            str(folder / name), name=name, attachment_type=kind, extension=extension
        )


def _session_from_userdata(userdata: Any) -> Session:
    from portalcert import target as target_module

    target = target_module.load(userdata.get("target", "simulator"))
    out_dir = Path(userdata.get("out", "reports"))
    settings = RunSettings(target=target, out_dir=out_dir, engine=userdata.get("engine", target.engine))
    return session_module.start(settings)
