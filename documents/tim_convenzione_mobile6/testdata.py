"""Test accounts: the target's entities, SIMs, users and people, addressed by business role.

Scenarios never name concrete data; they say "the Amministrazione" or "a user whose SIM has
ceased" and the role map in the data set (`accounts`) says which record plays that part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portalcert.errors import ConfigError


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    codice_fiscale: str
    partita_iva: str


@dataclass(frozen=True)
class Sim:
    id: str
    number: str
    entity: str
    status: str


@dataclass(frozen=True)
class Person:
    id: str
    first_name: str
    last_name: str
    personal_fiscal_code: str
    email: str
    contact_mobile: str


@dataclass(frozen=True)
class User:
    id: str
    username: str
    password: str
    person: Person
    business_mobile: str


class TestData:
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.source = source
        self.raw = data
        self._by_id: dict[str, dict[str, Any]] = {}
        for section in ("entities", "sims", "users", "people"):
            for record in data.get(section, []):
                self._by_id[record["id"]] = record
        self.roles: dict[str, str] = dict(data.get("accounts", {}))
        for role, ref in self.roles.items():
            if ref not in self._by_id:
                raise ConfigError(source, f"accounts.{role}", f"refers to unknown record {ref!r}")

    def _record(self, role: str) -> dict[str, Any]:
        try:
            return self._by_id[self.roles[role]]
        except KeyError:
            raise ConfigError(
                self.source, f"accounts.{role}", "this scenario needs the role, and the data set has none"
            ) from None

    def entity(self, role: str) -> Entity:
        r = self._record(role)
        return Entity(r["id"], r["name"], r["codice_fiscale"], r["partita_iva"])

    def sim(self, role: str) -> Sim:
        r = self._record(role)
        return Sim(r["id"], r["number"], r.get("entity") or "", r["status"])

    def person(self, role: str) -> Person:
        return _person(self._record(role))

    def user(self, role: str) -> User:
        r = self._record(role)
        sim = self._by_id.get(r["business_sim"], {})
        return User(r["id"], r["username"], r["password"], _person(r), sim.get("number", ""))


def _person(r: dict[str, Any]) -> Person:
    return Person(
        r["id"], r["first_name"], r["last_name"], r["personal_fiscal_code"], r["email"], r["contact_mobile"]
    )
