"""Reading the SMS and e-mails the portal sends (through the target's inbox)."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect
from portalcert.control import Message

from ..actor import Cm6Actor as Actor


def _inbox_or_fail(actor: Actor) -> None:
    if actor.inbox is None:
        raise PreconditionFailed("the target declares no inbox for SMS and e-mail")


def next_sms(actor: Actor, *numbers: str) -> Message | None:
    _inbox_or_fail(actor)
    assert actor.inbox is not None
    return actor.inbox.next_message("sms", [n for n in numbers if n])


def next_email(actor: Actor, address: str) -> Message | None:
    _inbox_or_fail(actor)
    assert actor.inbox is not None
    return actor.inbox.next_message("email", [address])


def received_sms(actor: Actor, *numbers: str) -> Message:
    """The next SMS to one of `numbers`; its absence violates the rule being checked."""
    message = next_sms(actor, *numbers)
    expect(message is not None, f"an SMS to {' or '.join(numbers)}", "no SMS arrived in time")
    assert message is not None
    actor.memory.sms = message
    return message


def received_email(actor: Actor, address: str) -> Message:
    message = next_email(actor, address)
    expect(message is not None, f"an e-mail to {address}", "no e-mail arrived in time")
    assert message is not None
    actor.memory.email = message
    return message


def code_from(actor: Actor, pattern: str, message: Message) -> str:
    code = actor.extract(pattern, message)
    expect(
        code is not None, f"a value matching the target's '{pattern}' pattern", f'message "{message.body}"'
    )
    assert code is not None
    return code
