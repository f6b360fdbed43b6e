"""Another company's records by their ids: typed addresses and form fields."""

from __future__ import annotations

from portalcert.checks import expect

from ..actor import MybActor as Actor
from .common import expect_page, expect_refused

# Record phrase -> (the company's own, another company's: data-set roles; page opened; its id parameter)
RECORDS = {
    "line": ("active_line", "other_company_line", "line_detail", "line_id"),
    "invoice": ("company_invoice", "other_company_invoice", "invoice", "invoice_id"),
    "user": ("utilizzatore", "other_company_user", "user_detail", "user_id"),
}


def open_record(actor: Actor, record: str, *, own: bool) -> None:
    mine, theirs, page, param = RECORDS[record]
    role = mine if own else theirs
    ident = {
        "line": lambda: actor.data.line(role).id,
        "invoice": lambda: actor.data.invoice(role).id,
        "user": lambda: actor.data.user(role).id,
    }[record]()
    actor.portal.open(page, {param: ident})
    actor.memory.typed_page = page


def expect_shown(actor: Actor, record: str) -> None:
    expect_page(actor, RECORDS[record][2])


def expect_not_found(actor: Actor) -> None:
    """Refused as not the company's: the record's page shown is a FAIL on what is seen."""
    page = actor.memory.typed_page
    with actor.portal.describing():
        shown = bool(page) and actor.portal.is_on(page)
    expect(not shown, 'the "not_found" refusal', f"another company's record on page {page}")
    expect_refused(actor, "refused", "not_found")
