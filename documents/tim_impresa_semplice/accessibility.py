"""TIS's answer to the accessibility profile (profiles/accessibility/support.py): the flows its guide
documents, each walked by TIS's own tasks from a signed-out visitor's first page to the flow's end.

The profile walks them once per scenario, many times a run, so they use up no test account: the
registration and Recupera Password stop on the form the e-mailed link opens (choosing the new
password would consume the account), and Gestione Utenze stops on the empty Aggiungi form.
"""

from __future__ import annotations

from portalcert.docspec import ProfileSupport
from profiles.accessibility.support import AccessibilityFlows, Flow

from .actor import TisActor as Actor
from .tasks import access, user_admin
from .tasks.common import require_page


def complete_registration(actor: Actor) -> None:
    """«chiedi nuovamente l'invio»: the username e-mail asked again, its link followed to the form
    that takes the verification code and the new password."""
    access.username_email_arrived(actor)
    access.follow_link(actor)
    require_page(actor, access.ACTIVATION, "open the form the link in the username e-mail leads to")


def recover_password(actor: Actor) -> None:
    access.with_password(actor)
    access.ask_recovery(actor)
    access.expect_recovery_email(actor)
    access.follow_link(actor)
    require_page(actor, access.ACTIVATION, "open the form the Recupera Password link leads to")


def manage_users(actor: Actor) -> None:
    """Sign in, Visualizza PROFILO E DATI AZIENDA, Gestione Utenze, Aggiungi."""
    user_admin.signed_in(actor)
    user_admin.open_profile(actor)
    require_page(actor, user_admin.PROFILE_PAGE, "open Visualizza PROFILO E DATI AZIENDA")
    user_admin.open_user_admin_from_profile(actor)
    require_page(actor, user_admin.USER_ADMIN, "open Gestione Utenze")
    actor.portal.press(user_admin.USER_ADMIN, "add")
    require_page(actor, user_admin.ADD_USER, "open Aggiungi")


SUPPORT = ProfileSupport(
    flows=AccessibilityFlows(
        flows=(
            Flow("complete the registration (up to the code and new password)", complete_registration),
            Flow("Recupera Password (up to the new password)", recover_password),
            Flow("sign in and add a user in Gestione Utenze", manage_users),
        )
    )
)
