"""MTH's answer to the accessibility profile (profiles/accessibility/support.py): the flows its guide
documents, each walked by MTH's own tasks from a signed-out visitor's first page to the flow's end.

The profile walks them once per scenario, many times a run, so they use up no test account: the
temporary password's first sign-in stops at the forced change, and "Nem tudom a jelszavam" stops at the
new password form (saving either would replace the user's password).
"""

from __future__ import annotations

from portalcert.docspec import ProfileSupport
from profiles.accessibility.support import AccessibilityFlows, Flow

from .actor import MthActor as Actor
from .tasks import entry, functions, phone, recovery, signing_in
from .tasks.common import require_page

# The main admin's menu entries the flow opens: a plain function and the two with forms of their own.
ADMIN_FUNCTIONS = ("szamlak", "felhasznalok", "jogok")


def enter_from_telekom_hu(actor: Actor) -> None:
    entry.open_home(actor)
    entry.press_belepes(actor)
    require_page(actor, signing_in.LOGIN, "reach the login with Belépés")


def sign_in_declining_the_offer(actor: Actor) -> None:
    """Username, password, SMS code, then "Most nem" on the Telekom fiók offer."""
    signing_in.choose_user(actor, "no_fiok_user")
    signing_in.complete_sign_in(actor, "their")
    recovery.decline_offer(actor)
    require_page(actor, signing_in.SELF_SERVICE, "reach the self-service")


def main_admin_opens_functions(actor: Actor) -> None:
    signing_in.ensure_signed_in(actor, "main_admin")
    for function in ADMIN_FUNCTIONS:
        functions.open_from_menu(actor, function)
        require_page(actor, function, f"open {function} from the menu")
        actor.portal.open(signing_in.SELF_SERVICE)


def first_sign_in_with_temporary_password(actor: Actor) -> None:
    signing_in.choose_user(actor, "temp_user")
    signing_in.complete_sign_in(actor, "temporary")
    require_page(actor, signing_in.PASSWORD_CHANGE, "reach the forced password change")


def ask_for_a_one_time_code(actor: Actor) -> None:
    signing_in.choose_user(actor, "business_user")
    recovery.ask_reset_code(actor, "email")
    require_page(actor, recovery.RESET_CODE, "reach the new password form")


def sign_in_with_a_phone_number(actor: Actor) -> None:
    phone.ensure_signed_in_with_number(actor)


SUPPORT = ProfileSupport(
    flows=AccessibilityFlows(
        flows=(
            Flow("enter with Belépés on telekom.hu", enter_from_telekom_hu),
            Flow("sign in with the SMS code and decline the Telekom fiók offer", sign_in_declining_the_offer),
            Flow("the main admin opens company-level functions", main_admin_opens_functions),
            Flow(
                "first sign-in with a temporary password (to the forced change)",
                first_sign_in_with_temporary_password,
            ),
            Flow('"Nem tudom a jelszavam" (to the new password form)', ask_for_a_one_time_code),
            Flow("sign in with a mobile number", sign_in_with_a_phone_number),
        )
    )
)
