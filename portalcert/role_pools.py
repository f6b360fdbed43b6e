"""A data set's records addressed by business role, one pool member leased per scenario.

Scenarios never name concrete data; they say "the legal representative" or "a user whose SIM has ceased",
and the data set's role map (`accounts`) says which record plays that part: one id, or a pool of ids.
Each scenario works on a view of its own (:meth:`RolePools.leased`) that leases one member per role it
uses, the first time it uses it, so parallel scenarios never share an account (with one member, the
scenarios needing it run one after another), and a consumed member is never used again. A document's
`TestData` subclasses this with its typed records (`SECTIONS` names the sections holding records).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, ClassVar, Self

from portalcert.errors import ConfigError
from portalcert.leases import DEFAULT_WAIT_SECONDS, LeaseError, Leases

Record = dict[str, Any]


class RolePools:
    """Records by id and each role's pool of record ids, leased per scenario."""

    __test__ = False  # not a pytest test class (subclasses are named TestData)
    SECTIONS: ClassVar[tuple[str, ...]] = ()  # the data set's sections of records with an "id"

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.source = source
        self.raw = data
        self._by_id: dict[str, Record] = {
            record["id"]: record
            for section in self.SECTIONS
            for record in data.get(section, [])
            if isinstance(record, dict) and isinstance(record.get("id"), str)
        }
        # Only what the rules in scope use was validated: a role none of them uses may be anything.
        self.pools: dict[str, list[str]] = {
            role: [str(m) for m in (ids if isinstance(ids, list) else [ids])]
            for role, ids in data.get("accounts", {}).items()
        }
        self._leases: Leases | None = None
        self._chosen: dict[str, str] = {}  # role (and need) -> the member this scenario holds

    def leased(self, leases: Leases) -> Self:
        """This scenario's view: members are leased through `leases` (released by the hooks)."""
        view = copy.copy(self)
        view._leases = leases
        view._chosen = {}
        return view

    def _candidates(self, role: str) -> list[str]:
        pool = self.pools.get(role)
        if not pool:
            raise ConfigError(
                self.source, f"accounts.{role}", "this scenario needs the role, and the data set has none"
            )
        unknown = [m for m in pool if m not in self._by_id]
        if unknown:
            raise ConfigError(self.source, f"accounts.{role}", f"refers to unknown record {unknown[0]!r}")
        return pool

    def _hold(self, role: str, key: str, pool: list[str], need: str) -> Record:
        """Lease a member of `pool` (the role's members fit for this use) and remember it under `key`."""
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

    def _member(self, role: str, fits: Callable[[Record], bool] | None = None, need: str = "") -> Record:
        """The scenario's member of `role`; `fits`: what this use needs of it (`need` says it in words).
        A scenario holds one member per role: a later use it does not fit is a data-set error."""
        if role in self._chosen:
            chosen = self._by_id[self._chosen[role]]
            if fits is not None and not fits(chosen):
                raise ConfigError(
                    self.source, f"accounts.{role}", f"this scenario needs {need}, and uses {chosen['id']}"
                )
            return chosen
        pool = [m for m in self._candidates(role) if fits is None or fits(self._by_id[m])]
        return self._hold(role, role, pool, need)

    def _distinct_member(
        self, role: str, fits: Callable[[Record], bool] | None = None, need: str = ""
    ) -> Record:
        """Like `_member`, but each `need` of the role gets a member of its own (a scenario may use two
        users of one role, e.g. one with a temporary password and one without)."""
        key = f"{role}:{need}" if need else role
        if key in self._chosen:
            return self._by_id[self._chosen[key]]
        taken = set(self._chosen.values())
        pool = [
            m for m in self._candidates(role) if m not in taken and (fits is None or fits(self._by_id[m]))
        ]
        return self._hold(role, key, pool, need)

    def consume(self, record_id: str) -> None:
        """The scenario used this member up (e.g. a SIM a registration bound to a new user): no later
        scenario gets it."""
        if self._leases is not None and record_id in self._chosen.values():
            self._leases.consume(record_id)
