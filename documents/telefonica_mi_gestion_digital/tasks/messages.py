"""Reading the SMS and e-mails the portal sends (through the target's inbox)."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect
from portalcert.control import Message

from ..actor import MgdActor as Actor


def _next(actor: Actor, channel: str, to: str) -> Message | None:
    if actor.inbox is None:
        raise PreconditionFailed("the target declares no inbox for SMS and e-mail")
    return actor.inbox.next_message(channel, [to])


def received(actor: Actor, channel: str, to: str, what: str) -> Message:
    """The next message by `channel` ('sms' or 'email') to `to`; its absence violates the rule checked
    (in a Given or When it leaves the scenario unjudged, as every RuleViolation there)."""
    message = _next(actor, channel, to)
    kind = "SMS" if channel == "sms" else "e-mail"
    expect(message is not None, f"an {kind} with {what} to {to}", f"no {kind} arrived there in time")
    assert message is not None
    return message


def value_from(actor: Actor, pattern: str, message: Message) -> str:
    value = actor.extract(pattern, message)
    expect(
        value is not None, f"a value matching the target's '{pattern}' pattern", f'message "{message.body}"'
    )
    assert value is not None
    return value


def expect_code(actor: Actor, channel: str, to: str) -> None:
    """A security code reaches `to` by `channel`; kept for the step that types it."""
    message = received(actor, channel, to, "a security code")
    value_from(actor, "security_code", message)
    actor.memory.code_message = message


def code(actor: Actor, channel: str, to: str, *, wrong: bool = False) -> str:
    """The code of the message a Then saw, or of the next one to `to`; `wrong`: a code that is not it."""
    message = actor.memory.code_message or received(actor, channel, to, "a security code")
    actor.memory.code_message = None  # a code is used once
    value = value_from(actor, "security_code", message)
    return scramble(value) if wrong else value


def scramble(value: str) -> str:
    """A code that differs from `value` in every position but keeps its shape (letters, digits, spaces)."""
    swap = {
        **{c: "Z" for c in "ABCDEFGHIJKLMNOPQRSTUVWXY"},
        "Z": "Y",
        **{d: str((int(d) + 5) % 10) for d in "0123456789"},
    }
    return "".join(swap.get(c, c) for c in value)
