"""Which rules use each role of the data set, so validation checks only what a run needs."""

from __future__ import annotations

from profiles.security_baseline.support import REGISTERED_USER_RULES

_USER_ADMIN = ("TIS-07", "TIS-08", "TIS-09", "TIS-10", "TIS-11", "TIS-12", "TIS-13")

ROLE_RULES: dict[str, tuple[str, ...]] = {
    "new_company": ("TIS-01",),
    "pending_legal_representative": ("TIS-02", "TIS-03", "TIS-05"),
    "pending_legal_representative_without_mobile": ("TIS-04",),
    "recovering_legal_representative": ("TIS-06",),
    "legal_representative": (*_USER_ADMIN, *REGISTERED_USER_RULES),
    "free_line": ("TIS-10", "TIS-11"),
    "referente_line": ("TIS-11",),
    "employee": ("TIS-08", "TIS-09", "TIS-11", "TIS-12", "TIS-13"),
    "employee_without_mobile": ("TIS-13",),
}
