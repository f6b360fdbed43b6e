"""Which rules use each role of the data set, so that validation checks only what a run needs."""

from __future__ import annotations

from profiles.security_baseline.support import REGISTERED_USER_RULES, TEMPORARY_PASSWORD_RULES

ROLE_RULES: dict[str, tuple[str, ...]] = {
    "main_admin": ("MTH-02", "MTH-06", "MTH-13"),
    "business_user": ("MTH-04", "MTH-05", "MTH-07", "MTH-08", *REGISTERED_USER_RULES),
    "temp_user": ("MTH-06", *TEMPORARY_PASSWORD_RULES),
    "sms_off_user": ("MTH-09",),
    "no_fiok_user": ("MTH-10",),
    "incomplete_fiok_user": ("MTH-10",),
    "mobile": ("MTH-11", "MTH-12", "MTH-13"),
    "restricted_number": ("MTH-13",),
    "undeclared_company": ("MTH-03",),
}

ROLE_SECTIONS: dict[str, str] = {
    **{role: "users" for role in ROLE_RULES if role.endswith(("_admin", "_user"))},
    "mobile": "numbers",
    "restricted_number": "numbers",
    "undeclared_company": "companies",
}
