"""validate() reports each kind of corruption, by name, on an otherwise good data set."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from documents.tim_convenzione_mobile6.dataset import generate, validate
from documents.tim_convenzione_mobile6.dataset.roles import ROLE_SECTIONS, members

Data = dict[str, Any]
GOOD = generate(6)


def record(data: Data, role: str) -> dict[str, Any]:
    """The role's (first) member."""
    section = ROLE_SECTIONS[role]
    return next(r for r in data[section] if r["id"] == members(data["accounts"][role])[0])


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
        "is not a valid codice fiscale",
    ),
    (
        "partita iva",
        lambda d: record(d, "entity").update(partita_iva=bad_check_digit(record(d, "entity")["partita_iva"])),
        "is not a valid partita IVA",
    ),
    (
        "personal cf",
        lambda d: record(d, "user").update(
            personal_fiscal_code=bad_check_digit(record(d, "user")["personal_fiscal_code"])
        ),
        "personal_fiscal_code",
    ),
    ("fixed-line sim", set_field("active_sim", "number", "0612345678"), "is not an Italian mobile"),
    ("short mobile", set_field("registrant", "contact_mobile", "347123456"), "contact_mobile '347123456'"),
    ("bad email", set_field("registrant", "email", "not-an-address"), "email 'not-an-address'"),
    ("empty username", set_field("user", "username", ""), "username is missing or empty"),
    ("no password", set_field("user", "password", None), "password is missing or empty"),
    ("dangling sim entity", set_field("active_sim", "entity", "ent-404"), "entity 'ent-404' does not exist"),
    (
        "dangling business sim",
        set_field("temp_user", "business_sim", "sim-404"),
        "business_sim 'sim-404' does not exist",
    ),
    (
        "dangling role",
        lambda d: d["accounts"].update(user="usr-404"),
        "accounts.user = usr-404: 'usr-404' is not",
    ),
    (
        "role in wrong section",
        lambda d: d["accounts"].update(registrant="usr-1"),
        "accounts.registrant = usr-1: 'usr-1' is not an id in people",
    ),
    ("unknown role", lambda d: d["accounts"].update(activ_sim="sim-1"), "accounts.activ_sim: not a role"),
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
        "registrant is the user",
        copy_field("user", "registrant", "personal_fiscal_code"),
        "personal_fiscal_code is also a user's, but CM6-27, CM6-28, SEC-06 need a codice fiscale",
    ),
    (
        "entity cf is other's piva",
        lambda d: record(d, "entity").update(codice_fiscale=record(d, "other_entity")["partita_iva"]),
        "duplicate entity identifier",
    ),
    ("duplicate id", lambda d: d["people"].append(dict(record(d, "registrant"))), "duplicate id 'per-1'"),
    ("two users on one sim", copy_field("user", "temp_user", "business_sim"), "duplicate business SIM"),
    (
        "sent at without zone",
        set_field("temp_user", "temporary_password_sent_at", "2026-03-02T09:30:00"),
        "temporary_password_sent_at '2026-03-02T09:30:00' is not an ISO 8601 time with a zone",
    ),
]

ROLE_BREAKS: list[tuple[str, Callable[[Data], None], str]] = [
    *[(f"missing {role}", delete_role(role), f"role {role} is missing") for role in ROLE_SECTIONS],
    (
        "entity without CM6",
        set_field("entity", "conventions", []),
        "accounts.entity = ent-1: conventions [], but CM6-05, CM6-08",
    ),
    (
        "outside entity in CM6",
        set_field("outside_entity", "conventions", ["CM6"]),
        "accounts.outside_entity = ent-3: conventions ['CM6'], but CM6-05 needs a company without",
    ),
    (
        "same entity twice",
        lambda d: d["accounts"].update(outside_entity=d["accounts"]["entity"]),
        "accounts.outside_entity = ent-1: it is also in accounts.entity",
    ),
    (
        "active sim not active",
        set_field("active_sim", "status", "declared"),
        "accounts.active_sim[0] = sim-1: status 'declared', but CM6-06, CM6-07",
    ),
    (
        "ceased sim active",
        set_field("ceased_sim", "status", "active"),
        "accounts.ceased_sim = sim-4: status 'active', but CM6-06 needs a ceased CM6 SIM",
    ),
    (
        "other entity sim owned by entity",
        copy_field("active_sim", "other_entity_sim", "entity"),
        "accounts.other_entity_sim = sim-10: entity 'ent-1', but CM6-14 needs a SIM of another entity",
    ),
    (
        "non convention sim in CM5",
        both(
            set_field("outside_entity", "conventions", ["CM5"]),
            set_field("non_convention_sim", "convention", "CM5"),
        ),
        "accounts.non_convention_sim = sim-13: convention 'CM5'",
    ),
    (
        "registered sim nobody's",
        lambda d: d["accounts"].update(registered_sim=d["accounts"]["active_sim"][0]),
        "accounts.registered_sim = sim-1: no user holds it, but CM6-21, SEC-07 need a line that already has",
    ),
    (
        "user on active_sim",
        lambda d: record(d, "ceased_user").update(business_sim=d["accounts"]["active_sim"][0]),
        "accounts.active_sim[0] = sim-1: user usr-3 holds it",
    ),
    (
        "user temporary",
        set_field("user", "password_is_temporary", True),
        "accounts.user[0] = usr-1: password_is_temporary True",
    ),
    (
        "temp user permanent",
        set_field("temp_user", "password_is_temporary", False),
        "accounts.temp_user[0] = usr-2: password_is_temporary False",
    ),
    (
        "ceased user's sim active",
        lambda d: next(s for s in d["sims"] if s["id"] == record(d, "ceased_user")["business_sim"]).update(
            status="active"
        ),
        "accounts.ceased_user = usr-3: business SIM status 'active', but CM6-25 needs",
    ),
    ("cm5 user origin", set_field("cm5_user", "origin", "CM6"), "accounts.cm5_user = usr-4: origin 'CM6'"),
    (
        "cm5 outside user in CM6",
        lambda d: record(d, "cm5_user_outside").update(business_sim=d["accounts"]["ceased_sim"]),
        "accounts.cm5_user_outside = usr-5: business SIM convention 'CM6'",
    ),
    (
        "no entity with a partita IVA",
        set_field("entity", "partita_iva", None),
        "accounts.entity: no member has a partita_iva, but CM6-05, CM6-08 need one",
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


def only(*rules: str) -> Callable[[str], bool]:
    return lambda rule: rule in rules


def test_what_the_document_does_not_say_is_no_problem() -> None:
    """A company's codice fiscale equal to its partita IVA, a public body without one, any password."""
    data = copy.deepcopy(GOOD)
    record(data, "entity")["codice_fiscale"] = record(data, "entity")["partita_iva"]
    record(data, "other_entity")["partita_iva"] = None
    record(data, "user")["password"] = "x"
    assert validate(data) == []


def test_only_the_rules_in_scope_are_held_against_a_set() -> None:
    data = copy.deepcopy(GOOD)
    record(data, "ceased_sim")["status"] = "active"
    record(data, "user")["personal_fiscal_code"] = "not a code"
    assert validate(data, only("CM6-23", "CM6-24")) == []
    assert validate(data, only("CM6-06")) == [
        "accounts.ceased_sim = sim-4: status 'active', but CM6-06 needs a ceased CM6 SIM"
    ]
    assert validate(data, only("CM6-28")) == [
        "accounts.user[0] = usr-1: personal_fiscal_code 'not a code' is invalid, but CM6-28 needs"
        " a valid personal_fiscal_code"
    ]


def test_a_public_body_without_partita_iva_serves_the_rules_that_do_not_ask_for_it() -> None:
    data = copy.deepcopy(GOOD)
    record(data, "entity")["partita_iva"] = None
    assert validate(data, only("CM6-09", "CM6-13")) == []
    assert validate(data, only("CM6-05")) == [
        "accounts.entity: no member has a partita_iva, but CM6-05 needs one"
    ]


def test_a_pool_member_is_named_by_its_position() -> None:
    data = copy.deepcopy(GOOD)
    second = data["accounts"]["active_sim"][1]
    next(s for s in data["sims"] if s["id"] == second)["status"] = "ceased"
    assert validate(data, only("CM6-15")) == [
        f"accounts.active_sim[1] = {second}: status 'ceased', but CM6-15 needs an active CM6 SIM"
    ]


def test_missing_roles_are_left_to_the_scenarios_that_need_them() -> None:
    data = copy.deepcopy(GOOD)
    del data["accounts"]["cm5_user"]
    assert validate(data, only("CM6-29")) == []
    assert "role cm5_user is missing from accounts" in validate(data)


def test_a_duplicate_names_the_records_and_the_rules_that_tell_them_apart() -> None:
    data = copy.deepcopy(GOOD)
    registrant, user = record(data, "registrant"), record(data, "user")
    registrant["email"] = user["email"]
    assert validate(data, only("CM6-20", "CM6-28")) == [
        f"duplicate e-mail {user['email']!r}: {registrant['id']}.email, {user['id']}.email,"
        " but CM6-20, CM6-28 need each to name one account"
    ]
