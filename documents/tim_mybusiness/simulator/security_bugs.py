"""The myBusiness portal's security defect switches (defect_catalogue/security.py), each asked only where
the behaviour it breaks happens; the faithful behaviour is the portal's own and the core's."""

from __future__ import annotations

from documents.tim_mybusiness.simulator import texts
from documents.tim_mybusiness.simulator.models import User
from simulator import defects, outbox, security


def replaced_password_at_once(user: User) -> bool:
    """The bug: the recovery replaces the current password at once with a temporary one it e-mails,
    so anyone who knows a username and its address locks the user out."""
    if not defects.enabled("myb_recovery_replaces_password_at_once"):
        return False
    new = security.temporary_password()
    user.password_hash = security.hash_password(new)
    outbox.send_email(
        texts.EMAIL_SENDER, user.email, "Recupero password", texts.PASSWORD_EMAIL.format(password=new)
    )
    return True
