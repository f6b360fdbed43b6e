"""Test accounts by business role: companies, business users and mobile numbers.

Scenarios never name concrete data; they say "a business user without the Számlák permission" and the
data set's `accounts` says which records play that part (one id, or a pool). Each scenario leases one
member per role it uses (:meth:`TestData.leased`), and one it used up is never used again.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from portalcert.errors import ConfigError
from portalcert.leases import DEFAULT_WAIT_SECONDS, LeaseError, Leases

Record = dict[str, Any]


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    slug: str  # the <cégnév> of its login ids
    email: str


@dataclass(frozen=True)
class User:
    id: str
    company: Company
    login: str
    password: str
    name: str
    email: str
    mobile: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class Number:
    id: str
    company: Company
    number: str  # 9 digits, with the prefix


class TestData:
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.source = source
        self.raw = data
        self._by_id: dict[str, Record] = {}
        for section in ("companies", "users", "numbers"):
            for record in data.get(section, []):
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    self._by_id[record["id"]] = record
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

    def _member(self, role: str, fits: Callable[[Record], bool] | None = None, need: str = "") -> Record:
        key = f"{role}:{need}" if need else role
        if key in self._chosen:
            return self._by_id[self._chosen[key]]
        pool = [m for m in self.pools.get(role, []) if m in self._by_id]
        if not pool:
            raise ConfigError(
                self.source, f"accounts.{role}", "this scenario needs the role, and the data set has none"
            )
        taken = set(self._chosen.values())
        pool = [m for m in pool if m not in taken and (fits is None or fits(self._by_id[m]))]
        if not pool:
            raise ConfigError(
                self.source, f"accounts.{role}", f"this scenario needs {need or 'a member'}: add one"
            )
        if self._leases is None:
            member = pool[0]
        else:
            try:
                member = self._leases.lease(role, pool, consume=False, wait_seconds=DEFAULT_WAIT_SECONDS)
            except LeaseError as exc:
                raise ConfigError(self.source, f"accounts.{role}", str(exc)) from None
        self._chosen[key] = member
        return self._by_id[member]

    def consume(self, record_id: str) -> None:
        """The scenario used this account up (a password or a setting changed): no later scenario gets it."""
        if self._leases is not None and record_id in self._chosen.values():
            self._leases.consume(record_id)

    def company(self, role: str) -> Company:
        return self._company(self._member(role)["id"])

    def _company(self, company_id: str) -> Company:
        r = self._by_id.get(company_id, {})
        return Company(company_id, str(r.get("name", "")), str(r.get("slug", "")), str(r.get("email", "")))

    def user(self, role: str, *, holding: str = "", lacking: str = "") -> User:
        def fits(r: Record) -> bool:
            granted = r.get("permissions") or []
            return (not holding or holding in granted) and (not lacking or lacking not in granted)

        need = f"a member with {holding!r}" if holding else f"a member without {lacking!r}" if lacking else ""
        r = self._member(role, fits if need else None, need)
        return User(
            r["id"],
            self._company(r["company"]),
            r["login"],
            r["password"],
            r.get("name", ""),
            r.get("email", ""),
            r.get("mobile", ""),
            tuple(r.get("permissions") or ()),
        )

    def number(self, role: str, *, prefix: str = "") -> Number:
        need = f"a number with the {prefix} prefix" if prefix else ""
        r = self._member(
            role, (lambda n: str(n.get("number", "")).startswith(prefix)) if prefix else None, need
        )
        return Number(r["id"], self._company(r["company"]), r["number"])
