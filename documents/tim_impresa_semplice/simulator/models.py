"""Tables of the TIM Impresa Semplice portal: companies, their contracts and lines, web users, links.

Table names carry the `tis_` prefix: every portal declares its tables on the simulator's one `Base`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from simulator.db import Base
from simulator.models import UTCDateTime


class Company(Base):
    """An Azienda with TIM Impresa Semplice contracts, and the Rappresentante Legale who signed them."""

    __tablename__ = "tis_companies"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str]
    partita_iva: Mapped[str] = mapped_column(String(11), unique=True)
    # The contractual data of the Rappresentante Legale (fase contrattuale).
    rl_first_name: Mapped[str]
    rl_last_name: Mapped[str]
    rl_email: Mapped[str]
    rl_mobile: Mapped[str | None] = mapped_column(String(15))


class Contract(Base):
    __tablename__ = "tis_contracts"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("tis_companies.id"))
    segment: Mapped[str] = mapped_column(String(8))  # Fisso | Mobile


class Line(Base):
    """A line of a contract; a mobile one may be associated with a web user (Gestione Utenze)."""

    __tablename__ = "tis_lines"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    contract_id: Mapped[str] = mapped_column(ForeignKey("tis_contracts.id"))
    number: Mapped[str] = mapped_column(String(15), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # mobile | fixed


class Referente(Base):
    """A person named in the contract for a mobile line, with the profile the contract gives them."""

    __tablename__ = "tis_referenti"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    line_id: Mapped[str] = mapped_column(ForeignKey("tis_lines.id"), unique=True)
    first_name: Mapped[str]
    last_name: Mapped[str]
    email: Mapped[str]
    profile: Mapped[str] = mapped_column(String(20))


class WebUser(Base):
    """A web user (utenza web) of a company: its Rappresentante Legale or an employee.

    state: `saved` (data entered, not registered: no credentials), `registered` (username e-mail sent,
    not activated yet), `active` (password chosen).
    """

    __tablename__ = "tis_users"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("tis_companies.id"))
    username: Mapped[str] = mapped_column(String(120))
    email: Mapped[str]
    mobile: Mapped[str | None] = mapped_column(String(15))
    profile: Mapped[str] = mapped_column(String(20))  # rl | full | light | user
    state: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str | None]
    line_id: Mapped[str | None] = mapped_column(ForeignKey("tis_lines.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


Index("uq_tis_users_username_folded", func.lower(WebUser.username), unique=True)
Index("uq_tis_users_line", WebUser.line_id, unique=True)


class AccessLink(Base):
    """A link e-mailed to a user (activation, password recovery): signed, single use, expiring.

    The URL carries a signed nonce; this row says whose it is, when it was issued and whether it was used.
    """

    __tablename__ = "tis_access_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("tis_users.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(12))  # activation | recovery
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used: Mapped[bool] = mapped_column(default=False)
