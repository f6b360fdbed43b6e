"""Temporary passwords expire: 7 days after they were sent, whether or not they were used to sign in (the
forced change replaces them; until then they stay temporary)."""

from __future__ import annotations

from datetime import timedelta

from documents.telefonica_mi_gestion_digital.simulator.models import User
from simulator import clock, defects

LIFETIME = timedelta(days=7)


def expired(user: User) -> bool:
    sent = user.temporary_password_sent_at
    if not user.password_is_temporary or sent is None or clock.now() - sent <= LIFETIME:
        return False
    return not defects.enabled("mgd_temporary_password_never_expires")


def used_to_sign_in(user: User) -> None:
    """The temporary password and its code opened the session; the password stays temporary."""
    if user.password_is_temporary and defects.enabled("mgd_temporary_password_kept_once_used"):
        user.temporary_password_sent_at = None
