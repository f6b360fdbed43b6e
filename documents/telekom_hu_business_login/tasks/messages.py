"""Reading the SMS and e-mails the portal sends (through the target's inbox)."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect
from portalcert.control import Message

from ..actor import MthActor as Actor


def next_message(actor: Actor, channel: str, recipient: str) -> Message | None:
    if actor.inbox is None:
        raise PreconditionFailed("the target declares no inbox for SMS and e-mail")
    return actor.inbox.next_message(channel, [recipient])


def received(actor: Actor, channel: str, recipient: str, what: str) -> Message:
    """The next message to `recipient`; its absence violates the rule being checked (FAIL in a Then,
    BROKEN in a Given or When)."""
    message = next_message(actor, channel, recipient)
    expect(message is not None, f"{what} to {recipient}", f"no {channel} arrived there in time")
    assert message is not None
    return message


def value_from(actor: Actor, pattern: str, message: Message) -> str:
    value = actor.extract(pattern, message)
    expect(
        value is not None, f"a value matching the target's '{pattern}' pattern", f'message "{message.body}"'
    )
    assert value is not None
    return value
