"""Reading the SMS and e-mails the portal sends (through the target's inbox)."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect
from portalcert.control import Message

from ..actor import TisActor as Actor


def _inbox(actor: Actor) -> None:
    if actor.inbox is None:
        raise PreconditionFailed("the target declares no inbox for SMS and e-mail")


def next_message(actor: Actor, channel: str, address: str) -> Message | None:
    _inbox(actor)
    assert actor.inbox is not None
    return actor.inbox.next_message(channel, [address])


def received(actor: Actor, channel: str, address: str) -> Message:
    """The next SMS or e-mail to `address`; its absence violates the rule being checked."""
    message = next_message(actor, channel, address)
    what = "an SMS" if channel == "sms" else "an e-mail"
    expect(message is not None, f"{what} to {address}", f"no {what[3:]} arrived in time")
    assert message is not None
    return message


def expect_nothing(actor: Actor, address: str) -> None:
    message = next_message(actor, "email", address)
    expect(
        message is None,
        f"no e-mail to {address}",
        f'an e-mail "{message.subject}" arrived' if message else "",
    )


def value_from(actor: Actor, pattern: str, message: Message) -> str:
    value = actor.extract(pattern, message)
    expect(
        value is not None, f"a value matching the target's '{pattern}' pattern", f'message "{message.body}"'
    )
    assert value is not None
    return value
