"""Italian wording of the CM6 portal: messages, SMS and e-mail texts (from the source document)."""

from __future__ import annotations

from typing import Any, NamedTuple


class Refusal(str):
    """A message that refuses something, with its kind: pages mark it `data-error="<kind>"`, so a check
    (and a vendor's page map) can tell "username taken" from "username malformed" without parsing text.
    """

    kind: str

    def __new__(cls, kind: str, text: str) -> Refusal:
        made = super().__new__(cls, text)
        made.kind = kind
        return made

    def format(self, *args: Any, **values: Any) -> Refusal:
        """Fill the text (and a `{field}` in the kind) and keep the kind."""
        return Refusal(self.kind.format(**values), str.format(self, *args, **values))


PORTAL_NAME = "Portale della Convenzione di Telefonia Mobile 6"
PORTAL_URL = "https://www.convenzionemobile6.telecomitalia.it"


class Contacts(NamedTuple):
    phone: str
    fax: str
    mailbox: str


CONTACTS = Contacts("800.673.673", "800.000.109", "telefoniamobile6@telecomitalia.it")
MISTYPED_CONTACTS = Contacts("800.673.637", "800.000.190", "telefoniamobile6@telecomitalia.com")

SMS_SENDER = "40134"
EMAIL_SENDER = "convenzionemobile6@telecomitalia.it"

PROGRESS_STEPS = ("INSERIMENTO DATI", "RICONOSCIMENTO CLIENTE", "SCELTA USERNAME", "ESITO REGISTRAZIONE")

# --- registration -----------------------------------------------------------------------------
KIND_MISSING = Refusal("identifier-kind-missing", "Seleziona C.F. azienda o Partita IVA.")
IDENTIFIER_MISSING = Refusal(
    "identifier-missing", "Inserisci il Codice Fiscale o la Partita IVA dell'Ente/Amministrazione."
)
CF_INVALID = Refusal("fiscal-code-invalid", "Il Codice Fiscale inserito non è valido.")
PIVA_INVALID = Refusal("vat-number-invalid", "La Partita IVA inserita non è valida.")
PERSONAL_CF = Refusal(
    "personal-fiscal-code",
    "Hai inserito un codice fiscale personale: inserisci quello dell'Ente/Amministrazione",
)
ENTITY_UNKNOWN = Refusal(
    "entity-unknown", "L'identificativo inserito non corrisponde a nessun Ente/Amministrazione cliente."
)
ENTITY_OUTSIDE = Refusal(
    "entity-outside-convention",
    "L'Ente/Amministrazione indicato non ha SIM CARD in un contratto inserito in Convenzione Mobile 6.",
)
CAPTCHA_WRONG = Refusal(
    "captcha-wrong", "Il codice grafico inserito non è corretto: digita il nuovo codice visualizzato."
)

FIELD_LABELS = {
    "nome": "Nome",
    "cognome": "Cognome",
    "cellulare": "Cellulare",
    "codice_fiscale": "Codice Fiscale",
    "email": "eMail",
    "numero_aziendale": "Numero mobile aziendale TIM",
}
FIELD_REQUIRED = Refusal("required-{field}", "Il campo {label} è obbligatorio.")
NAME_INVALID = Refusal("name-invalid-{field}", "Il campo {label} contiene caratteri non ammessi.")
PERSONAL_CF_INVALID = Refusal("personal-fiscal-code-invalid", "Il Codice Fiscale personale non è valido.")
EMAIL_INVALID = Refusal("email-invalid", "L'indirizzo email non è valido.")
MOBILE_INVALID = Refusal(
    "mobile-invalid-{field}", "Il numero {label} non è un numero mobile italiano valido."
)
SIM_NOT_IN_CONVENTION = Refusal(
    "sim-outside-convention",
    "Il numero aziendale {number} non è una SIM di un contratto in Convenzione Mobile 6.",
)
SIM_OTHER_ENTITY = Refusal(
    "sim-other-entity", "Il numero aziendale {number} non appartiene al tuo Ente/Amministrazione."
)
SIM_NOT_ACTIVE = Refusal("sim-not-active", "Il numero aziendale {number} non è attivo (linea cessata).")

OTP_SMS_REGISTRATION = (
    "Il codice temporaneo da utilizzare per completare la tua registrazione al nostro sito e': "
    "{code} Digita tutti i caratteri, spazio incluso."
)
OTP_SMS_LOGIN = f"Il codice OTP per accedere al {PORTAL_NAME} e': {{code}}"
OTP_WRONG = Refusal("code-wrong", "Il codice OTP inserito non è corretto.")
OTP_EXPIRED = Refusal("code-expired", "Il codice OTP è scaduto: richiedi un nuovo codice.")
OTP_LOCKED = Refusal(
    "code-locked", "Il codice OTP è stato bloccato dopo 5 tentativi errati: richiedi un nuovo codice."
)
OTP_MISSING = Refusal("code-missing", "Nessun codice OTP valido: richiedi un nuovo codice.")
OTP_RESENT = "Ti abbiamo inviato un nuovo codice via SMS."
TOO_MANY_CODES = Refusal("too-many-codes", "Troppe richieste di codici: riprova più tardi.")

USERNAME_RULE = (
    "Ti ricordiamo che la username deve contenere almeno 6 caratteri alfanumerici "
    "con una lunghezza massima di 16 caratteri."
)
USERNAME_INVALID = Refusal(
    "username-invalid", "La username deve contenere da 6 a 16 caratteri alfanumerici (solo lettere e cifre)."
)
LINE_ALREADY_REGISTERED = Refusal(
    "line-already-registered", "La linea {number} risulta già associata a un utente registrato al portale"
)
USERNAME_TAKEN = Refusal(
    "username-taken", "La username {username} risulta già utilizzata da un altro utente registrato al portale"
)
REGISTRATION_DONE = (
    "La registrazione è stata completata. Riceverai un'email con la password temporanea di accesso: "
    "clicca in alto a destra su Login ed inserisci lo username da te scelto e la password ricevuta."
)

CONFIRMATION_SUBJECT = f"Conferma Registrazione {PORTAL_NAME} - Password Temporanea"
PASSWORD_EMAIL_BODY = (
    "Gentile {name},\n\n"
    f"la tua nuova password temporanea per il {PORTAL_NAME} è {{password}};\n\n"
    "Ti ricordiamo di effettuare il primo login entro 5 giorni dalla ricezione della presente mail.\n\n"
    f"Accedi subito al {PORTAL_NAME} URL:{PORTAL_URL}\n\n"
    "Con un'unica Username e Password potrai disporre dei tuoi servizi di Telefonia Mobile.\n\n"
    "{closing}\n\n"
    "Telecom Italia per la Convenzione di Telefonia mobile 6\n"
)
CONFIRMATION_CLOSING = "Ti ringraziamo per la tua registrazione e ti aspettiamo online."

# --- login, private area, recovery ------------------------------------------------------------
LOGIN_WRONG = Refusal("credentials-wrong", "Username o password non corretti.")
LOGIN_UNKNOWN_USERNAME = Refusal("credentials-wrong", "Username inesistente.")  # a defect's (security_bugs)
TEMPORARY_PASSWORD_EXPIRED = Refusal(
    "temporary-password-expired",
    "La password temporanea è scaduta: utilizza RECUPERA PASSWORD per riceverne una nuova.",
)
LINE_NOT_ACTIVE = Refusal(
    "line-not-active",
    "La tua linea non risulta attiva in Convenzione Mobile 6: non è possibile accedere al portale.",
)
CM5_MUST_REGISTER = Refusal(
    "must-register-again",
    "Gli utenti della Convenzione di Telefonia Mobile 5 devono registrarsi nuovamente al portale: "
    "clicca su Registrati.",
)
LOGIN_EXPIRED = Refusal(
    "login-expired", "La procedura di accesso è scaduta: inserisci di nuovo username e password."
)
LOGIN_THROTTLED = Refusal(
    "too-many-attempts", "Troppi tentativi di accesso non riusciti: riprova tra qualche minuto."
)

PASSWORD_CURRENT_WRONG = Refusal("current-password-wrong", "La password attuale non è corretta.")
PASSWORD_MISMATCH = Refusal("password-mismatch", "La nuova password e la conferma non coincidono.")
PASSWORD_WEAK = Refusal(
    "password-weak", "La nuova password deve contenere almeno 8 caratteri, con lettere e cifre."
)
PASSWORD_CHANGED = "La password è stata modificata correttamente."

RECOVERY_MISSING = Refusal("recovery-data-missing", "Compila tutti i campi richiesti.")
RECOVERY_UNKNOWN = Refusal(
    "recovery-data-unknown", "I dati inseriti non corrispondono a nessun utente registrato al portale."
)
# A defect's answers (security_bugs): they tell a stranger which usernames exist.
RECOVERY_UNKNOWN_USERNAME = Refusal("recovery-data-unknown", "Username non registrata al portale.")
PASSWORD_RECOVERY_SENT = "Ti abbiamo inviato un'email con la nuova password temporanea di accesso."
USERNAME_RECOVERY_SENT = "Ti abbiamo inviato un'email con la tua username."
PASSWORD_RECOVERY_SUBJECT = f"Recupero password {PORTAL_NAME} - Password Temporanea"
PASSWORD_RECOVERY_CLOSING = (
    "Se non hai richiesto tu il recupero della password, contatta il Servizio Clienti."
)
USERNAME_RECOVERY_SUBJECT = f"Recupero username {PORTAL_NAME}"
USERNAME_EMAIL_BODY = (
    "Gentile {name},\n\n"
    "la tua username è: {username}\n\n"
    f"Accedi subito al {PORTAL_NAME} URL:{PORTAL_URL}\n\n"
    "Telecom Italia per la Convenzione di Telefonia mobile 6\n"
)
