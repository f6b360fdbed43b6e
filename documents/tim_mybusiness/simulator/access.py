"""Who may use which function: the profile x function matrix (and its defects, one pair per profile).

Where the guide names a profile without listing its services, the table follows the assumptions the
feature files state (MYB-03 to MYB-12). A function is offered in the home's list of services and its
pages are guarded; the two are separate code paths in a real portal, so each has its own defect.
"""

from __future__ import annotations

from documents.tim_mybusiness.simulator.models import User
from simulator import defects

FUNCTIONS = (
    "consumi",
    "fatture",
    "servizi_mobili",
    "consistenze_mobile",
    "consistenze_fissa",
    "gestione_profili",
    "amministratore_fisso",
)
FIXED_FUNCTIONS = frozenset({"consistenze_fissa", "amministratore_fisso"})
_MOBILE_MASTER = frozenset({"consumi", "fatture", "servizi_mobili", "consistenze_mobile"})
BY_PROFILE: dict[str, frozenset[str]] = {
    "rappresentante_legale": frozenset(FUNCTIONS),
    "referente_master": _MOBILE_MASTER,
    "referente_aggiuntivo": frozenset({"consumi"}),  # plus the user's grants
    "utilizzatore": frozenset({"consumi"}),
    "holding": frozenset({"fatture", "consistenze_mobile"}),
    "titolare": frozenset({"fatture", "consistenze_fissa", "amministratore_fisso"}),
    "amministratore": frozenset({"fatture", "consistenze_fissa"}),
    "utente_standard": frozenset({"fatture"}),
}
# Profiles of the matrix: each has a "services not loaded" defect (the home lists nothing) and, when
# some function is denied to it, a "typed address unchecked" one (the pages trust the menu).
MATRIX_PROFILES = tuple(p for p in BY_PROFILE if p != "holding")
TYPED_ADDRESS_DEFECTS = {
    p: f"{p}_typed_address_unchecked" for p in MATRIX_PROFILES if BY_PROFILE[p] != set(FUNCTIONS)
}
SERVICES_NOT_LOADED_DEFECTS = {p: f"{p}_services_not_loaded" for p in MATRIX_PROFILES}


def _without_line(user: User) -> bool:
    """The consumption of one's line needs the line given at registration: a check of its own."""
    return user.line_id is None and not defects.enabled("consumption_without_business_mobile")


def _of_profile(user: User) -> frozenset[str]:
    grants = frozenset(user.grants) if user.profile == "referente_aggiuntivo" else frozenset()
    return BY_PROFILE.get(user.profile, frozenset()) | grants


def functions_of(user: User) -> frozenset[str]:
    allowed = _of_profile(user)
    if "consumi" in allowed and _without_line(user):
        allowed -= {"consumi"}
    return allowed


def listed(user: User) -> list[tuple[str, str]]:
    """The home's list of every service, in menu order, each usable, "loading" or "denied" (greyed out:
    the home shows what the Area Clienti has and which of it the profile may use)."""
    name = SERVICES_NOT_LOADED_DEFECTS.get(user.profile)
    state = "usable" if name is None or not defects.enabled(name) else "loading"
    allowed = functions_of(user)
    return [(f, state if f in allowed else "denied") for f in FUNCTIONS]


def may_open(user: User, function: str) -> bool:
    """The guard of the function's pages (a typed address reaches them without the menu)."""
    if function == "consumi" and "consumi" in _of_profile(user) and _without_line(user):
        return False
    # The bug: the fixed sections' pages ask for a fixed-line profile, which the legale has not.
    legale_on_fixed = function in FIXED_FUNCTIONS and user.profile == "rappresentante_legale"
    if legale_on_fixed and defects.enabled("rappresentante_legale_refused_fixed_sections"):
        return False
    if function in functions_of(user):
        return True
    name = TYPED_ADDRESS_DEFECTS.get(user.profile)
    return name is not None and defects.enabled(name)
