"""Page checks shared by every TIS task."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import TisActor as Actor


def describe_current(actor: Actor) -> str:
    """'page login with error "..."' — what the portal shows now, for messages."""
    with actor.portal.describing():
        page = actor.portal.current_page()
        where = f"page {page}" if page else f"an unrecognised page ({actor.portal.engine.url})"
        if not actor.portal.shows(None, "error"):
            return f"{where} without error"
        error = actor.portal.read(None, "error")
    return f'{where} with error "{error}"' if error else f"{where} with an empty error element"


def expect_page(actor: Actor, page: str) -> None:
    expect(actor.portal.arrives_on(page), f"page {page}", describe_current(actor))


def expect_refused(actor: Actor, page: str, kind: str) -> None:
    """The portal shows `page` with the message of this kind (a page-map `errors` name).

    A FAIL rests on what was seen wherever it can: another page, or a confirmation on this one.
    """
    wanted = f'page {page} with the "{kind}" refusal'
    portal = actor.portal
    with portal.describing():  # a confirmation counts when seen; not seeing one proves nothing
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


def require_notice(actor: Actor, page: str, doing: str) -> None:
    """For a Given or When: the portal confirmed what was asked on `page`."""
    require_page(actor, page, doing)
    with actor.portal.describing():
        confirmed = actor.portal.shows(None, "notice") and not actor.portal.shows(None, "error")
    if not confirmed:
        raise PreconditionFailed(f"could not {doing}: the portal shows {describe_current(actor)}")
