"""Test accounts and records of the target, addressed by business role (the data set's `accounts`).

A role is one record id or a pool of ids. A scenario's view (:meth:`TestData.leased`) leases one pool
member per role it uses, so parallel scenarios never share a nominee, and a nominated one is consumed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from portalcert.errors import ConfigError
from portalcert.leases import DEFAULT_WAIT_SECONDS, LeaseError, Leases

Record = dict[str, Any]
SECTIONS = (
    "groups",
    "companies",
    "mobile_contracts",
    "lines",
    "sedi",
    "fixed_lines",
    "fixed_services",
    "invoices",
    "users",
)


@dataclass(frozen=True)
class User:
    id: str
    username: str
    password: str
    company: str
    profile: str
    line_number: str  # the business mobile given at registration, "" when none
    email: str = ""  # where the portal sends the user's mail (the password recovery's link)


@dataclass(frozen=True)
class Line:
    id: str
    number: str
    company: str
    company_name: str
    status: str
    activated_on: str  # ISO dates
    ceased_on: str | None


@dataclass(frozen=True)
class FixedLine:
    id: str
    number: str
    kind: str
    sede: str  # the sede's name


@dataclass(frozen=True)
class Named:
    """A record the portal shows by a code or name: a contract, an invoice, a service."""

    id: str
    label: str


class TestData:
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.source = source
        self.raw = data
        self._by_id: dict[str, Record] = {
            r["id"]: r for section in SECTIONS for r in data.get(section, []) if isinstance(r, dict)
        }
        self.pools: dict[str, list[str]] = {
            role: [str(m) for m in (ids if isinstance(ids, list) else [ids])]
            for role, ids in data.get("accounts", {}).items()
        }
        self._leases: Leases | None = None
        self._chosen: dict[str, str] = {}

    def leased(self, leases: Leases) -> TestData:
        view = copy.copy(self)
        view._leases, view._chosen = leases, {}
        return view

    def _record(self, record_id: str, role: str) -> Record:
        if record_id not in self._by_id:
            raise ConfigError(self.source, f"accounts.{role}", f"refers to unknown record {record_id!r}")
        return self._by_id[record_id]

    def _member(self, role: str) -> Record:
        if role in self._chosen:
            return self._by_id[self._chosen[role]]
        pool = self.pools.get(role)
        if not pool:
            raise ConfigError(
                self.source, f"accounts.{role}", "this scenario needs the role, and the data set has none"
            )
        member = pool[0]
        if self._leases is not None and len(pool) > 1:
            try:
                member = self._leases.lease(role, pool, consume=False, wait_seconds=DEFAULT_WAIT_SECONDS)
            except LeaseError as exc:
                raise ConfigError(self.source, f"accounts.{role}", str(exc)) from None
        self._chosen[role] = member
        return self._record(member, role)

    def consume(self, record_id: str) -> None:
        """The scenario used this member up (a nominee now holds a profile): no later scenario gets it."""
        if self._leases is not None and record_id in self._chosen.values():
            self._leases.consume(record_id)

    def user(self, role: str) -> User:
        r = self._member(role)
        line = self._by_id.get(r.get("line") or "", {})
        return User(
            r["id"],
            r["username"],
            r["password"],
            r["company"],
            r["profile"],
            line.get("number", ""),
            r.get("email", ""),
        )

    def _line(self, r: Record) -> Line:
        company = self._by_id.get(r["company"], {})
        return Line(
            r["id"],
            r["number"],
            r["company"],
            company.get("name", ""),
            r["status"],
            r["activated_on"],
            r.get("ceased_on"),
        )

    def line(self, role: str) -> Line:
        return self._line(self._member(role))

    def lines(self, role: str) -> list[Line]:
        """Every member of the role (a role that lists several records, all of them used at once)."""
        return [self._line(self._record(m, role)) for m in self.pools.get(role, [])]

    def fixed_line(self, role: str) -> FixedLine:
        r = self._member(role)
        sede = self._by_id.get(r["sede"], {})
        return FixedLine(r["id"], r["number"], r["kind"], sede.get("name", ""))

    def contract(self, role: str) -> Named:
        r = self._member(role)
        return Named(r["id"], r["code"])

    def invoice(self, role: str) -> Named:
        r = self._member(role)
        return Named(r["id"], r["number"])

    def service(self, role: str) -> Named:
        r = self._member(role)
        return Named(r["id"], r["name"])
