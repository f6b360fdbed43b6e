"""Test accounts: the target's entities, SIMs, users and people, addressed by business role.

Scenarios never name concrete data; they say "the Amministrazione" or "a user whose SIM has
ceased" and the role map in the data set (`accounts`) says which record plays that part: one id, or
a pool of ids. Each scenario works on a view of its own (:meth:`TestData.leased`) that leases one
member per role it uses, the first time it uses it, so parallel scenarios never share an account and
a consumed one (a SIM a registration bound to a new user) is never used again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from portalcert.role_pools import Record, RolePools

from .dataset.records import sent_at


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    codice_fiscale: str
    partita_iva: str | None  # a public body may have only a codice fiscale


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
    temporary_password_sent_at: datetime | None = None  # the data set's fact, when it gives one


# SIM roles whose SIM must belong to the Amministrazione the scenario registers (`entity`), and the
# one whose SIM must belong to another one.
_SAME_ENTITY = ("active_sim", "declared_sim", "ceased_sim", "registered_sim")
_OTHER_ENTITY = ("other_entity_sim",)


class TestData(RolePools):
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    SECTIONS = ("entities", "sims", "users", "people")

    def entity(self, role: str, *, with_partita_iva: bool = False) -> Entity:
        if with_partita_iva:
            r = self._member(role, lambda e: bool(e.get("partita_iva")), f"an {role} with a partita IVA")
        else:
            r = self._member(role)
        return Entity(r["id"], r.get("name") or "", r["codice_fiscale"], r.get("partita_iva"))

    def sim(self, role: str) -> Sim:
        r = self._member(role, *self._sim_fits(role))
        return Sim(r["id"], r["number"], r.get("entity") or "", r["status"])

    def _sim_fits(self, role: str) -> tuple[Callable[[Record], bool] | None, str]:
        """A SIM of the Amministrazione this scenario already identified (or of another one)."""
        entity = self._chosen.get("entity")
        if entity is None:
            return None, ""
        if role in _SAME_ENTITY:
            return (lambda s: s.get("entity") == entity), f"a {role} of {entity} (accounts.entity)"
        if role in _OTHER_ENTITY:
            return (lambda s: s.get("entity") != entity), f"a {role} of an entity other than {entity}"
        return None, ""

    def person(self, role: str) -> Person:
        return _person(self._member(role))

    def user(self, role: str) -> User:
        r = self._member(role)
        sim = self._by_id.get(r["business_sim"], {})
        sent = sent_at(r.get("temporary_password_sent_at"))
        return User(r["id"], r["username"], r["password"], _person(r), sim.get("number", ""), sent)


def _person(r: Record) -> Person:
    # A user's record need not carry what no rule in scope types (validate.py checks what they do).
    fields = ("first_name", "last_name", "personal_fiscal_code", "email", "contact_mobile")
    return Person(r["id"], *(str(r.get(field) or "") for field in fields))
