"""validate() reports each kind of corruption, by name, on an otherwise good data set."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

import pytest

from documents.tim_convenzione_mobile6.dataset import generate, validate
from documents.tim_convenzione_mobile6.dataset.codes import vat_number
from documents.tim_convenzione_mobile6.dataset.roles import ROLE_SECTIONS

Data = dict[str, Any]
GOOD = generate(6)


def record(data: Data, role: str) -> dict[str, Any]:
    section = ROLE_SECTIONS[role]
    return next(r for r in data[section] if r["id"] == data["accounts"][role])


def set_field(role: str, key: str, value: Any) -> Callable[[Data], None]:
    def mutate(data: Data) -> None:
        record(data, role)[key] = value

    return mutate


def copy_field(src_role: str, dst_role: str, key: str, dst_key: str | None = None) -> Callable[[Data], None]:
    def mutate(data: Data) -> None:
        record(data, dst_role)[dst_key or key] = record(data, src_role)[key]

    return mutate


def delete_role(role: str) -> Callable[[Data], None]:
    def mutate(data: Data) -> None:
        del data["accounts"][role]

    return mutate


def both(first: Callable[[Data], None], second: Callable[[Data], None]) -> Callable[[Data], None]:
    def mutate(data: Data) -> None:
        first(data)
        second(data)

    return mutate


def bad_check_digit(value: str) -> str:
    last = value[-1]
    if last.isdigit():
        return value[:-1] + str((int(last) + 1) % 10)
    return value[:-1] + ("A" if last != "A" else "B")


CORRUPTIONS: list[tuple[str, Callable[[Data], None], str]] = [
    ("schema", lambda d: d.update(schema="other/1"), "schema is 'other/1'"),
    (
        "entity cf check digit",
        lambda d: record(d, "entity").update(
            codice_fiscale=bad_check_digit(record(d, "entity")["codice_fiscale"])
        ),
        "codice_fiscale",
    ),
    # a checksum-valid company code starting with 0 is not a public administration's codice fiscale
    (
        "entity cf starting with 0",
        set_field("entity", "codice_fiscale", vat_number(random.Random(1))),
        "not a valid 11-digit code starting with 8 or 9",
    ),
    (
        "partita iva",
        lambda d: record(d, "entity").update(partita_iva=bad_check_digit(record(d, "entity")["partita_iva"])),
        "is not a valid partita IVA",
    ),
    (
        "cf equals piva",
        copy_field("entity", "entity", "partita_iva", "codice_fiscale"),
        "codice_fiscale equals partita_iva",
    ),
    (
        "personal cf",
        lambda d: record(d, "user").update(
            personal_fiscal_code=bad_check_digit(record(d, "user")["personal_fiscal_code"])
        ),
        "personal_fiscal_code",
    ),
    ("fixed-line sim", set_field("active_sim", "number", "0612345678"), "is not a 10-digit Italian mobile"),
    ("short mobile", set_field("registrant", "contact_mobile", "347123456"), "contact_mobile '347123456'"),
    ("bad email", set_field("registrant", "email", "not-an-address"), "email 'not-an-address'"),
    ("username too long", set_field("user", "username", "a" * 17), "is not 6-16 ASCII"),
    ("username with symbol", set_field("user", "username", "mario_rossi"), "is not 6-16 ASCII"),
    ("password without digit", set_field("user", "password", "abcdefghij"), "password is not 10"),
    ("dangling sim entity", set_field("active_sim", "entity", "ent-404"), "entity 'ent-404' does not exist"),
    (
        "dangling business sim",
        set_field("temp_user", "business_sim", "sim-404"),
        "business_sim 'sim-404' does not exist",
    ),
    ("dangling role", lambda d: d["accounts"].update(user="usr-404"), "role user: 'usr-404' is not an id"),
    (
        "role in wrong section",
        lambda d: d["accounts"].update(registrant=d["accounts"]["user"]),
        "role registrant",
    ),
    ("unknown status", set_field("declared_sim", "status", "suspended"), "status 'suspended' is not one of"),
    (
        "sim convention not held by entity",
        set_field("non_convention_sim", "convention", "CM6"),
        "is not among",
    ),
    ("duplicate sim number", copy_field("active_sim", "declared_sim", "number"), "duplicate phone number"),
    (
        "contact mobile equals a sim",
        copy_field("active_sim", "user", "number", "contact_mobile"),
        "duplicate phone number",
    ),
    (
        "duplicate email (case)",
        lambda d: record(d, "user").update(email=record(d, "registrant")["email"].upper()),
        "duplicate e-mail",
    ),
    ("duplicate username", copy_field("user", "temp_user", "username"), "duplicate username"),
    (
        "duplicate fiscal code",
        copy_field("registrant", "user", "personal_fiscal_code"),
        "duplicate fiscal code",
    ),
    (
        "entity cf is other's piva",
        lambda d: record(d, "entity").update(codice_fiscale=record(d, "other_entity")["codice_fiscale"]),
        "duplicate fiscal code",
    ),
    ("duplicate id", lambda d: d["people"].append(dict(record(d, "registrant"))), "duplicate id 'per-1'"),
    ("two users on one sim", copy_field("user", "temp_user", "business_sim"), "held by 2 users"),
]

ROLE_BREAKS: list[tuple[str, Callable[[Data], None], str]] = [
    *[(f"missing {role}", delete_role(role), f"role {role} is missing") for role in ROLE_SECTIONS],
    ("entity without CM6", set_field("entity", "conventions", []), "role entity: must have a CM6 contract"),
    (
        "outside entity in CM6",
        set_field("outside_entity", "conventions", ["CM6"]),
        "role outside_entity: must not have a CM6 contract",
    ),
    (
        "same entity twice",
        lambda d: d["accounts"].update(other_entity=d["accounts"]["entity"]),
        "three different entities",
    ),
    ("active sim not active", set_field("active_sim", "status", "declared"), "role active_sim: status"),
    ("ceased sim active", set_field("ceased_sim", "status", "active"), "role ceased_sim: status"),
    (
        "other entity sim owned by entity",
        copy_field("active_sim", "other_entity_sim", "entity"),
        "role other_entity_sim: sim",
    ),
    (
        "non convention sim in CM5",
        both(
            set_field("outside_entity", "conventions", ["CM5"]),
            set_field("non_convention_sim", "convention", "CM5"),
        ),
        "role non_convention_sim: convention",
    ),
    (
        "registered sim not user's",
        lambda d: d["accounts"].update(registered_sim=d["accounts"]["active_sim"]),
        "must be the business_sim of role user",
    ),
    (
        "user on active_sim",
        lambda d: record(d, "ceased_user").update(business_sim=d["accounts"]["active_sim"]),
        "role active_sim: sim",
    ),
    ("user temporary", set_field("user", "password_is_temporary", True), "role user: password_is_temporary"),
    (
        "temp user permanent",
        set_field("temp_user", "password_is_temporary", False),
        "role temp_user: password_is_temporary",
    ),
    (
        "ceased user's sim active",
        lambda d: next(s for s in d["sims"] if s["id"] == record(d, "ceased_user")["business_sim"]).update(
            status="active"
        ),
        "role ceased_user: business SIM status",
    ),
    ("cm5 user origin", set_field("cm5_user", "origin", "CM6"), "role cm5_user: origin"),
    (
        "cm5 outside user in CM6",
        lambda d: record(d, "cm5_user_outside").update(business_sim=d["accounts"]["ceased_sim"]),
        "role cm5_user_outside: business SIM convention",
    ),
]


@pytest.mark.parametrize(
    ("name", "mutate", "expected"), [pytest.param(*case, id=case[0]) for case in CORRUPTIONS + ROLE_BREAKS]
)
def test_reports_corruption(name: str, mutate: Callable[[Data], None], expected: str) -> None:
    data = copy.deepcopy(GOOD)
    mutate(data)
    problems = validate(data)
    assert any(expected in p for p in problems), f"{name}: {expected!r} not in {problems}"


def test_good_data_has_no_problems() -> None:
    assert validate(copy.deepcopy(GOOD)) == []


def test_garbage_does_not_crash() -> None:
    problems = validate({"entities": "nope", "accounts": []})
    assert "entities is missing or not a list of objects" in problems
    assert "accounts is missing or not an object" in problems
