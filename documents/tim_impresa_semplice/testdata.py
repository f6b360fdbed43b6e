"""Test accounts addressed by business role: companies and their Rappresentante Legale, lines, employees.

Scenarios never name concrete data; the data set's `accounts` says which record plays each role (a pool
of ids). Each scenario works on a view of its own (:meth:`TestData.leased`) that leases one member per
role it uses, so parallel scenarios never share an account, and one a scenario used up (an employee
registered, a line associated, a Rappresentante Legale activated) is never used again.
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


class TestData:
    """A data set (schema portalcert-tis/1) with typed access by role."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.source = source
        self.raw = data
        self._by_id: dict[str, Record] = {}
        for section in ("companies", "contracts", "lines", "referenti", "employees"):
            for record in data.get(section, []):
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    self._by_id[record["id"]] = record
        self.pools: dict[str, list[str]] = {
            role: [str(m) for m in ids]
            for role, ids in data.get("accounts", {}).items()
            if isinstance(ids, list)
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
        pool = [m for m in pool if fits is None or fits(self._by_id[m])]
        if not pool:
            raise ConfigError(self.source, f"accounts.{role}", f"this scenario needs {need}: add one")
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
        """The scenario used this account up: no later scenario gets it."""
        if self._leases is not None and record_id in self._chosen.values():
            self._leases.consume(record_id)

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
