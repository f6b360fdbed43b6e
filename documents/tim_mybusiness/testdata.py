"""Test accounts and records of the target, addressed by business role (the data set's `accounts`).

A role is one record id or a pool of ids. A scenario's view (:meth:`TestData.leased`) leases one pool
member per role it uses, so parallel scenarios never share a nominee, and a nominated one is consumed.
"""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.role_pools import Record, RolePools

from .dataset.roles import SECTIONS


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


class TestData(RolePools):
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    SECTIONS = SECTIONS

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
        return [self._line(self._by_id[m]) for m in self._candidates(role)]

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
