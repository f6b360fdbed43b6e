"""Security bugs of the myBusiness portal that the security baseline (profiles/security_baseline) must
notice."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "myb_recovery_replaces_password_at_once",
        "SEC-06",
        "the password recovery replaces the current password at once with a temporary one it e-mails",
        kills=("SEC-06: The current password still works after someone asked for a new one",),
    ),
)
