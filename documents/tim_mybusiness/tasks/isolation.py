"""Another company's records by their ids: typed addresses and form fields."""

from __future__ import annotations

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


def expect_not_found(actor: Actor) -> None:
    expect_refused(actor, "refused", "not_found")
