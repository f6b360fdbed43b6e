"""The profile x function matrix: what the home's list of services offers, and what a typed address opens."""

from __future__ import annotations

from portalcert.checks import expect

from ..actor import MybActor as Actor
from .common import describe_current, expect_refused

HOME, REFUSED = "home", "refused"
# Function -> the page its address opens (the page map's name).
FUNCTION_PAGES = {
    "consumi": "consumption",
    "fatture": "invoices",
    "servizi_mobili": "mobile_services",
    "consistenze_mobile": "mobile_inventory",
    "consistenze_fissa": "fixed_inventory",
    "gestione_profili": "profiles",
    "amministratore_fisso": "administrator",
}


def expect_offer(actor: Actor, function: str, offered: bool) -> None:
    shown = actor.portal.offers(HOME, f"service_{function}")
    wanted = f"the list of services {'offering' if offered else 'not offering'} {function}"
    expect(
        actor.portal.is_on(HOME) and shown == offered,
        wanted,
        f"{'offered' if shown else 'not offered'} on {describe_current(actor)}",
    )


def type_address(actor: Actor, function: str) -> None:
    actor.portal.open(FUNCTION_PAGES[function])


def expect_outcome(actor: Actor, function: str, opens: bool) -> None:
    page = FUNCTION_PAGES[function]
    if opens:
        expect(actor.portal.arrives_on(page), f"page {page}", describe_current(actor))
        return
    with actor.portal.describing():
        opened = actor.portal.is_on(page)
    expect(not opened, f'the "function_denied" refusal instead of {page}', f"page {page} opened")
    expect_refused(actor, REFUSED, "function_denied")
