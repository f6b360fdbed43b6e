"""myBusiness's parameter types: the business phrases of its feature files and what they mean to the tasks."""

from __future__ import annotations

from portalcert.docspec import PhraseTypes
from portalcert.phrase_types import choice, identity

from .tasks.inventory import KIND_ROLES, STATUS_ROLES
from .tasks.isolation import RECORDS
from .tasks.nominations import REFUSALS
from .tasks.signing_in import ACCESS

# Who a step speaks of: phrase -> role in the data set's `accounts`.
USER_ROLES = {
    "the Rappresentante Legale": "rappresentante_legale",
    "the mobile Referente Master": "referente_master",
    "a Referente Aggiuntivo granted Fatture and Servizi linee mobili": "referente_aggiuntivo",
    "an End User": "utilizzatore",
    "the holding referent": "holding_referent",
    "the Titolare": "titolare",
    "the fixed-line Referente Master (Amministratore)": "amministratore",
    "a Utente Standard": "utente_standard",
    "a registered employee": "employee",
    "an employee of a company whose TIM contract has ended": "ceased_contract_employee",
    "an employee who gave no business mobile at registration": "employee_without_mobile",
    "the Referente Aggiuntivo for the line inventory": "inventory_referent",
    "the Titolare of a company without an Amministratore": "titolare_without_amministratore",
}
FUNCTIONS = {
    "Consumi": "consumi",
    "Fatture": "fatture",
    "Servizi linee mobili": "servizi_mobili",
    "Consistenze Telefonia Mobile": "consistenze_mobile",
    "Consistenze Telefonia fissa": "consistenze_fissa",
    "Gestione profili": "gestione_profili",
    "Amministratore linee fisse": "amministratore_fisso",
}
# The guide's menu paths -> the page they end on.
SECTIONS = {
    "Consistenze, Telefonia Mobile, Consistenze aggregate, Linee": "aggregate_lines",
    "Consistenze, Telefonia Mobile, Consistenze dettaglio, Linee": "detail_lines",
    "Consistenze, Telefonia fissa, Consistenza per Sede": "per_sede",
    "Consistenze, Telefonia fissa, Consistenza per Servizio": "per_servizio",
}

TYPES: PhraseTypes = dict(
    User=choice(USER_ROLES),
    Credential=choice({"their password": False, "a wrong password": True}),
    Access=identity(*ACCESS),
    Recoverable=identity("username", "password"),
    Function=choice(FUNCTIONS),
    Offer=choice({"offers": True, "does not offer": False}),
    Outcome=choice({"opens": True, "is refused to the profile": False}),
    Section=choice(SECTIONS),
    Contract=choice({"without one": "contract_without_master", "that has one": "contract_with_master"}),
    NominationRefusal=identity(*REFUSALS),
    LineStatus=identity(*STATUS_ROLES),
    Cessation=choice({"and no cessation date": False, "and its cessation date": True}),
    FixedKind=identity(*KIND_ROLES),
    KindLabel=identity("Fonia", "Fonia e Dati", "Rete Intelligente"),
    Record=identity(*RECORDS),
)
