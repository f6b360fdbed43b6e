"""Seeded faults: each breaks exactly one CM6 rule (`create_app({"FAULTS": [...]})` or `--fault NAME`)."""

from __future__ import annotations

from flask import current_app

FAULTS: dict[str, str] = {
    "sim_of_other_entity_accepted": "CM6-14: step 2 accepts a SIM of another Amministrazione",
    "registration_sms_from_portal_name": "CM6-15: the registration code comes from 'Borealis', not 40134",
    "login_code_not_checked": "CM6-24: any login code opens the private area",
    "password_recovery_ignores_fiscal_code": "CM6-27: password recovery does not check the codice fiscale",
}


def on(name: str) -> bool:
    """Whether the fault is switched on in this app (an unknown name is a programming error)."""
    if name not in FAULTS:
        raise KeyError(f"unknown fault {name!r}")
    return name in current_app.config["FAULTS"]
