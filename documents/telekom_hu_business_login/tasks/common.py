"""Page checks shared by every task of this document."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect

from ..actor import MthActor as Actor


def describe_current(actor: Actor) -> str:
    """'page login_password with error "Hibás ..."': what the portal shows now, for messages."""
    with actor.portal.describing():
        page = actor.portal.current_page()
        where = f"page {page}" if page else f"an unrecognised page ({actor.portal.engine.url})"
        if not actor.portal.shows(None, "error"):
            return f"{where} without error"
        error = actor.portal.read(None, "error")
    return f'{where} with error "{error}"' if error else f"{where} with an empty error element"


def expect_page(actor: Actor, page: str, *, error: bool | None = None) -> None:
    """The portal shows `page`; with error=False no error message with it."""
    on_page = actor.portal.arrives_on(page)
    ok = on_page and (error is None or actor.portal.shows(None, "error") == error)
    wanted = f"page {page}" + ({True: " with an error", False: " without error", None: ""}[error])
    expect(ok, wanted, describe_current(actor))


def expect_refused(actor: Actor, page: str, kind: str) -> None:
    """The portal shows `page` with the message of this kind (a page-map `errors` name). A confirmation
    or another page is seen as acceptance; only otherwise does the verdict rest on the message's absence."""
    wanted = f'page {page} with the "{kind}" refusal'
    portal = actor.portal
    with portal.describing():
        confirmed = portal.shows(None, "notice")
    if confirmed and portal.is_on(page):
        expect(False, wanted, f"page {page} confirming: {portal.read(None, 'notice')!r}")
    expect(portal.arrives_on(page) and portal.shows_error(page, kind), wanted, describe_current(actor))


def require_page(actor: Actor, page: str, doing: str) -> None:
    """For a Given or When: not reaching the page means the scenario could not go on (BROKEN)."""
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
