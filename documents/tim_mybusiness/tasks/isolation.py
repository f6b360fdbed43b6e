"""Another company's records by their ids: typed addresses and form fields."""

from __future__ import annotations

from portalcert.checks import expect

from ..actor import MybActor as Actor
from .common import expect_refused

# Record phrase -> (data-set role, page opened, the page's id parameter, how the data set names it)
RECORDS = {
    "line": ("other_company_line", "line_detail", "line_id"),
    "invoice": ("other_company_invoice", "invoice", "invoice_id"),
    "user": ("other_company_user", "user_detail", "user_id"),
}


def open_other(actor: Actor, record: str) -> None:
    role, page, param = RECORDS[record]
    ident = {
        "line": lambda: actor.data.line(role).id,
        "invoice": lambda: actor.data.invoice(role).id,
        "user": lambda: actor.data.user(role).id,
    }[record]()
    actor.portal.open(page, {param: ident})
    actor.memory.typed_page = page


def expect_not_found(actor: Actor) -> None:
    """Refused as not the company's: the record's page shown is a FAIL on what is seen."""
    page = actor.memory.typed_page
    with actor.portal.describing():
        shown = bool(page) and actor.portal.is_on(page)
    expect(not shown, 'the "not_found" refusal', f"another company's record on page {page}")
    expect_refused(actor, "refused", "not_found")
