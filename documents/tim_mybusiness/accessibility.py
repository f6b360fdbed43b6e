"""MYB's answer to the accessibility profile (profiles/accessibility/support.py): the flows its guide
documents, each walked by MYB's own tasks from a signed-out visitor's first page to the flow's end.

The profile walks them once per scenario, many times a run, so they use up no test account: the
recoveries stop on the page the login page's link leads to (the guide documents the link), and the
signed-in flows only look (Consistenze, Fatture, Servizi linee mobili, Gestione Profili).
"""

from __future__ import annotations

from portalcert.docspec import ProfileSupport
from profiles.accessibility.support import AccessibilityFlows, Flow

from .actor import MybActor as Actor
from .tasks import inventory, matrix, signing_in
from .tasks.common import require_page

# «Il Rappresentante Legale dell'azienda accede a tutti i servizi disponibili nell'Area Clienti.»
EVERY_SERVICE = "rappresentante_legale"
CONSISTENZE = ("aggregate_lines", "detail_lines", "per_sede", "per_servizio")
SERVICES = ("fatture", "servizi_mobili", "gestione_profili")


def recover(credential: str) -> Flow:
    def walk(actor: Actor) -> None:
        signing_in.follow_recovery_link(actor, credential)
        require_page(
            actor, f"{credential}_recovery", f"follow the login page's link to recover the {credential}"
        )

    return Flow(f"recover the {credential} from the login page", walk)


def browse_consistenze(actor: Actor) -> None:
    signing_in.ensure_signed_in(actor, EVERY_SERVICE)
    for page in CONSISTENZE:
        inventory.open_section(actor, page)


def open_services(actor: Actor) -> None:
    signing_in.ensure_signed_in(actor, EVERY_SERVICE)
    for function in SERVICES:
        actor.portal.open(signing_in.HOME)
        require_page(actor, signing_in.HOME, "go back to the Area Clienti")
        actor.portal.press(signing_in.HOME, f"service_{function}")
        page = matrix.FUNCTION_PAGES[function]
        require_page(actor, page, f"open {function} from the list of services")


SUPPORT = ProfileSupport(
    flows=AccessibilityFlows(
        flows=(
            recover("username"),
            recover("password"),
            Flow("sign in and look at the Consistenze, mobile and fixed", browse_consistenze),
            Flow("sign in and open Fatture, Servizi linee mobili and Gestione Profili", open_services),
        )
    )
)
