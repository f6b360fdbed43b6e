"""Tables of the simulator core: sessions, captcha, one-time codes, outbox, journal.

A document's portal declares its own tables on the same `Base` (simulator.db).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column

from simulator.db import Base


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite itself keeps no time zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


# --- sessions and security --------------------------------------------------------------------


class WebSession(Base):
    """A browser session; the cookie carries only `token`, which is replaced at login and logout.

    A session unused for 30 minutes (simulated clock, `last_seen_at`) is dead: its token opens nothing.
    """

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CaptchaChallenge(Base):
    """The graphic code shown to a session; the latest one per session is the current one."""

    __tablename__ = "captcha_challenges"
    id: Mapped[int] = mapped_column(primary_key=True)
    web_session_id: Mapped[int] = mapped_column(ForeignKey("web_sessions.id", ondelete="CASCADE"))
    answer: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OneTimeCode(Base):
    """A code sent by SMS; bound to the session that asked for it and counted per recipient number."""

    __tablename__ = "one_time_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    web_session_id: Mapped[int] = mapped_column(ForeignKey("web_sessions.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16))  # registration | login
    recipient: Mapped[str] = mapped_column(String(15), index=True)
    # Who pays for the SMS: codes with the same budget share OTP_MAX_ISSUED (security.issue_code).
    budget: Mapped[str] = mapped_column(String(200), index=True)
    code: Mapped[str] = mapped_column(String(40))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    used: Mapped[bool] = mapped_column(default=False)


class ThrottleEvent(Base):
    """One failure counted under a key (a wrong password for an account, from an address...)."""

    __tablename__ = "throttle_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class TrustedDevice(Base):
    """A browser (its device cookie) that signed in to an account: its failures are counted apart."""

    __tablename__ = "trusted_devices"
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), index=True)
    account: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CodeRecipient(Base):
    """A number codes were asked for. Its row is locked while one request counts and sends to the number,
    so that parallel requests cannot all see room under the hourly limit (security.issue_code)."""

    __tablename__ = "code_recipients"
    recipient: Mapped[str] = mapped_column(String(15), primary_key=True)
    last_asked_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- observation (control API) ----------------------------------------------------------------


class OutboxMessage(Base):
    """An SMS or e-mail the portal 'sent'; scenarios read them through the control API."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(5))  # sms | email
    sender: Mapped[str]
    to: Mapped[str]
    subject: Mapped[str | None]
    body: Mapped[str]
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class JournalEntry(Base):
    __tablename__ = "journal"
    id: Mapped[int] = mapped_column(primary_key=True)
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str]
    status: Mapped[int]
    at: Mapped[datetime] = mapped_column(UTCDateTime)
