"""Which rules use each role of the data set, so validation checks only what a run needs."""

from __future__ import annotations

from profiles.security_baseline.support import REGISTERED_USER_RULES

_INVENTORY = ("MYB-13", "MYB-14")

ROLE_RULES: dict[str, tuple[str, ...]] = {
    "employee": ("MYB-01",),
    "ceased_contract_employee": ("MYB-01",),
    "rappresentante_legale": ("MYB-03", "MYB-06", "MYB-16"),
    "referente_master": ("MYB-05",),
    "referente_aggiuntivo": ("MYB-07",),
    "utilizzatore": ("MYB-04", "MYB-08", "MYB-16", *REGISTERED_USER_RULES),
    "employee_without_mobile": ("MYB-04",),
    "colleague_line": ("MYB-04",),
    "nominee": ("MYB-06", "MYB-11"),  # MYB-11: the Titolare nominates one of them as a second Amministratore
    "contract_with_master": ("MYB-06",),
    "contract_without_master": ("MYB-06", "MYB-16"),  # MYB-16: an outsider nominated for it
    "holding_referent": ("MYB-09",),
    "group_line": ("MYB-09",),
    "titolare": ("MYB-10", "MYB-11", "MYB-15"),
    "amministratore": ("MYB-11",),
    "titolare_without_amministratore": ("MYB-11",),
    "fixed_nominee": ("MYB-11",),
    "utente_standard": ("MYB-12",),
    "inventory_referent": _INVENTORY,
    "active_line": (*_INVENTORY, "MYB-16"),  # MYB-16: the company's own line, opened by its id
    "company_invoice": ("MYB-16",),
    "ceased_line": _INVENTORY,
    "frozen_line": _INVENTORY,
    "fonia_line": ("MYB-15",),
    "fonia_dati_line": ("MYB-15",),
    "rete_intelligente_line": ("MYB-15",),
    "active_fixed_service": ("MYB-15",),
    "ceased_fixed_service": ("MYB-15",),
    "other_company_line": ("MYB-09", "MYB-16"),
    "other_company_invoice": ("MYB-16",),
    "other_company_user": ("MYB-16",),
}
