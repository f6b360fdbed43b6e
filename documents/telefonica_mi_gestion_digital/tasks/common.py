"""Page checks shared by every MGD task."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import MgdActor as Actor

# What a check expects of a page: no error (False), or the kind of refusal it must show.
Outcome = tuple[str, bool | str]


def describe_current(actor: Actor) -> str:
    """'page welcome with error "..."': what the portal shows now, for messages."""
    with actor.portal.describing():
        page = actor.portal.current_page()
        where = f"page {page}" if page else f"an unrecognised page ({actor.portal.engine.url})"
        if not actor.portal.shows(None, "error"):
            return f"{where} without error"
        error = actor.portal.read(None, "error")
    return f'{where} with error "{error}"' if error else f"{where} with an empty error element"


def expect_outcome(actor: Actor, outcome: Outcome) -> None:
    page, error = outcome
    if isinstance(error, str):
        expect_refused(actor, page, error)
    else:
        expect_page(actor, page)


def on_another_page(actor: Actor, page: str) -> bool:
    """Whether the portal shows a page of the map other than `page`: a wrong turn seen, so a check
    that expected `page` fails on what it sees rather than on `page`'s absence."""
    with actor.portal.describing():
        shown = actor.portal.current_page()
    return shown is not None and shown != page


def expect_page(actor: Actor, page: str) -> None:
    """The portal shows `page`, without an error."""
    wanted = f"page {page} without error"
    if on_another_page(actor, page):
        expect(False, wanted, describe_current(actor))
    ok = actor.portal.arrives_on(page) and not actor.portal.shows(None, "error")
    expect(ok, wanted, describe_current(actor))


def expect_refused(actor: Actor, page: str, kind: str) -> None:
    """The portal stays on `page` showing the message of this kind (a page-map `errors` name); another
    page, or a confirmation on this one, is a FAIL seen, not inferred."""
    wanted = f'page {page} with the "{kind}" refusal'
    portal = actor.portal
    if on_another_page(actor, page):
        expect(False, wanted, describe_current(actor))
    with portal.describing():
        confirmed = portal.shows(None, "notice")
    if confirmed and portal.is_on(page):
        expect(False, wanted, f"page {page} confirming: {portal.read(None, 'notice')!r}")
    expect(portal.arrives_on(page) and portal.shows_error(page, kind), wanted, describe_current(actor))


def require_page(actor: Actor, page: str, doing: str) -> None:
    """For a Given or When: not reaching the page means the scenario could not be set up."""
    if not actor.portal.arrives_on(page):
        raise PreconditionFailed(
            f"could not {doing}: expected page {page}, the portal shows {describe_current(actor)}"
        )
