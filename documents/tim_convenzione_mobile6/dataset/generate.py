"""The Convenzione Telefonia Mobile 6 data set (docs/simulator.md, "Data set").

Everything random comes from two sources seeded with ``seed``: a private ``Faker("it_IT")`` instance for
names and places, and ``random.Random(seed)`` for every choice of ours. Nothing reads the global RNG, the
clock or set/dict hash order, so a seed gives byte-identical data on any machine with the same Faker.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

from faker import Faker
from faker.providers.address.it_IT import Provider as _ItalianAddresses

from . import codes

SCHEMA = "portalcert-fixtures/1"
POOL = 8  # members of active_sim and registrant: a whole run registers six times

Record = dict[str, Any]

# Faker's it_IT ``city()`` draws from ``list(set(...))``, whose order follows PYTHONHASHSEED: the same seed
# would give different towns in every process. Draw from a sorted copy of the same names instead.
_PLACES: tuple[str, ...] = tuple(
    sorted({city for cities in _ItalianAddresses.cap_city_province.values() for city, _province in cities})
)


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("it_IT")
        self.fake.seed_instance(seed)  # private instance: never touch Faker's shared/global seed
        self.entities: list[Record] = []
        self.sims: list[Record] = []
        self.users: list[Record] = []
        self.people: list[Record] = []
        self._taken: set[str] = set()  # every code, number, e-mail, username and place handed out
        self._domains: dict[str, str] = {}  # entity id -> e-mail domain

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value.lower() not in self._taken:
                self._taken.add(value.lower())
                return value

    def _place(self) -> str:
        place = self._unique(lambda: self.rng.choice(_PLACES))
        # geonames capitalises particles ("Castel Di Sangro"); Italian writes them in lower case.
        return re.sub(
            r"(?<=\s)(Di|De|Del|Della|Dei|Delle|Dello|Degli|Sul|Sulla|In|Al|Alla|Allo)\b",
            lambda m: m.group(1).lower(),
            place,
        )

    def entity(self, kind: str, short: str, conventions: list[str]) -> Record:
        place = self._place()
        record: Record = {
            "id": f"ent-{len(self.entities) + 1}",
            "name": f"{kind} {place}",
            "codice_fiscale": self._unique(lambda: codes.entity_fiscal_code(self.rng)),
            "partita_iva": self._unique(lambda: codes.vat_number(self.rng)),
            "conventions": conventions,
        }
        words = (codes.ascii_letters(w).lower() for w in f"{short} {place}".split())
        slug = "-".join(w for w in words if w)
        self._domains[record["id"]] = f"{slug}.example.org"  # RFC 2606 domain: mail can never leave
        self.entities.append(record)
        return record

    def sim(self, entity: Record, convention: str | None, status: str) -> Record:
        record: Record = {
            "id": f"sim-{len(self.sims) + 1}",
            "number": self._unique(lambda: codes.mobile_number(self.rng)),
            "entity": entity["id"],
            "convention": convention,
            "status": status,
        }
        self.sims.append(record)
        return record

    def _identity(self, entity: Record, prefix: str, number: int) -> Record:
        female = self.rng.random() < 0.5
        first = self.fake.first_name_female() if female else self.fake.first_name_male()
        last = self.fake.last_name()
        municipality = self.fake.ssn()[11:15]  # a real Belfiore code from Faker's list
        handle = f"{codes.ascii_letters(first)}.{codes.ascii_letters(last)}".lower()
        domain = self._domains[entity["id"]]
        suffixes = iter(["", *map(str, range(2, 100))])
        return {
            "id": f"{prefix}-{number}",
            "first_name": first,
            "last_name": last,
            "personal_fiscal_code": self._unique(
                lambda: codes.personal_fiscal_code(
                    self.rng, first, last, female=female, municipality=municipality
                )
            ),
            "email": self._unique(lambda: f"{handle}{next(suffixes)}@{domain}"),
            "contact_mobile": self._unique(lambda: codes.mobile_number(self.rng)),
        }

    def person(self, entity: Record) -> Record:
        """Somebody working for ``entity`` who is not registered yet (people[] carry no entity field)."""
        record = self._identity(entity, "per", len(self.people) + 1)
        self.people.append(record)
        return record

    def user(self, sim: Record, *, origin: str, temporary: bool = False) -> Record:
        entity = next(e for e in self.entities if e["id"] == sim["entity"])
        identity = self._identity(entity, "usr", len(self.users) + 1)
        record: Record = {
            "id": identity.pop("id"),
            "username": self._unique(lambda: self._username(identity)),
            "password": codes.password(self.rng),
            "password_is_temporary": temporary,
            **identity,
            "business_sim": sim["id"],
            "origin": origin,
        }
        self.users.append(record)
        return record

    def _username(self, identity: Record) -> str:
        # Like people pick them: initial + surname + digits, always within the portal's 6-16 alphanumerics.
        base = codes.ascii_letters(identity["first_name"][:1] + identity["last_name"]).lower()[:12]
        digits = self.rng.randint(10, 9999)
        return f"{base}{digits}".ljust(6, "0")


def generate(seed: int) -> dict[str, Any]:
    """Build the CM6 data set for ``seed``: every role of docs/simulator.md plus some realistic filler."""
    b = _Builder(seed)
    entity = b.entity("Comune di", "comune", ["CM6"])
    other_entity = b.entity("Azienda Sanitaria Locale di", "asl", ["CM6"])
    outside_entity = b.entity("Istituto Comprensivo Statale di", "ic", [])
    cm5_only = b.entity("Comune di", "comune", ["CM5"])  # stayed on Convenzione 5: its lines are not in CM6
    extra_entity = b.entity("Consorzio di Bonifica di", "bonifica", ["CM6"])

    # Role SIMs of `entity`, with a few unassigned lines in between like a real inventory.
    active_sim = b.sim(entity, "CM6", "active")
    declared_sim = b.sim(entity, "CM6", "declared")
    b.sim(entity, "CM6", "active")
    ceased_sim = b.sim(entity, "CM6", "ceased")
    registered_sim = b.sim(entity, "CM6", "active")
    temp_sim = b.sim(entity, "CM6", "active")
    ceased_user_sim = b.sim(entity, "CM6", "ceased")
    cm5_user_sim = b.sim(entity, "CM6", "active")  # migrated from Convenzione 5, now active in CM6
    b.sim(entity, "CM6", "declared")

    other_entity_sim = b.sim(other_entity, "CM6", "active")
    other_user_sim = b.sim(other_entity, "CM6", "active")
    b.sim(other_entity, "CM6", "ceased")
    non_convention_sim = b.sim(outside_entity, None, "active")
    b.sim(outside_entity, None, "active")
    cm5_outside_sim = b.sim(cm5_only, "CM5", "active")
    b.sim(cm5_only, "CM5", "active")
    extra_user_sim = b.sim(extra_entity, "CM6", "active")
    b.sim(extra_entity, "CM6", "declared")

    user = b.user(registered_sim, origin="CM6")
    temp_user = b.user(temp_sim, origin="CM6", temporary=True)
    ceased_user = b.user(ceased_user_sim, origin="CM6")
    cm5_user = b.user(cm5_user_sim, origin="CM5")
    cm5_user_outside = b.user(cm5_outside_sim, origin="CM5")
    b.user(other_user_sim, origin="CM6")
    b.user(extra_user_sim, origin="CM5")

    registrant = b.person(entity)
    b.person(entity)
    b.person(other_entity)

    # Pools: more members for the roles a run uses up (a registration binds a SIM and its registrant
    # for good, a recovery or a password change leaves the data set's password stale), drawn after
    # everything above so the first member of each role stays what it always was.
    spare = {
        "active_sim": [b.sim(entity, "CM6", "active") for _ in range(POOL - 1)],
        "registrant": [b.person(entity) for _ in range(POOL - 1)],
        "user": [b.user(b.sim(entity, "CM6", "active"), origin="CM6")],
        "temp_user": [b.user(b.sim(entity, "CM6", "active"), origin="CM6", temporary=True)],
    }
    # The security baseline uses up a user too (SEC-06 asks for a new password): drawn last, so every
    # earlier record keeps its id.
    spare["user"] += [b.user(b.sim(entity, "CM6", "active"), origin="CM6") for _ in range(2)]

    accounts: dict[str, Record] = {
        "entity": entity,
        "other_entity": other_entity,
        "outside_entity": outside_entity,
        "active_sim": active_sim,
        "declared_sim": declared_sim,
        "ceased_sim": ceased_sim,
        "other_entity_sim": other_entity_sim,
        "non_convention_sim": non_convention_sim,
        "registered_sim": registered_sim,
        "registrant": registrant,
        "user": user,
        "temp_user": temp_user,
        "ceased_user": ceased_user,
        "cm5_user": cm5_user,
        "cm5_user_outside": cm5_user_outside,
    }
    return {
        "schema": SCHEMA,
        "seed": seed,
        "entities": b.entities,
        "sims": b.sims,
        "users": b.users,
        "people": b.people,
        "accounts": {
            role: [record["id"], *(r["id"] for r in spare[role])] if role in spare else record["id"]
            for role, record in accounts.items()
        },
    }
