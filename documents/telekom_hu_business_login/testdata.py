"""Test accounts by business role: companies, business users and mobile numbers.

Scenarios never name concrete data; they say "a business user without the Számlák permission" and the
data set's `accounts` says which records play that part (one id, or a pool). Each scenario leases one
member per role it uses (:meth:`TestData.leased`), and one it used up is never used again.
"""

from __future__ import annotations

from dataclasses import dataclass

from portalcert.role_pools import Record, RolePools


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    slug: str  # the <cégnév> of its login ids
    email: str


@dataclass(frozen=True)
class User:
    id: str
    company: Company
    login: str
    password: str
    name: str
    email: str
    mobile: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class Number:
    id: str
    company: Company
    number: str  # 9 digits, with the prefix


class TestData(RolePools):
    """A data set (schema portalcert-fixtures/1) with typed access by role."""

    SECTIONS = ("companies", "users", "numbers")

    def company(self, role: str) -> Company:
        return self._company(self._distinct_member(role)["id"])

    def _company(self, company_id: str) -> Company:
        r = self._by_id.get(company_id, {})
        return Company(company_id, str(r.get("name", "")), str(r.get("slug", "")), str(r.get("email", "")))

    def user(self, role: str, *, holding: str = "", lacking: str = "") -> User:
        def fits(r: Record) -> bool:
            granted = r.get("permissions") or []
            return (not holding or holding in granted) and (not lacking or lacking not in granted)

        need = f"a member with {holding!r}" if holding else f"a member without {lacking!r}" if lacking else ""
        r = self._distinct_member(role, fits if need else None, need)
        return User(
            r["id"],
            self._company(r["company"]),
            r["login"],
            r["password"],
            r.get("name", ""),
            r.get("email", ""),
            r.get("mobile", ""),
            tuple(r.get("permissions") or ()),
        )

    def number(self, role: str, *, prefix: str = "") -> Number:
        need = f"a number with the {prefix} prefix" if prefix else ""
        r = self._distinct_member(
            role, (lambda n: str(n.get("number", "")).startswith(prefix)) if prefix else None, need
        )
        return Number(r["id"], self._company(r["company"]), r["number"])
