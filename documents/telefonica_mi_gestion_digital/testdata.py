"""Test accounts addressed by business role: companies, their lines, interlocutors, users, spare numbers.

Scenarios never name concrete data; they say "the company with fixed and mobile lines" and the data
set's `accounts` says which record plays the part (one id, or a pool of ids). Each scenario leases the
members it uses (:meth:`TestData.leased`), so parallel scenarios never share an account, and one it used
up (an interlocutor who registered, a temporary password changed) is never used again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portalcert.role_pools import RolePools


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    fiscal_id: str
    fixed_account: str | None
    mobile_account: str | None
    fixed_lines: tuple[str, ...]
    mobile_lines: tuple[str, ...]


@dataclass(frozen=True)
class Interlocutor:
    id: str
    email: str
    company: str


@dataclass(frozen=True)
class User:
    id: str
    email: str
    password: str
    mobile: str


class TestData(RolePools):
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    SECTIONS = ("companies", "lines", "interlocutors", "users", "phones")

    def __init__(self, data: dict[str, Any], source: str) -> None:
        super().__init__(data, source)
        self._lines = [r for r in data.get("lines", []) if isinstance(r, dict)]

    def company(self, role: str) -> Company:
        r = self._member(role)
        numbers = {
            kind: tuple(
                line["number"]
                for line in self._lines
                if line.get("company") == r["id"] and line.get("kind") == kind
            )
            for kind in ("fixed", "mobile")
        }
        return Company(
            r["id"],
            r.get("name", ""),
            r["fiscal_id"],
            r.get("fixed_account"),
            r.get("mobile_account"),
            numbers["fixed"],
            numbers["mobile"],
        )

    def interlocutor(self, role: str) -> Interlocutor:
        r = self._member(role)
        return Interlocutor(r["id"], r["email"], r.get("company", ""))

    def user(self, role: str) -> User:
        r = self._member(role)
        return User(r["id"], r["email"], r["password"], r["mobile"])

    def phone(self, role: str) -> str:
        return str(self._member(role)["number"])
