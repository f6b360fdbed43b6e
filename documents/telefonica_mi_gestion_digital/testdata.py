"""Test accounts addressed by business role: companies, their lines, interlocutors, users, spare numbers.

Scenarios never name concrete data; they say "the company with fixed and mobile lines" and the data
set's `accounts` says which record plays the part (one id, or a pool of ids). Each scenario leases the
members it uses (:meth:`TestData.leased`), so parallel scenarios never share an account, and one it used
up (an interlocutor who registered, a temporary password changed) is never used again.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from portalcert.errors import ConfigError
from portalcert.leases import DEFAULT_WAIT_SECONDS, LeaseError, Leases

Record = dict[str, Any]
_SECTIONS = ("companies", "lines", "interlocutors", "users", "phones")


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


class TestData:
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.source = source
        self.raw = data
        self._by_id: dict[str, Record] = {
            record["id"]: record
            for section in _SECTIONS
            for record in data.get(section, [])
            if isinstance(record, dict) and isinstance(record.get("id"), str)
        }
        self._lines = [r for r in data.get("lines", []) if isinstance(r, dict)]
        self.pools: dict[str, list[str]] = {
            role: [str(m) for m in (ids if isinstance(ids, list) else [ids])]
            for role, ids in data.get("accounts", {}).items()
        }
        self._leases: Leases | None = None
        self._chosen: dict[str, str] = {}

    def leased(self, leases: Leases) -> TestData:
        """This scenario's view: members are leased through `leases` (released by the hooks)."""
        view = copy.copy(self)
        view._leases = leases
        view._chosen = {}
        return view

    def _member(self, role: str) -> Record:
        if role in self._chosen:
            return self._by_id[self._chosen[role]]
        pool = self.pools.get(role)
        if not pool:
            raise ConfigError(
                self.source, f"accounts.{role}", "this scenario needs the role, and the data set has none"
            )
        unknown = [m for m in pool if m not in self._by_id]
        if unknown:
            raise ConfigError(self.source, f"accounts.{role}", f"refers to unknown record {unknown[0]!r}")
        if self._leases is None:
            member = pool[0]
        else:
            try:
                member = self._leases.lease(role, pool, consume=False, wait_seconds=DEFAULT_WAIT_SECONDS)
            except LeaseError as exc:
                raise ConfigError(self.source, f"accounts.{role}", str(exc)) from None
        self._chosen[role] = member
        return self._by_id[member]

    def consume(self, record_id: str) -> None:
        """The scenario used up this account: no later scenario gets it."""
        if self._leases is not None and record_id in self._chosen.values():
            self._leases.consume(record_id)

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
