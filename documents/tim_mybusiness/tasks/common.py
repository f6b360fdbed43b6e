"""Page checks shared by every myBusiness task."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import MybActor as Actor
from ..testdata import User


def the_user(actor: Actor) -> User:
    if actor.memory.user is None:
        raise PreconditionFailed("no user was chosen by a Given step")
    return actor.memory.user


def describe_current(actor: Actor) -> str:
    """'page login with error "..."': what the portal shows now, for messages."""
    with actor.portal.describing():
        page = actor.portal.current_page()
        where = f"page {page}" if page else f"an unrecognised page ({actor.portal.engine.url})"
        if not actor.portal.shows(None, "error"):
            return f"{where} without error"
        error = actor.portal.read(None, "error")
    return f'{where} with error "{error}"'


def expect_page(actor: Actor, page: str) -> None:
    expect(actor.portal.arrives_on(page), f"page {page}", describe_current(actor))


def expect_refused(actor: Actor, page: str, kind: str) -> None:
    """The portal shows `page` with the message of this kind (a page-map `errors` name).

    A confirmation seen on the page is a FAIL on what was seen; only otherwise does the verdict rest on
    the absence of the expected message.
    """
    wanted = f'page {page} with the "{kind}" refusal'
    portal = actor.portal
    with portal.describing():
        confirmed = portal.shows(None, "notice")
    if confirmed and portal.is_on(page):
        expect(False, wanted, f"page {page} confirming: {portal.read(None, 'notice')!r}")
    expect(portal.arrives_on(page) and portal.shows_error(page, kind), wanted, describe_current(actor))


def require_page(actor: Actor, page: str, doing: str) -> None:
    if not actor.portal.arrives_on(page):
        raise PreconditionFailed(
            f"could not {doing}: expected page {page}, the portal shows {describe_current(actor)}"
        )


def row_with(rows: list[str], value: str) -> str | None:
    """The first row (a text read from the page) that contains `value`."""
    return next((row for row in rows if value in row), None)
