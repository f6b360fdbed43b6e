"""Built-in out-of-band message sinks: where a vendor's test portal sends its mail and SMS.

The vendor points the portal's mail relay at `SmtpSink` and its SMS gateway webhook at
`SmsWebhookSink`; both file what arrives in one `MessageStore`, from which scenarios read the
one-time codes the portal sent, exactly as they read the simulator's outbox.
"""

from __future__ import annotations

from portalcert.sinks.smtp import SmtpSink
from portalcert.sinks.store import MessageStore, same_recipient
from portalcert.sinks.webhook import SmsWebhookSink

__all__ = ["MessageStore", "SmsWebhookSink", "SmtpSink", "same_recipient"]
