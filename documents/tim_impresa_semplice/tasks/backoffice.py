"""What happens outside the portal, played through the target's back-office hook (control events)."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed

from ..actor import TisActor as Actor
from . import access, messages

PURCHASE, RESEND_191 = "tis_purchase", "tis_resend_username"


def _event(actor: Actor, name: str, params: dict[str, str]) -> None:
    if actor.backoffice is None:  # the hooks make the scenario NOT_APPLICABLE before this
        raise PreconditionFailed(f"the target declares no control event {name}")
    actor.backoffice.event(name, params)


def other_address() -> str:
    """An address nobody else uses, in this run or the next."""
    return f"richiedente.{secrets.token_hex(4)}@altro-indirizzo.example.org"


def company_not_registered(actor: Actor) -> None:
    actor.memory.legal_representative = actor.data.legal_representative("new_company")


def first_purchase(actor: Actor, segment: str, channel: str) -> None:
    """An order of TIM Impresa Semplice products, with a contact address of the order's own."""
    rl = access.account(actor, access.RL)
    company = actor.memory.legal_representative
    assert company is not None  # set by the Given (access.account checked it)
    params = {
        "vat_number": company.partita_iva,
        "segment": segment,
        "channel": channel,
        "order_email": other_address(),
    }
    actor.memory.other_address = params["order_email"]
    _event(actor, PURCHASE, params)
    actor.data.consume(rl.record)  # registered now, for good


def resend_by_191(actor: Actor) -> None:
    company = actor.memory.legal_representative
    if company is None:
        raise PreconditionFailed("no Rappresentante Legale was chosen by an earlier step")
    actor.memory.other_address = other_address()
    _event(actor, RESEND_191, {"vat_number": company.partita_iva, "email": actor.memory.other_address})


def expect_nothing_at_other_address(actor: Actor) -> None:
    messages.expect_nothing(actor, actor.memory.other_address)
