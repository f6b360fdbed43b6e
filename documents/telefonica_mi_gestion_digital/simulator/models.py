"""Tables of the Mi Gestión Digital portal (prefix `mgd_`): companies and their lines, interlocutors,
portal users, and Grandes Clientes' registration requests awaiting an advisor."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from simulator.db import Base
from simulator.models import UTCDateTime


class Company(Base):
    __tablename__ = "mgd_companies"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str]
    segment: Mapped[str] = mapped_column(String(20))  # grandes_clientes | mediana_empresa | pequena_empresa
    fiscal_id: Mapped[str] = mapped_column(String(9), unique=True)
    fiscal_id_kind: Mapped[str] = mapped_column(String(3))  # CIF | NIF
    fixed_account: Mapped[str | None] = mapped_column(String(34))  # where fixed lines are paid
    mobile_account: Mapped[str | None] = mapped_column(String(34))  # where mobile lines are paid


class Line(Base):
    __tablename__ = "mgd_lines"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("mgd_companies.id"))
    kind: Mapped[str] = mapped_column(String(6))  # fixed | mobile


class Interlocutor(Base):
    __tablename__ = "mgd_interlocutors"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("mgd_companies.id"))
    first_name: Mapped[str]
    last_name: Mapped[str]
    email: Mapped[str] = mapped_column(String(200), unique=True)


class User(Base):
    __tablename__ = "mgd_users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    interlocutor_id: Mapped[str] = mapped_column(ForeignKey("mgd_interlocutors.id"), unique=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str]
    password_is_temporary: Mapped[bool]
    # When the temporary password was sent (it expires, temporary.py); None: no expiry kept.
    temporary_password_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    mobile: Mapped[str | None] = mapped_column(String(16))  # where SMS security codes go
    terms_accepted: Mapped[bool] = mapped_column(default=False)


class RegistrationRequest(Base):
    """A Grandes Clientes interlocutor's request: no access until an advisor validates it."""

    __tablename__ = "mgd_registration_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("mgd_companies.id"))
    interlocutor_id: Mapped[str] = mapped_column(ForeignKey("mgd_interlocutors.id"))
    contact_name: Mapped[str]
    contact_phone: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending | validated
