"""Tables of the Telekom business portal (prefix `mth_`): companies, business users, phone numbers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from simulator.db import Base
from simulator.models import UTCDateTime


class Company(Base):
    __tablename__ = "mth_companies"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str]
    slug: Mapped[str] = mapped_column(String(40), unique=True)  # the <cégnév> of the login ids
    tax_number: Mapped[str] = mapped_column(String(13))
    email: Mapped[str]  # the address the company gave in its contract
    sms_codes: Mapped[bool]  # the main admin may switch the login SMS code off


class BusinessUser(Base):
    __tablename__ = "mth_users"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("mth_companies.id"))
    login: Mapped[str] = mapped_column(String(80), unique=True)  # <felhasználónév>@<cégnév>, lower case
    name: Mapped[str]
    password_hash: Mapped[str]
    # Kept only so that the defect `temporary_password_kept_after_change` has something to accept.
    previous_password_hash: Mapped[str | None]
    password_is_temporary: Mapped[bool]
    # When the temporary password was sent (it expires: security.TEMPORARY_PASSWORD_LIFETIME), and
    # whether it signed in once (only the defect `mth_temporary_password_kept_once_used` asks).
    temporary_password_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    temporary_password_used: Mapped[bool] = mapped_column(default=False)
    is_admin: Mapped[bool]
    permissions: Mapped[list[str]] = mapped_column(JSON, default=list)
    email: Mapped[str]
    mobile: Mapped[str] = mapped_column(String(9))  # national significant number, 9 digits
    telekom_fiok: Mapped[str] = mapped_column(String(10))  # none | incomplete | complete


class PhoneNumber(Base):
    __tablename__ = "mth_numbers"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    company_id: Mapped[str] = mapped_column(ForeignKey("mth_companies.id"))
    number: Mapped[str] = mapped_column(String(9), unique=True)
    holder: Mapped[str]
    restricted: Mapped[list[str]] = mapped_column(JSON, default=list)  # number functions withheld
