"""MGD's answer to the accessibility profile (profiles/accessibility/support.py): the flows its guide
documents, each walked by MGD's own tasks from a signed-out visitor's first page to the flow's end.

The profile walks them once per scenario, many times a run, so they use up no test account: the
self-registration stops at its security code (typing it would register the interlocutor for good), the
temporary password is taken as far as the page that asks for a new one, and "He olvidado mi contraseña"
as far as the page that asks for the code and the new password (either would replace a password).
"""

from __future__ import annotations

from portalcert.docspec import ProfileSupport
from profiles.accessibility.support import AccessibilityFlows, Flow

from .actor import MgdActor as Actor
from .tasks import access, mi_area, registration
from .tasks import help as help_chat
from .tasks.common import require_page


def visit_access_page(actor: Actor) -> None:
    help_chat.open_page(actor, access.ACCESS)


def register(actor: Actor) -> None:
    registration.sent_code(actor)


def sign_in(actor: Actor) -> None:
    """The registered user: password, the code by SMS (the guide offers e-mail or SMS), Mi Área."""
    access.choose_user(actor, "user")
    access.sign_in(actor, "new")
    require_page(actor, access.CHANNEL, "sign in with the password")
    access.choose_channel(actor, "sms")
    require_page(actor, access.CODE, "ask for the code by SMS")
    access.type_login_code(actor)
    require_page(actor, mi_area.HOME, "enter Mi Área with the code")


def change_temporary_password(actor: Actor) -> None:
    access.choose_user(actor, "temp_user")
    access.signed_in_with_code(actor)
    require_page(actor, access.CHANGE, "reach the change of the temporary password")


def recover_password(actor: Actor) -> None:
    access.choose_user(actor, "user")
    access.ask_new_password(actor, "email")
    require_page(actor, access.FORGOT_CODE, "ask for a new password")


def open_help_chat(actor: Actor) -> None:
    """From the orange operator icon, on the access page as on every page."""
    help_chat.open_page(actor, access.ACCESS)
    actor.portal.press(None, "chat")
    require_page(actor, help_chat.CHAT, "open the help chat from its icon")


SUPPORT = ProfileSupport(
    flows=AccessibilityFlows(
        flows=(
            Flow("visit the access page", visit_access_page),
            Flow("register (to the security code)", register),
            Flow("sign in with the code by SMS", sign_in),
            Flow("change the temporary password (to the new password's page)", change_temporary_password),
            Flow('recover the password ("He olvidado mi contraseña", to the code)', recover_password),
            Flow("open the help chat from its icon", open_help_chat),
        )
    )
)
