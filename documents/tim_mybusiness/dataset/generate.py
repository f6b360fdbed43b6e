"""The myBusiness reference data set, made from a seed.

Randomness comes only from a private ``Faker("it_IT")`` (names) and ``random.Random(seed)`` (numbers,
dates, choices), so a seed gives the same bytes on every machine with the same Faker. The shape is fixed:
a holding group of two companies, a company outside it, a company whose TIM contract has ended, and in
the main company a user of every profile, lines in every tariff status, two sedi and their fixed lines.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta
from typing import Any

from faker import Faker

from . import numbers
from .roles import SECTIONS

SCHEMA = "portalcert-fixtures/1"
Record = dict[str, Any]
TARIFFS = ("TIM Business Smart", "TIM Business Unlimited", "TIM Business Voce")
FIXED_SERVICES = ("Linea Fibra", "Trasferimento di chiamata", "Numero Verde", "Segreteria telefonica")


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isalpha()).lower()


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("it_IT")
        self.fake.seed_instance(seed)
        self.data: dict[str, list[Record]] = {key: [] for key in SECTIONS}
        self._taken: set[str] = set()

    def _unique(self, make: Any) -> str:
        while True:
            value = str(make())
            if value not in self._taken:
                self._taken.add(value)
                return value

    def _add(self, section: str, prefix: str, record: Record) -> Record:
        record = {"id": f"{prefix}-{len(self.data[section]) + 1}", **record}
        self.data[section].append(record)
        return record

    def _day(self, start_year: int, end_year: int) -> date:
        start = date(start_year, 1, 1)
        return start + timedelta(days=self.rng.randrange((date(end_year, 12, 31) - start).days))

    def company(self, contract: str, group: str | None) -> Record:
        name = self._unique(lambda: self.fake.company())
        return self._add(
            "companies",
            "az",
            {
                "name": name,
                "partita_iva": self._unique(lambda: numbers.partita_iva(self.rng)),
                "tim_contract": contract,
                "group": group,
            },
        )

    def contract(self, company: Record) -> Record:
        code = self._unique(lambda: f"888{self.rng.randrange(10**7):07d}")
        return self._add("mobile_contracts", "cm", {"company": company["id"], "code": code})

    def line(self, contract: Record, status: str = "attivo") -> Record:
        activated = self._day(2016, 2022)
        ceased = activated + timedelta(days=self.rng.randrange(200, 900)) if status == "cessato" else None
        return self._add(
            "lines",
            "ln",
            {
                "company": contract["company"],
                "contract": contract["id"],
                "number": self._unique(lambda: numbers.mobile(self.rng)),
                "tariff_profile": self.rng.choice(TARIFFS),
                "status": status,
                "activated_on": activated.isoformat(),
                "ceased_on": ceased.isoformat() if ceased else None,
                "consumption": {
                    "voice_minutes": self.rng.randrange(30, 900),
                    "data_mb": self.rng.randrange(100, 40000),
                    "sms": self.rng.randrange(0, 200),
                },
            },
        )

    def user(self, company: Record, profile: str, line: Record | None = None, **extra: Any) -> Record:
        first, last = self.fake.first_name(), self.fake.last_name()
        username = self._unique(lambda: f"{_ascii(first)[:1]}{_ascii(last)}{self.rng.randrange(10, 99)}")
        domain = _ascii(company["name"])[:12] or "azienda"
        return self._add(
            "users",
            "ut",
            {
                "username": username,
                "password": numbers.password(self.rng),
                "company": company["id"],
                "profile": profile,
                "line": line["id"] if line else None,
                "grants": [],
                "groups": [],
                "master_of": None,
                "first_name": first,
                "last_name": last,
                "email": f"{username}@{domain}.example.org",  # RFC 2606: mail can never leave
                **extra,
            },
        )

    def sede(self, company: Record, name: str) -> Record:
        address = f"{self.fake.street_address()}, {self.fake.postcode()}"
        return self._add("sedi", "sd", {"company": company["id"], "name": name, "address": address})

    def fixed_line(self, sede: Record, kind: str) -> Record:
        make = numbers.toll_free if kind == "rete_intelligente" else numbers.fixed
        number = self._unique(lambda: make(self.rng))
        return self._add(
            "fixed_lines",
            "lf",
            {"company": sede["company"], "sede": sede["id"], "number": number, "kind": kind},
        )

    def service(self, line: Record, name: str, status: str) -> Record:
        record = {"company": line["company"], "line": line["id"], "name": name, "status": status}
        return self._add("fixed_services", "sv", record)

    def invoice(self, company: Record) -> Record:
        issued = self._day(2023, 2024)
        return self._add(
            "invoices",
            "ft",
            {
                "company": company["id"],
                "number": self._unique(lambda: f"8T{self.rng.randrange(10**8):08d}"),
                "issued_on": issued.isoformat(),
                "amount": f"{self.rng.randrange(5000, 500000) / 100:.2f}",
            },
        )


def generate(seed: int) -> dict[str, Any]:
    b = _Builder(seed)
    group = {"id": "gr-1", "name": f"Gruppo {b.fake.last_name()}"}
    b.data["groups"].append(group)
    main = b.company("attivo", group["id"])
    sister = b.company("attivo", group["id"])
    other = b.company("attivo", None)
    ended = b.company("cessato", None)
    with_master, without_master = b.contract(main), b.contract(main)
    sister_contract, other_contract, ended_contract = b.contract(sister), b.contract(other), b.contract(ended)

    def person(company: Record, profile: str, contract: Record | None, **extra: Any) -> Record:
        return b.user(company, profile, b.line(contract) if contract else None, **extra)

    legale = person(main, "rappresentante_legale", with_master)
    master = person(main, "referente_master", with_master, master_of=with_master["id"])
    aggiuntivo = person(main, "referente_aggiuntivo", with_master, grants=["fatture", "servizi_mobili"])
    inventory = person(main, "referente_aggiuntivo", with_master, grants=["consistenze_mobile"])
    end_user = person(main, "utilizzatore", with_master)
    employee = person(main, "utilizzatore", with_master)
    employee["username"] = employee["username"].capitalize()  # registered with a capital letter
    without_mobile = person(main, "referente_aggiuntivo", None, grants=["fatture"])
    nominees = [person(main, "utilizzatore", without_master) for _ in range(3)]
    holding = person(main, "holding", None, groups=[group["id"]])
    titolare = person(main, "titolare", None)
    amministratore = person(main, "amministratore", None, master_of=main["id"])
    standard = person(main, "utente_standard", None)
    person(sister, "rappresentante_legale", sister_contract)
    sister_titolare = person(sister, "titolare", None)
    fixed_nominee = person(sister, "utilizzatore", sister_contract)
    person(other, "rappresentante_legale", other_contract)
    other_user = person(other, "utilizzatore", other_contract)
    ended_user = person(ended, "utilizzatore", ended_contract)
    ceased, frozen = b.line(with_master, "cessato"), b.line(with_master, "congelato")
    sister_line = b.line(sister_contract)

    head_office, branch = b.sede(main, "Sede legale"), b.sede(main, "Filiale")
    fonia_dati = b.fixed_line(head_office, "fonia_dati")
    intelligente = b.fixed_line(head_office, "rete_intelligente")
    fonia = b.fixed_line(branch, "fonia")
    b.fixed_line(b.sede(sister, "Sede legale"), "fonia")
    b.fixed_line(b.sede(other, "Sede legale"), "fonia")
    b.service(fonia_dati, FIXED_SERVICES[0], "attivo")
    active_service = b.service(fonia, FIXED_SERVICES[1], "attivo")
    b.service(intelligente, FIXED_SERVICES[2], "attivo")
    ceased_service = b.service(fonia, FIXED_SERVICES[3], "cessato")
    main_invoice = b.invoice(main)
    b.invoice(main)
    b.invoice(sister)
    other_invoice = b.invoice(other)

    accounts = {
        "rappresentante_legale": legale["id"],
        "referente_master": master["id"],
        "referente_aggiuntivo": aggiuntivo["id"],
        "inventory_referent": inventory["id"],
        "utilizzatore": end_user["id"],
        "employee": employee["id"],
        "employee_without_mobile": without_mobile["id"],
        "nominee": [n["id"] for n in nominees],
        "holding_referent": holding["id"],
        "titolare": titolare["id"],
        "amministratore": amministratore["id"],
        "utente_standard": standard["id"],
        "titolare_without_amministratore": sister_titolare["id"],
        "fixed_nominee": [fixed_nominee["id"]],
        "ceased_contract_employee": ended_user["id"],
        "other_company_user": other_user["id"],
        "contract_with_master": with_master["id"],
        "contract_without_master": without_master["id"],
        "active_line": end_user["line"],
        "ceased_line": ceased["id"],
        "frozen_line": frozen["id"],
        "colleague_line": aggiuntivo["line"],
        "group_line": [legale["line"], sister_line["id"]],
        "other_company_line": other_user["line"],
        "other_company_invoice": other_invoice["id"],
        "company_invoice": main_invoice["id"],
        "fonia_line": fonia["id"],
        "fonia_dati_line": fonia_dati["id"],
        "rete_intelligente_line": intelligente["id"],
        "active_fixed_service": active_service["id"],
        "ceased_fixed_service": ceased_service["id"],
    }
    return {"schema": SCHEMA, "seed": seed, **b.data, "accounts": accounts}
