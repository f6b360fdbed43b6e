"""Test accounts: the target's entities, SIMs, users and people, addressed by business role.

Scenarios never name concrete data; they say "the Amministrazione" or "a user whose SIM has
ceased" and the role map in the data set (`accounts`) says which record plays that part: one id, or
a pool of ids. Each scenario works on a view of its own (:meth:`TestData.leased`) that leases one
member per role it uses, the first time it uses it, so parallel scenarios never share an account and
a consumed one (a SIM a registration bound to a new user) is never used again.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from portalcert.errors import ConfigError
from portalcert.leases import DEFAULT_WAIT_SECONDS, LeaseError, Leases

from .dataset.records import sent_at
from .dataset.roles import members

Record = dict[str, Any]


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


class TestData:
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.source = source
        self.raw = data
        self._by_id: dict[str, Record] = {}
        for section in ("entities", "sims", "users", "people"):
            for record in data.get(section, []):
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    self._by_id[record["id"]] = record
        # Only what the rules in scope use was validated: a role none of them uses may be anything.
        self.pools: dict[str, list[str]] = {
            role: [str(m) for m in members(ids)] for role, ids in data.get("accounts", {}).items()
        }
        self._leases: Leases | None = None
        self._chosen: dict[str, str] = {}  # role -> the member this scenario holds

    def leased(self, leases: Leases) -> TestData:
        """This scenario's view: members are leased through `leases` (released by the hooks)."""
        view = copy.copy(self)
        view._leases = leases
        view._chosen = {}
        return view

    def _member(self, role: str, fits: Callable[[Record], bool] | None = None, need: str = "") -> Record:
        if role in self._chosen:
            chosen = self._by_id[self._chosen[role]]
            if fits is not None and not fits(chosen):
                raise ConfigError(
                    self.source, f"accounts.{role}", f"this scenario needs {need}, and uses {chosen['id']}"
                )
            return chosen
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
        """The scenario used up this account (held under some role): no later scenario gets it."""
        if self._leases is not None and record_id in self._chosen.values():
            self._leases.consume(record_id)

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
