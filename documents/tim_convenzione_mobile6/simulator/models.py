"""Tables of the CM6 portal: its data (entities, SIMs, users) and the registration in progress.

Table names carry the `cm6_` prefix: every portal declares its tables on the simulator's one `Base`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from simulator.db import Base
from simulator.models import UTCDateTime


class Entity(Base):
    """An Ente/Amministrazione (or company) that owns SIMs."""

    __tablename__ = "cm6_entities"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str]
    codice_fiscale: Mapped[str] = mapped_column(String(16), index=True)
    partita_iva: Mapped[str] = mapped_column(String(11), index=True)
    conventions: Mapped[list[str]] = mapped_column(JSON, default=list)


class Sim(Base):
    __tablename__ = "cm6_sims"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    number: Mapped[str] = mapped_column(String(15), unique=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("cm6_entities.id"))
    convention: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(10))  # active | declared | ceased


class User(Base):
    __tablename__ = "cm6_users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    password_hash: Mapped[str]
    # Kept only so that the defect `old_password_valid_after_change` has something to accept.
    previous_password_hash: Mapped[str | None]
    password_is_temporary: Mapped[bool]
    password_issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A temporary password sent by RECUPERA PASSWORD: it replaces the current one only when first used,
    # so someone who asks for a recovery in the user's name does not lock the user out.
    recovered_password_hash: Mapped[str | None]
    recovered_password_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_name: Mapped[str]
    last_name: Mapped[str]
    personal_fiscal_code: Mapped[str] = mapped_column(String(16))
    email: Mapped[str]
    contact_mobile: Mapped[str] = mapped_column(String(15))
    business_sim_id: Mapped[str] = mapped_column(ForeignKey("cm6_sims.id"))
    origin: Mapped[str] = mapped_column(String(8), default="CM6")


# One user per line, and usernames unique whatever their case: two registrations finishing at the same
# moment cannot both pass (outcome.complete inserts with ON CONFLICT DO NOTHING).
Index("uq_cm6_users_business_sim", User.business_sim_id, unique=True)
Index("uq_cm6_users_username_folded", func.lower(User.username), unique=True)


class Registration(Base):
    """The registration wizard in progress for one session."""

    __tablename__ = "cm6_registrations"
    id: Mapped[int] = mapped_column(primary_key=True)
    web_session_id: Mapped[int] = mapped_column(
        ForeignKey("web_sessions.id", ondelete="CASCADE"), unique=True
    )
    step: Mapped[str] = mapped_column(String(10))  # step2 | otp | step3 | success | failure
    identifier_kind: Mapped[str] = mapped_column(String(4))
    identifier: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("cm6_entities.id"))
    first_name: Mapped[str | None]
    last_name: Mapped[str | None]
    contact_mobile: Mapped[str | None]
    personal_fiscal_code: Mapped[str | None]
    email: Mapped[str | None]
    sim_id: Mapped[str | None] = mapped_column(ForeignKey("cm6_sims.id"))
    username: Mapped[str | None]
    failure_reason: Mapped[str | None]
    failure_kind: Mapped[str | None]  # the reason's Refusal kind, which the outcome page marks
