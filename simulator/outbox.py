"""Messages the portal sends (SMS, e-mail): written to the outbox table, read by the control API."""

from __future__ import annotations

from simulator import clock
from simulator.db import get_session
from simulator.models import OutboxMessage


def send_sms(sender: str, to: str, body: str) -> OutboxMessage:
    return _add(OutboxMessage(channel="sms", sender=sender, to=to, subject=None, body=body))


def send_email(sender: str, to: str, subject: str, body: str) -> OutboxMessage:
    return _add(OutboxMessage(channel="email", sender=sender, to=to, subject=subject, body=body))


def _add(message: OutboxMessage) -> OutboxMessage:
    message.sent_at = clock.now()
    db = get_session()
    db.add(message)
    db.flush()
    return message
