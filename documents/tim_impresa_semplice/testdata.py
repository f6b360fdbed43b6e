"""Test accounts addressed by business role: companies and their Rappresentante Legale, lines, employees.

Scenarios never name concrete data; the data set's `accounts` says which record plays each role (a pool
of ids). Each scenario works on a view of its own (:meth:`TestData.leased`) that leases one member per
role it uses, so parallel scenarios never share an account, and one a scenario used up (an employee
registered, a line associated, a Rappresentante Legale activated) is never used again.
"""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.role_pools import Record, RolePools


@dataclass(frozen=True)
class LegalRepresentative:
    company: str  # the company's id
    partita_iva: str
    first_name: str
    last_name: str
    email: str  # given in the contract (fase contrattuale)
    mobile: str  # "" when the contract gives none
    password: str  # "" until they chose one
    username: str  # "" until TIM registered them (the portal chooses it: the guide does not say how)


@dataclass(frozen=True)
class Referente:
    email: str
    profile: str  # full | light | user


@dataclass(frozen=True)
class Line:
    id: str
    number: str
    referente: Referente | None


@dataclass(frozen=True)
class Employee:
    id: str
    first_name: str
    last_name: str
    email: str
    mobile: str  # "" when they have none


# Line roles: a line of the company whose Rappresentante Legale the scenario leased.
_LINE_ROLES = ("free_line", "referente_line")
_RL = "legal_representative"


class TestData(RolePools):
    """A data set (schema portalcert-tis/1) with typed access by role."""

    SECTIONS = ("companies", "contracts", "lines", "referenti", "employees")

    def legal_representative(self, role: str = _RL) -> LegalRepresentative:
        r = self._member(role)
        rl = r["legal_representative"]
        return LegalRepresentative(
            r["id"],
            r["partita_iva"],
            rl["first_name"],
            rl["last_name"],
            rl["email"],
            rl.get("mobile") or "",
            rl.get("password") or "",
            rl.get("username") or "",
        )

    def _company_of_line(self, line: Record) -> str:
        return str(self._by_id.get(str(line.get("contract")), {}).get("company", ""))

    def line(self, role: str) -> Line:
        company = self.legal_representative().company
        r = self._member(
            role, lambda line: self._company_of_line(line) == company, f"a {role} of {company} ({_RL})"
        )
        named = [x for x in self.raw.get("referenti", []) if x.get("line") == r["id"]]
        referente = Referente(named[0]["email"], named[0]["profile"]) if named else None
        return Line(r["id"], r["number"], referente)

    def mobile_lines(self, company: str) -> list[str]:
        """Every mobile line of the company's contracts, as the data set says."""
        return sorted(
            line["number"]
            for line in self.raw.get("lines", [])
            if line.get("kind") == "mobile" and self._company_of_line(line) == company
        )

    def employee(self, role: str) -> Employee:
        r = self._member(role)
        return Employee(r["id"], r["first_name"], r["last_name"], r["email"], r.get("mobile") or "")
