"""The profiles of the guide and the functions of the Area Clienti: the vocabulary of the data set."""

from __future__ import annotations

# Mobile profiles, then fixed ones (the guide's two lists), as the data set spells them.
MOBILE_PROFILES = (
    "rappresentante_legale",
    "referente_master",
    "referente_aggiuntivo",
    "utilizzatore",
    "holding",
)
FIXED_PROFILES = ("titolare", "amministratore", "utente_standard")
PROFILES = (*MOBILE_PROFILES, *FIXED_PROFILES)

# What a Referente Aggiuntivo may be granted "in fase contrattuale o con apposita richiesta".
GRANTABLE = ("fatture", "servizi_mobili", "consistenze_mobile")

LINE_STATUSES = ("attivo", "cessato", "congelato")  # of the line's tariff profile
FIXED_KINDS = ("fonia", "fonia_dati", "rete_intelligente")
SERVICE_STATUSES = ("attivo", "cessato")
