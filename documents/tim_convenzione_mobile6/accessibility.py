"""CM6's answer to the accessibility profile (profiles/accessibility/support.py): the flows its guide
documents, each walked by CM6's own tasks from a signed-out visitor's first page to the flow's end.

The profile walks them once per scenario, many times a run, so they use up no test account: the
registration stops at step 3 (choosing the username would bind a SIM for the rest of the run) and
recovery is the username's (a password recovery replaces the user's password).
"""

from __future__ import annotations

from portalcert.docspec import ProfileSupport
from profiles.accessibility.support import AccessibilityFlows, Flow

from .actor import Cm6Actor as Actor
from .tasks import public_area, recovery, registration, signing_in
from .tasks.common import require_page

REGISTERED_USER = "user"


def visit_public_area(actor: Actor) -> None:
    public_area.open_page(actor, "public_home")
    require_page(actor, "public_home", "open the public area")


def register(actor: Actor) -> None:
    registration.reach(actor, registration.Point.STEP3)


def recover_username(actor: Actor) -> None:
    signing_in.choose_user(actor, REGISTERED_USER)
    recovery.recover(actor, "username")


def sign_in(actor: Actor) -> None:
    signing_in.choose_user(actor, REGISTERED_USER)
    signing_in.ensure_signed_in(actor, "their")


SUPPORT = ProfileSupport(
    flows=AccessibilityFlows(
        flows=(
            Flow("visit the public area", visit_public_area),
            Flow("register (steps 1 to 3)", register),
            Flow("recover the username", recover_username),
            Flow("sign in with the SMS code", sign_in),
        )
    )
)
