"""The data set's roles: which section each one's members come from and what they must be."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# The data set's sections of records, each with an "id".
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

Record = dict[str, Any]
Tables = dict[str, dict[Any, Record]]


@dataclass(frozen=True)
class RoleCheck:
    section: str
    fits: Callable[[Record, Tables], str | None]  # why the member does not fit, or None


def _user(profile: str, *, line: bool | None = None, contract: str = "attivo") -> RoleCheck:
    def fits(user: Record, tables: Tables) -> str | None:
        if user.get("profile") != profile:
            return f"profile is {user.get('profile')!r}, the role needs {profile!r}"
        if line is not None and bool(user.get("line")) != line:
            return "the role needs a user " + ("with" if line else "without") + " a business mobile line"
        company = tables["companies"].get(user.get("company"), {})
        if company.get("tim_contract") != contract:
            return f"the user's company must have a TIM contract {contract!r}"
        return None

    return RoleCheck("users", fits)


def _with(section: str, field: str, wanted: str) -> RoleCheck:
    def fits(record: Record, _tables: Tables) -> str | None:
        return (
            None
            if record.get(field) == wanted
            else f"{field} is {record.get(field)!r}, the role needs {wanted!r}"
        )

    return RoleCheck(section, fits)


def _contract(*, with_master: bool) -> RoleCheck:
    def fits(contract: Record, tables: Tables) -> str | None:
        masters = [u for u in tables["users"].values() if u.get("master_of") == contract["id"]]
        if bool(masters) != with_master:
            return "the contract must " + ("have" if with_master else "not have") + " a Referente Master"
        return None

    return RoleCheck("mobile_contracts", fits)


def _titolare_without_admin() -> RoleCheck:
    base = _user("titolare")

    def fits(user: Record, tables: Tables) -> str | None:
        admins = [u for u in tables["users"].values() if u.get("master_of") == user.get("company")]
        return base.fits(user, tables) or ("the company already has an Amministratore" if admins else None)

    return RoleCheck("users", fits)


def _any(section: str) -> RoleCheck:
    return RoleCheck(section, lambda _record, _tables: None)


ROLES: dict[str, RoleCheck] = {
    "employee": _user("utilizzatore", line=True),
    "ceased_contract_employee": _user("utilizzatore", contract="cessato"),
    "rappresentante_legale": _user("rappresentante_legale", line=True),
    "referente_master": _user("referente_master", line=True),
    "referente_aggiuntivo": _user("referente_aggiuntivo", line=True),
    "inventory_referent": _user("referente_aggiuntivo"),
    "utilizzatore": _user("utilizzatore", line=True),
    "employee_without_mobile": _user("referente_aggiuntivo", line=False),
    "nominee": _user("utilizzatore"),
    "holding_referent": _user("holding"),
    "titolare": _user("titolare"),
    "amministratore": _user("amministratore"),
    "utente_standard": _user("utente_standard"),
    "titolare_without_amministratore": _titolare_without_admin(),
    "fixed_nominee": _user("utilizzatore"),
    "other_company_user": _any("users"),
    "contract_with_master": _contract(with_master=True),
    "contract_without_master": _contract(with_master=False),
    "active_line": _with("lines", "status", "attivo"),
    "ceased_line": _with("lines", "status", "cessato"),
    "frozen_line": _with("lines", "status", "congelato"),
    "colleague_line": _any("lines"),
    "group_line": _any("lines"),
    "other_company_line": _any("lines"),
    "other_company_invoice": _any("invoices"),
    "company_invoice": _any("invoices"),
    "fonia_line": _with("fixed_lines", "kind", "fonia"),
    "fonia_dati_line": _with("fixed_lines", "kind", "fonia_dati"),
    "rete_intelligente_line": _with("fixed_lines", "kind", "rete_intelligente"),
    "active_fixed_service": _with("fixed_services", "status", "attivo"),
    "ceased_fixed_service": _with("fixed_services", "status", "cessato"),
}
