"""Italian wording of the myBusiness Area Clienti: labels from the guide, messages and e-mails."""

from __future__ import annotations


class Refusal(str):
    """A message that refuses something, with its kind: pages mark it `data-error="<kind>"`."""

    kind: str

    def __new__(cls, kind: str, text: str) -> Refusal:
        made = super().__new__(cls, text)
        made.kind = kind
        return made


PORTAL_NAME = "Area Clienti myBusiness"
EMAIL_SENDER = "noreply@mybusiness.example.org"

# The functions of the Area Clienti, with the labels of the guide's menus.
FUNCTION_LABELS = {
    "consumi": "Consumi della tua linea",
    "fatture": "Fatture",
    "servizi_mobili": "Servizi delle linee mobili",
    "consistenze_mobile": "Consistenze > Telefonia Mobile",
    "consistenze_fissa": "Consistenze > Telefonia fissa",
    "gestione_profili": "Gestione profili (Referente Master)",
    "amministratore_fisso": "Referente Master (Amministratore) linee fisse",
}
PROFILE_LABELS = {
    "rappresentante_legale": "Rappresentante Legale",
    "referente_master": "Referente Master",
    "referente_aggiuntivo": "Referente Aggiuntivo",
    "utilizzatore": "End User/Utilizzatore",
    "holding": "Referente myBusiness Holding",
    "titolare": "Titolare",
    "amministratore": "Referente Master (Amministratore)",
    "utente_standard": "Utente Standard",
}
SERVICE_STATES = {"loading": "in caricamento", "denied": "non abilitato per il tuo profilo"}
LINE_STATUS_LABELS = {"attivo": "attivo", "cessato": "cessato", "congelato": "congelato"}
UNTRANSLATED_STATUS_LABELS = {"attivo": "ACTIVE", "cessato": "CEASED", "congelato": "FROZEN"}
FIXED_KIND_LABELS = {"fonia": "Fonia", "fonia_dati": "Fonia e Dati", "rete_intelligente": "Rete Intelligente"}

LOGIN_WRONG = Refusal("credentials-wrong", "Username o password non corretti.")
USERNAME_UNKNOWN = Refusal("username-unknown", "La username indicata non è registrata.")
CONTRACT_ENDED = Refusal(
    "contract-ended",
    "L'Area Clienti myBusiness è riservata ai dipendenti di aziende con un contratto TIM attivo.",
)
LOGIN_THROTTLED = Refusal("throttled", "Troppi tentativi non riusciti: riprova tra qualche minuto.")
FUNCTION_DENIED = Refusal("function-denied", "Il tuo profilo non è abilitato a questo servizio.")
NOT_FOUND = Refusal("not-found", "Elemento non trovato tra quelli della tua azienda.")
LINE_NOT_YOURS = Refusal("line-not-yours", "Puoi visualizzare solo i consumi della tua linea.")
NO_BUSINESS_LINE = "Non hai indicato un numero di cellulare aziendale in fase di registrazione."
MASTER_EXISTS = Refusal(
    "master-exists", "Per questo contratto mobile è già stato nominato un Referente Master."
)
ADMINISTRATOR_EXISTS = Refusal(
    "administrator-exists",
    "Per le linee fisse dell'azienda è già stato nominato un Referente Master (Amministratore).",
)
EMPLOYEE_UNKNOWN = Refusal(
    "employee-unknown", "Lo username indicato non è di un dipendente della tua azienda."
)
CONTRACT_UNKNOWN = Refusal("contract-unknown", "Il contratto indicato non è della tua azienda.")
MASTER_NOMINATED = "Referente Master nominato."
ADMINISTRATOR_NOMINATED = "Referente Master (Amministratore) nominato."
RECOVERY_SENT = "Se i dati corrispondono a un utente registrato, riceverai un'e-mail a breve."
USERNAME_EMAIL = "La tua username per l'Area Clienti myBusiness è: {username}"
PASSWORD_EMAIL = "La tua nuova password temporanea per l'Area Clienti myBusiness è {password} ."
PASSWORD_LINK_EMAIL = (
    "Per scegliere una nuova password dell'Area Clienti myBusiness apri questo link entro un'ora: {link} ."
    " Se non hai chiesto tu il recupero, ignora questa e-mail: la tua password non cambia."
)
RESET_LINK_INVALID = Refusal(
    "reset-link-invalid", "Il link per scegliere la password è scaduto o è già stato usato."
)
NEW_PASSWORD_MISMATCH = Refusal("password-mismatch", "Le due password non coincidono.")
NEW_PASSWORD_TOO_SHORT = Refusal("password-too-short", "La password deve avere almeno 8 caratteri.")
PASSWORD_CHANGED = "Password aggiornata: accedi con la nuova password."
# The page each function opens on (Flask endpoints of this portal).
FUNCTION_ENDPOINTS = {
    "consumi": "myb.consumption",
    "fatture": "myb.invoices",
    "servizi_mobili": "myb.mobile_services",
    "consistenze_mobile": "myb.mobile_inventory",
    "consistenze_fissa": "myb.fixed_inventory",
    "gestione_profili": "myb.profiles",
    "amministratore_fisso": "myb.administrator",
}
