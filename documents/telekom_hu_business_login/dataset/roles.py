"""What each role promises about its members: a scenario that picks `temp_user` trusts it to have a
temporary password in a company with SMS codes on. Each check returns the promises a member breaks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .records import GRANTABLE

Record = dict[str, Any]


class Tables:
    """The data set's sections by id, and the facts roles are judged by."""

    def __init__(self, companies: dict[Any, Record], users: dict[Any, Record], numbers: dict[Any, Record]):
        self.companies, self.users, self.numbers = companies, users, numbers
        self.admins = {u.get("company") for u in users.values() if u.get("admin") is True}

    def sms_on(self, record: Record) -> bool:
        return self.companies.get(record.get("company"), {}).get("sms_codes") is True


def _user(
    *, sms: bool, temporary: bool = False, fiok: str = "complete", admin: bool = False
) -> Callable[[Record, Tables], list[str]]:
    def check(u: Record, t: Tables) -> list[str]:
        broken = []
        if (u.get("admin") is True) != admin:
            broken.append("a main admin" if admin else "a business user who is not the main admin")
        if t.sms_on(u) != sms:
            broken.append("a company with SMS codes " + ("on" if sms else "switched off"))
        if (u.get("temporary") is True) != temporary:
            broken.append("a temporary password" if temporary else "a password that is not temporary")
        if u.get("telekom_fiok") != fiok:
            broken.append(f"telekom_fiok {fiok!r}")
        return broken

    return check


def _mobile(n: Record, t: Tables) -> list[str]:
    return ["no function withheld"] if n.get("restricted") else []


def _restricted(n: Record, t: Tables) -> list[str]:
    return (
        [] if n.get("restricted") == ["egyenleg"] else ["only Egyenleg és forgalom withheld (['egyenleg'])"]
    )


def _undeclared(c: Record, t: Tables) -> list[str]:
    return ["no main admin yet"] if c.get("id") in t.admins else []


MEMBER_CHECKS: dict[str, Callable[[Record, Tables], list[str]]] = {
    "main_admin": _user(sms=True, admin=True),
    "business_user": _user(sms=True),
    "temp_user": _user(sms=True, temporary=True),
    "sms_off_user": _user(sms=False),
    "no_fiok_user": _user(sms=True, fiok="none"),
    "incomplete_fiok_user": _user(sms=True, fiok="incomplete"),
    "mobile": _mobile,
    "restricted_number": _restricted,
    "undeclared_company": _undeclared,
}


def pool_problems(role: str, pool: list[Record], t: Tables, admins: list[Record]) -> list[str]:
    """Promises of a pool as a whole."""
    problems = []
    if role == "business_user":
        for permission in GRANTABLE:
            held = [u for u in pool if permission in (u.get("permissions") or [])]
            if not held or len(held) == len(pool):
                need = "granted to a member and withheld from another"
                problems.append(f"accounts.business_user: {permission!r} must be {need}")
    if role == "mobile":
        prefixes = {str(n.get("number", ""))[:2] for n in pool}
        for prefix in ("20", "30", "31", "50", "70"):
            if prefix not in prefixes:
                problems.append(f"accounts.mobile: no number with the {prefix} prefix")
    if role in ("mobile", "restricted_number") and admins:
        company = admins[0].get("company")
        for n in pool:
            if n.get("company") != company:
                problems.append(
                    f"accounts.{role}: {n.get('id')} is not a number of accounts.main_admin's company"
                )
    return problems
