"""How the roles' records must relate (same company, another company, inside the holding's groups).

A scenario compares records of several roles ("a colleague's line", "another company's invoice"); a
data set whose records do not relate that way would make the verdict about the data set, not the portal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .roles import Tables

Record = dict[str, Any]


@dataclass(frozen=True)
class Relation:
    rules: tuple[str, ...]
    roles: tuple[str, ...]  # the roles it relates (all present, or nothing to check)
    says: str
    holds: Callable[[list[list[Record]], Tables], bool]  # the roles' members, in `roles` order


def _company(records: list[Record]) -> set[str]:
    return {str(r.get("company")) for r in records}


def _same(a: list[Record], b: list[Record]) -> bool:
    return _company(a) <= _company(b)


def _group_companies(holders: list[Record], tables: Tables) -> set[str]:
    groups = {g for h in holders for g in h.get("groups") or ()}
    return {cid for cid, c in tables["companies"].items() if c.get("group") in groups}


def _same_company(rules: tuple[str, ...], role: str, of: str) -> Relation:
    return Relation(
        rules, (role, of), f"{role} must be of the company of {of}", lambda m, _t: _same(m[0], m[1])
    )


def _other_company(rules: tuple[str, ...], role: str, of: str) -> Relation:
    return Relation(
        rules,
        (role, of),
        f"{role} must be of another company than {of}",
        lambda m, _t: not _company(m[0]) & _company(m[1]),
    )


RELATIONS: tuple[Relation, ...] = (
    _same_company(("MYB-06",), "nominee", "rappresentante_legale"),
    _same_company(("MYB-06",), "contract_with_master", "rappresentante_legale"),
    _same_company(("MYB-06", "MYB-16"), "contract_without_master", "rappresentante_legale"),
    _same_company(("MYB-11",), "nominee", "titolare"),
    _same_company(("MYB-11",), "fixed_nominee", "titolare_without_amministratore"),
    _same_company(("MYB-04",), "colleague_line", "utilizzatore"),
    Relation(
        ("MYB-04",),
        ("colleague_line", "utilizzatore"),
        "colleague_line must not be the End User's own line",
        lambda m, _t: {r["id"] for r in m[0]}.isdisjoint({u.get("line") for u in m[1]}),
    ),
    *(
        _same_company(("MYB-13", "MYB-14"), line, "inventory_referent")
        for line in ("active_line", "ceased_line", "frozen_line")
    ),
    *(
        _same_company(("MYB-15",), role, "titolare")
        for role in (
            "fonia_line",
            "fonia_dati_line",
            "rete_intelligente_line",
            "active_fixed_service",
            "ceased_fixed_service",
        )
    ),
    *(
        _same_company(("MYB-16",), role, "rappresentante_legale")
        for role in ("active_line", "company_invoice", "utilizzatore")
    ),
    *(
        _other_company(("MYB-16",), role, "rappresentante_legale")
        for role in ("other_company_line", "other_company_invoice", "other_company_user")
    ),
    Relation(
        ("MYB-09",),
        ("group_line", "holding_referent"),
        "group_line must hold a line of every company of the holding referent's groups, and only those",
        lambda m, t: _company(m[0]) == _group_companies(m[1], t),
    ),
    Relation(
        ("MYB-09",),
        ("other_company_line", "holding_referent"),
        "other_company_line must be of a company outside the holding referent's groups",
        lambda m, t: not _company(m[0]) & _group_companies(m[1], t),
    ),
)
