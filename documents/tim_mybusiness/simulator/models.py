"""Tables of the myBusiness portal (prefix `myb_`): companies, contracts, lines, sedi, invoices, users.

"At most one Referente Master per mobile contract" and "at most one Amministratore for the company's
fixed lines" are unique constraints on the two registers, so concurrent nominations cannot both win.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from simulator.db import Base
from simulator.models import UTCDateTime


class Group(Base):
    __tablename__ = "myb_groups"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str]


class Company(Base):
    __tablename__ = "myb_companies"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str]
    partita_iva: Mapped[str] = mapped_column(String(11), unique=True)
    tim_contract: Mapped[str] = mapped_column(String(8))  # attivo | cessato
    group_id: Mapped[str | None] = mapped_column(ForeignKey("myb_groups.id"))


class MobileContract(Base):
    __tablename__ = "myb_mobile_contracts"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    code: Mapped[str] = mapped_column(String(20), unique=True)


class Line(Base):
    __tablename__ = "myb_lines"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    contract_id: Mapped[str] = mapped_column(ForeignKey("myb_mobile_contracts.id"))
    number: Mapped[str] = mapped_column(String(15), unique=True)
    tariff_profile: Mapped[str]
    status: Mapped[str] = mapped_column(String(10))  # attivo | cessato | congelato
    activated_on: Mapped[date] = mapped_column(Date)
    ceased_on: Mapped[date | None] = mapped_column(Date)
    voice_minutes: Mapped[int]
    data_mb: Mapped[int]
    sms: Mapped[int]


class Sede(Base):
    __tablename__ = "myb_sedi"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    name: Mapped[str]
    address: Mapped[str]


class FixedLine(Base):
    __tablename__ = "myb_fixed_lines"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    sede_id: Mapped[str] = mapped_column(ForeignKey("myb_sedi.id"))
    number: Mapped[str] = mapped_column(String(15), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # fonia | fonia_dati | rete_intelligente


class FixedService(Base):
    __tablename__ = "myb_fixed_services"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    line_id: Mapped[str] = mapped_column(ForeignKey("myb_fixed_lines.id"))
    name: Mapped[str]
    status: Mapped[str] = mapped_column(String(10))  # attivo | cessato


class Invoice(Base):
    __tablename__ = "myb_invoices"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    number: Mapped[str] = mapped_column(String(20), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[str] = mapped_column(String(12))


class User(Base):
    __tablename__ = "myb_users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str]
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    profile: Mapped[str] = mapped_column(String(24))
    line_id: Mapped[str | None] = mapped_column(ForeignKey("myb_lines.id"))
    grants: Mapped[list[str]] = mapped_column(JSON, default=list)  # a Referente Aggiuntivo's services
    groups: Mapped[list[str]] = mapped_column(JSON, default=list)  # a holding referent's groups
    # The contract (mobile Referente Master) or company (fixed Amministratore) the user holds.
    master_of: Mapped[str | None] = mapped_column(String(40))
    first_name: Mapped[str]
    last_name: Mapped[str]
    email: Mapped[str]


class MasterNomination(Base):
    """The register of mobile Referenti Master: one row per contract, enforced by the database."""

    __tablename__ = "myb_master_nominations"
    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[str] = mapped_column(ForeignKey("myb_mobile_contracts.id"))
    user_id: Mapped[str] = mapped_column(ForeignKey("myb_users.id"))
    __table_args__ = (UniqueConstraint("contract_id", name="uq_myb_one_master_per_contract"),)


class AdministratorNomination(Base):
    """The register of fixed-line Referenti Master (Amministratore): one row per company."""

    __tablename__ = "myb_administrator_nominations"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("myb_companies.id"))
    user_id: Mapped[str] = mapped_column(ForeignKey("myb_users.id"))
    __table_args__ = (UniqueConstraint("company_id", name="uq_myb_one_administrator_per_company"),)


class PasswordResetLink(Base):
    """A link e-mailed by the password recovery: it sets a new password once, within its lifetime. Only
    the token's digest is stored, as for a password (the link is the secret)."""

    __tablename__ = "myb_password_reset_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("myb_users.id"))
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used: Mapped[bool] = mapped_column(default=False)
