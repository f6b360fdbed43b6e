"""Which rules use each role of the data set, so validation checks only what a run needs.

A vendor certifying a few rules need only describe the accounts those rules use.
`tests/test_dataset.py` checks that every role named here exists and every rule is a real one.
"""

from __future__ import annotations

from profiles.security_baseline.support import REGISTERED_USER_RULES, TEMPORARY_PASSWORD_RULES

# The self-registration's path with the fixed + mobile company is the Given of every rule from step 2 on.
_SELF_REGISTERING = (
    "MGD-03",
    "MGD-06",
    "MGD-07",
    "MGD-08",
    "MGD-09",
    "MGD-10",
    "MGD-11",
    "MGD-12",
    "MGD-13",
    "MGD-14",
)

ROLE_RULES: dict[str, tuple[str, ...]] = {
    "company_fixed_mobile": (*_SELF_REGISTERING, "MGD-04"),
    "registrant_fixed_mobile": _SELF_REGISTERING,
    "company_fixed_only": ("MGD-03", "MGD-08", "MGD-10"),
    "registrant_fixed_only": ("MGD-03", "MGD-08", "MGD-10"),
    "company_mobile_only": ("MGD-08", "MGD-10"),
    "registrant_mobile_only": ("MGD-08", "MGD-10"),
    "company_large": ("MGD-02",),
    "registrant_large": ("MGD-02",),
    "other_company": ("MGD-06", "MGD-07"),
    "registrant_other": ("MGD-04",),
    "user": ("MGD-05", "MGD-17", *REGISTERED_USER_RULES),
    "temp_user": ("MGD-14", "MGD-15", "MGD-16", *TEMPORARY_PASSWORD_RULES),
    "spanish_mobile": ("MGD-07", "MGD-12", "MGD-13"),
    "spanish_fixed": ("MGD-12",),
    "foreign_mobile": ("MGD-12",),
}
