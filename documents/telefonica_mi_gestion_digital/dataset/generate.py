"""The Mi Gestión Digital data set: companies by segment and products, their lines, interlocutors, users.

Everything random comes from two sources seeded with ``seed``: a private ``Faker("es_ES")`` instance for
names and fiscal ids, and ``random.Random(seed)`` for every choice of ours, so a seed gives
byte-identical data on any machine with the same Faker.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from typing import Any

from faker import Faker

from . import codes

SCHEMA = "portalcert-fixtures/1"
# Members of the roles a whole run uses up: 11 registrations complete, 7 password changes and 3
# recoveries happen, 2 Grandes Clientes requests are sent; one more of each for a margin.
POOLS = {"registrant_fixed_mobile": 12, "registrant_large": 3, "temp_user": 8, "user": 4}
Record = dict[str, Any]


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("es_ES")
        self.fake.seed_instance(seed)  # private instance: never touch Faker's shared seed
        self.companies: list[Record] = []
        self.lines: list[Record] = []
        self.interlocutors: list[Record] = []
        self.users: list[Record] = []
        self.phones: list[Record] = []
        self._taken: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value.lower() not in self._taken:
                self._taken.add(value.lower())
                return value

    def company(self, segment: str, kind: str, *, fixed: int, mobile: int) -> Record:
        if kind == "CIF":
            name = self.fake.company()
            fiscal_id = self._unique(lambda: codes.company_cif(self.rng))
        else:  # a sole trader (autónomo) is identified by the NIF of the person
            name = f"{self.fake.first_name()} {self.fake.last_name()} {self.fake.last_name()}"
            fiscal_id = self._unique(lambda: codes.person_nif(self.rng))
        record: Record = {
            "id": f"emp-{len(self.companies) + 1}",
            "name": name,
            "segment": segment,
            "fiscal_id": fiscal_id,
            "fiscal_id_kind": kind,
            "fixed_account": self._unique(lambda: codes.spanish_iban(self.rng)) if fixed else None,
            "mobile_account": self._unique(lambda: codes.spanish_iban(self.rng)) if mobile else None,
        }
        self.companies.append(record)
        for _ in range(fixed):
            self._line(record, "fixed", codes.spanish_fixed)
        for _ in range(mobile):
            self._line(record, "mobile", codes.spanish_mobile)
        return record

    def _line(self, company: Record, kind: str, make: Callable[[random.Random], str]) -> None:
        number = self._unique(lambda: make(self.rng))
        self.lines.append(
            {"id": f"lin-{len(self.lines) + 1}", "number": number, "company": company["id"], "kind": kind}
        )

    def interlocutor(self, company: Record) -> Record:
        first, last = self.fake.first_name(), self.fake.last_name()
        domain = f"{_ascii(company['name'].split()[0])}{company['id'][4:]}.example.es"
        suffixes = iter(["", *map(str, range(2, 100))])
        record: Record = {
            "id": f"int-{len(self.interlocutors) + 1}",
            "company": company["id"],
            "first_name": first,
            "last_name": last,
            "email": self._unique(lambda: f"{_ascii(first)}.{_ascii(last)}{next(suffixes)}@{domain}"),
        }
        self.interlocutors.append(record)
        return record

    def user(self, company: Record, *, temporary: bool) -> Record:
        """A registered interlocutor: signs in with the e-mail; codes by SMS go to `mobile`."""
        person = self.interlocutor(company)
        record: Record = {
            "id": f"usr-{len(self.users) + 1}",
            "interlocutor": person["id"],
            "email": person["email"],
            "password": codes.password(self.rng),
            "password_is_temporary": temporary,
            "mobile": self._unique(lambda: codes.spanish_mobile(self.rng)),
        }
        self.users.append(record)
        return record

    def phone(self, kind: str, make: Callable[[random.Random], str]) -> Record:
        record = {
            "id": f"tel-{len(self.phones) + 1}",
            "number": self._unique(lambda: make(self.rng)),
            "kind": kind,
        }
        self.phones.append(record)
        return record


def generate(seed: int) -> dict[str, Any]:
    """Build the data set for ``seed``: every role of ``roles.ROLE_SECTIONS`` plus a little filler."""
    b = _Builder(seed)
    fixed_mobile = b.company("mediana_empresa", "CIF", fixed=2, mobile=3)
    fixed_only = b.company("pequena_empresa", "NIF", fixed=2, mobile=0)
    mobile_only = b.company("pequena_empresa", "CIF", fixed=0, mobile=2)
    large = b.company("grandes_clientes", "CIF", fixed=3, mobile=4)
    other = b.company("mediana_empresa", "CIF", fixed=1, mobile=1)
    # Pools for the roles a run uses up: a registration binds its interlocutor for good, a password
    # changed or recovered leaves the data set's one stale (see POOLS).
    registrants = {
        role: [b.interlocutor(company)["id"] for _ in range(POOLS.get(role, 1))]
        for role, company in (
            ("registrant_fixed_mobile", fixed_mobile),
            ("registrant_fixed_only", fixed_only),
            ("registrant_mobile_only", mobile_only),
            ("registrant_large", large),
            ("registrant_other", other),
        )
    }
    users = {
        role: [b.user(fixed_mobile, temporary=role == "temp_user")["id"] for _ in range(POOLS[role])]
        for role in ("user", "temp_user")
    }
    accounts: dict[str, Any] = {
        "company_fixed_mobile": fixed_mobile["id"],
        "company_fixed_only": fixed_only["id"],
        "company_mobile_only": mobile_only["id"],
        "company_large": large["id"],
        "other_company": other["id"],
        **{role: ids if len(ids) > 1 else ids[0] for role, ids in {**registrants, **users}.items()},
        "spanish_mobile": b.phone("mobile", codes.spanish_mobile)["id"],
        "spanish_fixed": b.phone("fixed", codes.spanish_fixed)["id"],
        "foreign_mobile": b.phone("mobile", codes.french_mobile)["id"],
    }
    return {
        "schema": SCHEMA,
        "seed": seed,
        "companies": b.companies,
        "lines": b.lines,
        "interlocutors": b.interlocutors,
        "users": b.users,
        "phones": b.phones,
        "accounts": accounts,
    }
