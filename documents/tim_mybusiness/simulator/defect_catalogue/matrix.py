"""The profile x function matrix (MYB-03, 05, 07, 08, 10, 11, 12): two bugs per profile.

"Services not loaded": the home lists the profile's services greyed out, never enabled (its allowed rows
fail; the entries stay on the page, so the verdict rests on what is seen).
"Typed address unchecked": the function pages trust the menu and let the profile in by address (its
denied rows fail). The expected matrix is written out here, apart from the simulator's own table.
"""

from __future__ import annotations

from simulator.defects import Defect

FUNCTIONS = (
    "Consumi",
    "Fatture",
    "Servizi linee mobili",
    "Consistenze Telefonia Mobile",
    "Consistenze Telefonia fissa",
    "Gestione profili",
    "Amministratore linee fisse",
)
_MOBILE_MASTER = ("Consumi", "Fatture", "Servizi linee mobili", "Consistenze Telefonia Mobile")
# profile -> (rule, who the outline names, the functions allowed)
MATRIX: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "rappresentante_legale": ("MYB-03", "the Rappresentante Legale", FUNCTIONS),
    "referente_master": ("MYB-05", "the Referente Master", _MOBILE_MASTER),
    "referente_aggiuntivo": (
        "MYB-07",
        "a Referente Aggiuntivo",
        ("Consumi", "Fatture", "Servizi linee mobili"),
    ),
    "utilizzatore": ("MYB-08", "an End User", ("Consumi",)),
    "titolare": (
        "MYB-10",
        "the Titolare",
        ("Fatture", "Consistenze Telefonia fissa", "Amministratore linee fisse"),
    ),
    "amministratore": ("MYB-11", "the Amministratore", ("Fatture", "Consistenze Telefonia fissa")),
    "utente_standard": ("MYB-12", "a Utente Standard", ("Fatture",)),
}


def _defects(profile: str) -> tuple[Defect, ...]:
    rule, who, allowed = MATRIX[profile]
    denied = tuple(f for f in FUNCTIONS if f not in allowed)
    found = [
        Defect(
            f"{profile}_services_not_loaded",
            rule,
            f"the home lists the services of {who} greyed out: the profile's services never finish loading",
            kills=tuple(f"{rule}: {f} for {who}" for f in allowed),
        )
    ]
    if denied:
        found.append(
            Defect(
                f"{profile}_typed_address_unchecked",
                rule,
                f"the function pages let {who} in by a typed address: only the menu checks the profile",
                kills=tuple(f"{rule}: {f} for {who}" for f in denied),
            )
        )
    return tuple(found)


DEFECTS: tuple[Defect, ...] = (
    *(d for profile in MATRIX for d in _defects(profile)),
    Defect(
        "rappresentante_legale_refused_fixed_sections",
        "MYB-03",
        "the fixed-line pages ask for a fixed-line profile and refuse the Rappresentante Legale by address",
        kills=(
            "MYB-03: Consistenze Telefonia fissa for the Rappresentante Legale",
            "MYB-03: Amministratore linee fisse for the Rappresentante Legale",
        ),
    ),
)
