"""Which rules use each role and each fact of the data set, so validation checks only what a run needs.

A vendor certifying a few rules need only describe the accounts those rules use, and a fact no rule in
scope relies on is never held against the data set. `tests/test_dataset_uses.py` checks this table
against the features: every role a rule's steps name is listed for that rule.
"""

from __future__ import annotations

from profiles.security_baseline.support import REGISTERED_USER_RULES, TEMPORARY_PASSWORD_RULES

# The registration's happy path (step 1 with `entity`, step 2 with `registrant` and `active_sim`) is
# the Given of every rule that starts "a visitor at registration step 2" or later.
_REGISTERING = ("CM6-06", "CM6-07", "CM6-13", "CM6-14", "CM6-15", "CM6-16", "CM6-17", "CM6-18", "CM6-19")
_COMPLETING = ("CM6-20", "CM6-21")
# The security baseline registers lines up to step 2 (SEC-04: the user's own, SEC-07: a free one and one
# that has a user); SEC-06 types another person's codice fiscale at recovery (security.py).
_SEC_REGISTERING = ("SEC-04", "SEC-07")
_RECOVERING = ("CM6-27", "CM6-28", "SEC-06", "SEC-07")

ROLE_RULES: dict[str, tuple[str, ...]] = {
    "entity": ("CM6-05", "CM6-08", "CM6-09", "CM6-12", *_REGISTERING, *_COMPLETING, *_SEC_REGISTERING),
    "other_entity": (),  # kept in the reference set for the phrase "another Amministrazione"
    "outside_entity": ("CM6-05",),
    "active_sim": (*_REGISTERING, "CM6-20", "SEC-07"),
    "declared_sim": ("CM6-06",),
    "ceased_sim": ("CM6-06",),
    "other_entity_sim": ("CM6-14",),
    "non_convention_sim": ("CM6-14",),
    "registered_sim": ("CM6-21", "SEC-07"),  # SEC-07: a line that has a user
    # CM6-12: the personal codice fiscale typed at step 1; CM6-27/28: someone else's codice fiscale
    "registrant": ("CM6-12", *_REGISTERING, *_COMPLETING, "CM6-27", "CM6-28", *_SEC_REGISTERING, "SEC-06"),
    "user": ("CM6-23", "CM6-24", "CM6-25", "CM6-27", "CM6-28", *REGISTERED_USER_RULES),
    "temp_user": ("CM6-22", "CM6-23", "CM6-26", *TEMPORARY_PASSWORD_RULES),  # CM6-23: another's password
    "ceased_user": ("CM6-25",),
    "cm5_user": ("CM6-29",),
    "cm5_user_outside": ("CM6-29",),
}

# Facts only some roles' rules rely on: (role, field) -> those rules. A field named here is needed by
# no rule of any other role (a CM5 user's e-mail is never typed anywhere).
FACT_RULES: dict[tuple[str, str], tuple[str, ...]] = {
    ("registrant", "personal_fiscal_code"): ROLE_RULES["registrant"],
    ("registrant", "email"): ROLE_RULES["registrant"],
    ("entity", "partita_iva"): ("CM6-05", "CM6-08"),  # "identifies the Amministrazione by its partita IVA"
    # "not theirs" must not be theirs (SEC-06: recovery with another person's codice fiscale)
    ("registrant", "personal_fiscal_code/user"): ("CM6-27", "CM6-28", "SEC-06"),
    # recovery asks the registration data and answers by e-mail (SEC-06, SEC-07: the baseline's recoveries)
    ("user", "personal_fiscal_code"): _RECOVERING,
    ("user", "email"): _RECOVERING,
    ("temp_user", "temporary_password_sent_at"): ("CM6-22",),
}


_FACT_FIELDS = {field for _role, field in FACT_RULES}


def rules_for(role: str, field: str = "") -> tuple[str, ...]:
    """The rules that rely on `field` of the role's members (on the member as a whole: no field)."""
    if (role, field) in FACT_RULES:
        return FACT_RULES[role, field]
    return () if field in _FACT_FIELDS else ROLE_RULES.get(role, ())
