"""Page checks shared by every CM6 task."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import Cm6Actor as Actor


def describe_current(actor: Actor) -> str:
    """'page login with error "Credenziali errate"' — what the portal shows now, for messages."""
    with actor.portal.describing():
        page = actor.portal.current_page()
        where = f"page {page}" if page else f"an unrecognised page ({actor.portal.engine.url})"
        if not actor.portal.shows(None, "error"):
            return f"{where} without error"
        error = actor.portal.read(None, "error")
    return f'{where} with error "{error}"' if error else f"{where} with an empty error element"


def expect_page(actor: Actor, page: str, *, error: bool | str | None = None) -> None:
    """The portal shows `page`; with error=True an error message too, with False none, with a kind
    (a page-map `errors` name such as "username_invalid") that message: a different one does not count.
    """
    if isinstance(error, str):
        expect_refused(actor, page, error)
        return
    on_page = actor.portal.arrives_on(page)
    # Look for an error only when the state says something about it: a check that does not
    # care must not rest on the error locator.
    ok = on_page and (error is None or actor.portal.shows(None, "error") == error)
    wanted = f"page {page}" + ({True: " with an error", False: " without error", None: ""}[error])
    expect(ok, wanted, describe_current(actor))


def expect_refused(actor: Actor, page: str, kind: str) -> None:
    """The portal stays on `page` showing the message of this kind (a page-map `errors` name).

    A FAIL rests on what was seen wherever it can: another page, or a confirmation on this one.
    Only a page that shows neither leaves the verdict resting on the absence of the expected message,
    and then on its locator having been seen to work somewhere in the run.
    """
    wanted = f'page {page} with the "{kind}" refusal'
    portal = actor.portal
    with portal.describing():  # a confirmation counts when seen; not seeing one proves nothing
        confirmed = portal.shows(None, "notice")
    if confirmed and portal.is_on(page):
        expect(False, wanted, f"page {page} confirming: {portal.read(None, 'notice')!r}")
    expect(portal.arrives_on(page) and portal.shows_error(page, kind), wanted, describe_current(actor))


def require_page(actor: Actor, page: str, doing: str) -> None:
    """Like expect_page for a Given: not reaching the page means the scenario could not be set up."""
    if not actor.portal.arrives_on(page):
        raise PreconditionFailed(
            f"could not {doing}: expected page {page}, the portal shows {describe_current(actor)}"
        )


def expect_notice(actor: Actor) -> None:
    expect(
        actor.portal.shows(None, "notice") and not actor.portal.shows(None, "error"),
        "a confirmation message and no error",
        describe_current(actor),
    )
