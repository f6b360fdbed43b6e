"""The roles table of docs/simulator.md as checks: the harness reaches data only through ``accounts``.

A scenario that picks ``ceased_sim`` trusts it to be a ceased CM6 SIM of ``entity`` with nobody on it;
each check below states one such promise.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

# role -> the section its id must point into
ROLE_SECTIONS: dict[str, str] = {
    "entity": "entities",
    "other_entity": "entities",
    "outside_entity": "entities",
    "active_sim": "sims",
    "declared_sim": "sims",
    "ceased_sim": "sims",
    "other_entity_sim": "sims",
    "non_convention_sim": "sims",
    "registered_sim": "sims",
    "registrant": "people",
    "user": "users",
    "temp_user": "users",
    "ceased_user": "users",
    "cm5_user": "users",
    "cm5_user_outside": "users",
}

# SIM roles: (owning entity role, convention, status, whether a user may hold it)
_SIM_ROLES: dict[str, tuple[str, str | None, str, bool]] = {
    "active_sim": ("entity", "CM6", "active", False),
    "declared_sim": ("entity", "CM6", "declared", False),
    "ceased_sim": ("entity", "CM6", "ceased", False),
    "other_entity_sim": ("other_entity", "CM6", "active", False),
    "non_convention_sim": ("outside_entity", None, "active", False),
    "registered_sim": ("entity", "CM6", "active", True),
}

# User roles: (origin, temporary password, business SIM convention, business SIM status)
_USER_ROLES: dict[str, tuple[str, bool, str | None, str | None]] = {
    "user": ("CM6", False, "CM6", "active"),
    "temp_user": ("CM6", True, "CM6", "active"),
    "ceased_user": ("CM6", False, "CM6", "ceased"),
    "cm5_user": ("CM5", False, "CM6", "active"),
    "cm5_user_outside": ("CM5", False, "CM5", None),
}


def check_roles(
    accounts: dict[str, Any],
    entities: list[Record],
    sims: list[Record],
    users: list[Record],
    people: list[Record],
    *,
    every_role: bool = True,
) -> list[str]:
    tables = {
        "entities": {r.get("id"): r for r in entities},
        "sims": {r.get("id"): r for r in sims},
        "users": {r.get("id"): r for r in users},
        "people": {r.get("id"): r for r in people},
    }
    problems: list[str] = []
    found: dict[str, Record] = {}
    for role, section in ROLE_SECTIONS.items():
        if role not in accounts:
            if every_role:
                problems.append(f"role {role} is missing from accounts")
        elif accounts[role] not in tables[section]:
            problems.append(f"role {role}: {accounts[role]!r} is not an id in {section}")
        else:
            found[role] = tables[section][accounts[role]]
    holders = {u.get("business_sim"): u for u in users}
    problems += _check_entity_roles(found)
    problems += _check_sim_roles(found, holders)
    problems += _check_user_roles(found, tables["sims"])
    return problems


def _check_entity_roles(found: dict[str, Record]) -> list[str]:
    problems = []
    for role, wants_cm6 in (("entity", True), ("other_entity", True), ("outside_entity", False)):
        if role in found and ("CM6" in (found[role].get("conventions") or [])) != wants_cm6:
            problems.append(f"role {role}: {'must' if wants_cm6 else 'must not'} have a CM6 contract")
    ids = [found[r].get("id") for r in ("entity", "other_entity", "outside_entity") if r in found]
    if len(set(ids)) != len(ids):
        problems.append("roles entity, other_entity and outside_entity must be three different entities")
    return problems


def _check_sim_roles(found: dict[str, Record], holders: dict[Any, Record]) -> list[str]:
    problems = []
    for role, (owner, convention, status, held) in _SIM_ROLES.items():
        sim = found.get(role)
        if sim is None:
            continue
        if owner in found and sim.get("entity") != found[owner].get("id"):
            problems.append(f"role {role}: sim {sim.get('id')} does not belong to {owner}")
        if sim.get("convention") != convention:
            problems.append(f"role {role}: convention is {sim.get('convention')!r}, expected {convention!r}")
        if sim.get("status") != status:
            problems.append(f"role {role}: status is {sim.get('status')!r}, expected {status!r}")
        holder = holders.get(sim.get("id"))
        if held and "user" in found and holder is not found["user"]:
            problems.append(f"role {role}: sim {sim.get('id')} must be the business_sim of role user")
        if not held and holder is not None:
            problems.append(
                f"role {role}: sim {sim.get('id')} must be free but user {holder.get('id')} holds it"
            )
    return problems


def _check_user_roles(found: dict[str, Record], sims: dict[Any, Record]) -> list[str]:
    problems = []
    for role, (origin, temporary, convention, status) in _USER_ROLES.items():
        user = found.get(role)
        if user is None:
            continue
        if user.get("origin") != origin:
            problems.append(f"role {role}: origin is {user.get('origin')!r}, expected {origin!r}")
        if user.get("password_is_temporary") is not temporary:
            problems.append(f"role {role}: password_is_temporary must be {str(temporary).lower()}")
        sim = sims.get(user.get("business_sim"))
        if sim is None:
            continue  # dangling reference, reported with the users
        if sim.get("convention") != convention:
            problems.append(
                f"role {role}: business SIM convention is {sim.get('convention')!r}, expected {convention!r}"
            )
        if status is not None and sim.get("status") != status:
            problems.append(f"role {role}: business SIM status is {sim.get('status')!r}, expected {status!r}")
    if "temp_user" in found and "entity" in found:
        sim = sims.get(found["temp_user"].get("business_sim"))
        if sim is not None and sim.get("entity") != found["entity"].get("id"):
            problems.append("role temp_user: business SIM must belong to role entity")
    return problems
