"""A deterministic reference data set: Faker hu_HU names; adószám and mobiles checked with python-stdnum."""

from __future__ import annotations

import random
import unicodedata
from typing import Any

from faker import Faker

from . import codes

SCHEMA = "portalcert-fixtures/1"

# (role, username stem, permissions of each member, temporary, telekom_fiok)
_USERS: tuple[tuple[str, str, list[list[str]], bool, str], ...] = (
    (
        "business_user",
        "ugyintezo",
        [["szamlak", "rendelesek"], ["elofizetesek"], ["szamlak", "elofizetesek"], ["rendelesek"]],
        False,
        "complete",
    ),
    ("temp_user", "uj", [["szamlak"], ["szamlak"]], True, "complete"),
    ("no_fiok_user", "beszerzo", [["szamlak"], ["elofizetesek"]], False, "none"),
    ("incomplete_fiok_user", "konyvelo", [["rendelesek"], ["szamlak"]], False, "incomplete"),
)


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("hu_HU")
        self.fake.seed_instance(seed)
        self.used_numbers: set[str] = set()

    def number(self, prefix: str) -> str:
        while True:
            number = codes.mobile(self.rng, prefix)
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                return number

    def password(self) -> str:
        letters = "".join(self.rng.choice("abcdefghijkmnpqrstuvwxyz") for _ in range(6))
        return f"{letters.capitalize()}{self.rng.randrange(100, 1000)}"

    def company(self, index: int, *, sms_codes: bool) -> dict[str, Any]:
        name = self.fake.unique.company()
        slug = f"{_ascii(name.split()[0])[:20]}{index}"
        return {
            "id": f"company-{index}",
            "name": name,
            "slug": slug,
            "tax_number": codes.tax_number(self.rng),
            "email": f"info@{slug}.example",
            "sms_codes": sms_codes,
        }

    def user(self, company: dict[str, Any], username: str, **facts: Any) -> dict[str, Any]:
        name = f"{self.fake.last_name()} {self.fake.first_name()}"
        return {
            "id": f"user-{company['slug']}-{username}",
            "company": company["id"],
            "login": f"{username}@{company['slug']}",
            "name": name,
            "password": self.password(),
            "email": f"{_ascii(name)[:24]}.{username}@{company['slug']}.example",
            "mobile": self.number(self.rng.choice(codes.MOBILE_PREFIXES)),
            **facts,
        }


def generate(seed: int) -> dict[str, Any]:
    """The same data set for the same seed: companies with SMS codes on and off and without a main admin,
    main admins, users with and without temporary passwords and permissions, numbers with restrictions."""
    make = _Maker(seed)
    main = make.company(1, sms_codes=True)
    sms_off = make.company(2, sms_codes=False)
    undeclared = [make.company(3, sms_codes=True), make.company(4, sms_codes=True)]
    plain = {"temporary": False, "admin": False, "telekom_fiok": "complete"}
    admin = make.user(main, "admin", **{**plain, "admin": True, "permissions": []})
    users = [admin]
    accounts: dict[str, Any] = {"main_admin": admin["id"]}
    for role, stem, permissions, temporary, fiok in _USERS:
        members = []
        for index, granted in enumerate(permissions, 1):
            username = f"{stem}{index}"
            facts = {**plain, "temporary": temporary, "telekom_fiok": fiok, "permissions": granted}
            members.append(make.user(main, username, **facts))
        users += members
        accounts[role] = [m["id"] for m in members]
    off_admin = make.user(sms_off, "admin", **{**plain, "admin": True, "permissions": []})
    off_user = make.user(sms_off, "penzugy", **{**plain, "permissions": ["szamlak"]})
    users += [off_admin, off_user]
    accounts["sms_off_user"] = off_user["id"]
    numbers = []
    for index, prefix in enumerate(codes.MOBILE_PREFIXES * 2, 1):
        numbers.append(_number(make, main, index, prefix, []))
    restricted = [_number(make, main, 20 + index, "30", ["egyenleg"]) for index in (1, 2)]
    numbers += [*restricted, _number(make, sms_off, 30, "30", [])]
    accounts["mobile"] = [n["id"] for n in numbers[:10]]
    accounts["restricted_number"] = [n["id"] for n in restricted]
    accounts["undeclared_company"] = [c["id"] for c in undeclared]
    return {
        "schema": SCHEMA,
        "seed": seed,
        "companies": [main, sms_off, *undeclared],
        "users": users,
        "numbers": numbers,
        "accounts": accounts,
    }


def _number(
    make: _Maker, company: dict[str, Any], index: int, prefix: str, restricted: list[str]
) -> dict[str, Any]:
    return {
        "id": f"number-{index}",
        "company": company["id"],
        "number": make.number(prefix),
        "holder": make.fake.name(),
        "restricted": restricted,
    }
