"""Tables of the simulator: portal data (entities, SIMs, users) and the machinery around it."""

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


# --- portal data (loaded from the data set) ---------------------------------------------------


class Entity(Base):
    """An Ente/Amministrazione (or company) that owns SIMs."""

    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str]
    codice_fiscale: Mapped[str] = mapped_column(String(16), index=True)
    partita_iva: Mapped[str] = mapped_column(String(11), index=True)
    conventions: Mapped[list[str]] = mapped_column(JSON, default=list)


class Sim(Base):
    __tablename__ = "sims"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    number: Mapped[str] = mapped_column(String(15), unique=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"))
    convention: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(10))  # active | declared | ceased


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str]
    # Kept only so that the defect `old_password_valid_after_change` has something to accept.
    previous_password_hash: Mapped[str | None]
    password_is_temporary: Mapped[bool]
    password_issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_name: Mapped[str]
    last_name: Mapped[str]
    personal_fiscal_code: Mapped[str] = mapped_column(String(16))
    email: Mapped[str]
    contact_mobile: Mapped[str] = mapped_column(String(15))
    business_sim_id: Mapped[str] = mapped_column(ForeignKey("sims.id"))
    origin: Mapped[str] = mapped_column(String(8), default="CM6")


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
    code: Mapped[str] = mapped_column(String(40))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    used: Mapped[bool] = mapped_column(default=False)


class Registration(Base):
    """The registration wizard in progress for one session."""

    __tablename__ = "registrations"
    id: Mapped[int] = mapped_column(primary_key=True)
    web_session_id: Mapped[int] = mapped_column(
        ForeignKey("web_sessions.id", ondelete="CASCADE"), unique=True
    )
    step: Mapped[str] = mapped_column(String(10))  # step2 | otp | step3 | success | failure
    identifier_kind: Mapped[str] = mapped_column(String(4))
    identifier: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"))
    first_name: Mapped[str | None]
    last_name: Mapped[str | None]
    contact_mobile: Mapped[str | None]
    personal_fiscal_code: Mapped[str | None]
    email: Mapped[str | None]
    sim_id: Mapped[str | None] = mapped_column(ForeignKey("sims.id"))
    username: Mapped[str | None]
    failure_reason: Mapped[str | None]


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
