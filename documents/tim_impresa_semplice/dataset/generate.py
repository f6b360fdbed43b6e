"""The TIM Impresa Semplice reference data set, deterministic for a seed.

Everything random comes from a private ``Faker("it_IT")`` seeded with ``seed`` (names, companies,
partite IVA and codici fiscali, valid under python-stdnum) and ``random.Random(seed)`` (numbers, choices).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from faker import Faker
from stdnum.it import codicefiscale, iva

from . import codes

SCHEMA = "portalcert-tis/1"
Record = dict[str, Any]
PROFILES = ("full", "light", "user")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("it_IT")
        self.fake.seed_instance(seed)  # private instance: never Faker's shared seed
        self.data: Record = {
            "schema": SCHEMA,
            "companies": [],
            "contracts": [],
            "lines": [],
            "referenti": [],
            "employees": [],
        }
        self._taken: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value.lower() not in self._taken:
                self._taken.add(value.lower())
                return value

    def _vat(self) -> str:
        def make() -> str:
            while True:
                vat = str(self.fake.company_vat()).removeprefix("IT")
                if iva.is_valid(vat):
                    return vat

        return self._unique(make)

    def _fiscal_code(self) -> str:
        def make() -> str:
            while True:
                code = str(self.fake.ssn())
                if codicefiscale.is_valid(code):
                    return code

        return self._unique(make)

    def _person(self, domain: str, *, mobile: bool) -> Record:
        first, last = self.fake.first_name(), self.fake.last_name()
        email = self._unique(lambda: f"{_slug(first)}.{_slug(last)}{self.rng.randrange(100)}@{domain}")
        number = self._unique(lambda: codes.mobile_number(self.rng)) if mobile else None
        return {"first_name": first, "last_name": last, "email": email, "mobile": number}

    def company(self, n: int, *, registered: bool, active: bool, mobile: bool = True) -> Record:
        name = self._unique(lambda: str(self.fake.company()))
        domain = f"{_slug(name)}.example.org"
        rl = self._person(domain, mobile=mobile)
        rl["codice_fiscale"] = self._fiscal_code()
        if registered:  # TIM chose the contractual e-mail address as the username
            rl["username"] = rl["email"]
        if active:
            rl["password"] = codes.password(self.rng)
        company = {
            "id": f"company-{n:02d}",
            "name": name,
            "partita_iva": self._vat(),
            "domain": domain,
            "legal_representative": rl,
            "registered": registered,
        }
        self.data["companies"].append(company)
        return company

    def contract(self, company: Record, segment: str, mobiles: int = 0, fixed: int = 0) -> Record:
        contract = {"id": f"contract-{len(self.data['contracts']) + 1:02d}", "company": company["id"]}
        contract["segment"] = segment
        self.data["contracts"].append(contract)
        for _ in range(mobiles):
            self._line(contract, "mobile", lambda: codes.mobile_number(self.rng))
        for _ in range(fixed):
            self._line(contract, "fixed", lambda: codes.fixed_number(self.rng))
        return contract

    def _line(self, contract: Record, kind: str, make: Callable[[], str]) -> Record:
        line = {"id": f"line-{len(self.data['lines']) + 1:02d}", "contract": contract["id"]}
        line.update(number=self._unique(make), kind=kind)
        self.data["lines"].append(line)
        return line

    def referente(self, line: Record, domain: str) -> Record:
        person = self._person(domain, mobile=False)
        referente = {
            "id": f"referente-{len(self.data['referenti']) + 1:02d}",
            "line": line["id"],
            "first_name": person["first_name"],
            "last_name": person["last_name"],
            "email": person["email"],
            "profile": self.rng.choice(PROFILES),
        }
        self.data["referenti"].append(referente)
        return referente

    def employee(self, domain: str, *, mobile: bool) -> Record:
        employee = {
            "id": f"employee-{len(self.data['employees']) + 1:02d}",
            **self._person(domain, mobile=mobile),
        }
        self.data["employees"].append(employee)
        return employee


def generate(seed: int) -> dict[str, Any]:
    b = _Builder(seed)
    roles: dict[str, list[str]] = {}

    def add(role: str, record_id: str) -> None:
        roles.setdefault(role, []).append(record_id)

    n = 0
    # Companies whose Rappresentante Legale has an Area Clienti (active), with lines to register.
    for _ in range(2):
        n += 1
        company = b.company(n, registered=True, active=True)
        add("legal_representative", company["id"])
        first = b.contract(company, "Mobile", mobiles=3)
        b.contract(company, "Mobile", mobiles=2)
        b.contract(company, "Fisso", fixed=1)
        lines = [line for line in b.data["lines"] if line["contract"] == first["id"]]
        referente_line = lines[0]
        b.referente(referente_line, company["domain"])
        add("referente_line", referente_line["id"])
        for line in b.data["lines"]:
            contract = next(k for k in b.data["contracts"] if k["id"] == line["contract"])
            if (
                contract["company"] == company["id"]
                and line["kind"] == "mobile"
                and line is not referente_line
            ):
                add("free_line", line["id"])
    for role, count, registered, active, mobile in (
        ("new_company", 3, False, False, True),
        ("pending_legal_representative", 5, True, False, True),
        ("pending_legal_representative_without_mobile", 2, True, False, False),
        ("recovering_legal_representative", 2, True, True, True),
    ):
        for _ in range(count):
            n += 1
            company = b.company(n, registered=registered, active=active, mobile=mobile)
            b.contract(company, b.rng.choice(("Fisso", "Mobile")), mobiles=1)
            add(role, company["id"])
    for role, count, mobile in (("employee", 14, True), ("employee_without_mobile", 2, False)):
        for _ in range(count):
            add(role, b.employee("dipendenti.example.org", mobile=mobile)["id"])
    b.data["accounts"] = roles
    return b.data
