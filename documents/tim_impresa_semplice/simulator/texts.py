"""Italian wording of the TIM Impresa Semplice Area Clienti: labels, messages, SMS and e-mail texts."""

from __future__ import annotations

from typing import Any


class Refusal(str):
    """A message that refuses something, with its kind: pages mark it `data-error="<kind>"`."""

    kind: str

    def __new__(cls, kind: str, text: str) -> Refusal:
        made = super().__new__(cls, text)
        made.kind = kind
        return made

    def format(self, *args: Any, **values: Any) -> Refusal:
        return Refusal(self.kind, str.format(self, *args, **values))


PORTAL_NAME = "TIM Impresa Semplice - Area Clienti"
EMAIL_SENDER = "areaclienti@impresasemplice.tim.it"
SMS_SENDER = "TIM"

# Profiles a web user can hold: value -> label (the guide's words).
PROFILES = {
    "full": "Amministratore Full",
    "light": "Amministratore Light",
    "user": "Utilizzatore",
}
RL_PROFILE = "rl"
PROFILE_LABELS = {**PROFILES, RL_PROFILE: "Rappresentante Legale"}

# Stato Registrazione of a mobile line or web user in Gestione Utenze.
STATE_TO_REGISTER = "Da registrare"
STATE_REGISTERED = "Registrato"
STATE_ACTIVE = "Attivo"

# --- e-mails and SMS -----------------------------------------------------------------------------

WELCOME_SUBJECT = "Benvenuto nel mondo TIM"
WELCOME_BODY = (
    "Gentile Cliente,\n"
    "la tua username di accesso all'Area Clienti TIM Impresa Semplice è: {username}\n"
    "Per completare la registrazione clicca sul link: {link}\n"
    "Il link è valido {hours} ore e può essere usato una sola volta.\n"
)
RECOVERY_SUBJECT = "Recupera Password"
RECOVERY_BODY = (
    "Gentile Cliente,\n"
    "per scegliere una nuova password per la username {username} clicca sul link: {link}\n"
    "Il link è valido {hours} ore e può essere usato una sola volta.\n"
)
CODE_SUBJECT = "Codice di verifica"
CODE_EMAIL_BODY = "Gentile Cliente,\nil codice di verifica per l'Area Clienti è: {code}\n"
CODE_SMS = "Il codice di verifica per l'Area Clienti TIM Impresa Semplice e': {code}"

# --- notices ---------------------------------------------------------------------------------------

CODE_SENT_SMS = "Ti abbiamo inviato il codice di verifica via SMS."
CODE_SENT_EMAIL = "Ti abbiamo inviato il codice di verifica con una seconda e-mail."
ACTIVATED = "Registrazione completata: accedi con la tua username e la nuova password."
RESEND_DONE = "Ti abbiamo inviato nuovamente la e-mail con la username."
# The same for every username typed: whether it exists is not told (OWASP ASVS 5.0 6.3.8).
RECOVERY_SENT = (
    "Se la username è registrata, ti abbiamo inviato una e-mail con il link per scegliere la nuova password."
)
USER_SAVED = "Utente salvato: potrai completare la registrazione in seguito."
USER_REGISTERED = "Registrazione effettuata: il nuovo registrato riceverà la e-mail con la username."
LINE_UPDATED = "Dati associati al numero salvati."
EMAIL_RESENT = "E-mail con la username inviata nuovamente."

# --- refusals --------------------------------------------------------------------------------------

LOGIN_WRONG = Refusal("credentials-wrong", "Username o password errati.")
LOGIN_THROTTLED = Refusal("throttled", "Troppi tentativi: riprova più tardi.")
LINK_INVALID = Refusal("link-invalid", "Il link non è valido, è scaduto o è già stato utilizzato.")
CODE_WRONG = Refusal("code-wrong", "Il codice di verifica non è corretto.")
CODE_EXPIRED = Refusal("code-wrong", "Il codice di verifica è scaduto: richiedine uno nuovo.")
CODE_LOCKED = Refusal("code-wrong", "Troppi tentativi errati: richiedi un nuovo codice.")
TOO_MANY_CODES = Refusal("too-many-codes", "Hai richiesto troppi codici: riprova più tardi.")
PASSWORD_WEAK = Refusal("password-weak", "La password deve avere almeno 8 caratteri, con lettere e numeri.")
PASSWORDS_DIFFER = Refusal("passwords-differ", "Le due password non coincidono.")
# The username e-mail asked again for an address without a registration waiting, whatever the reason:
# the answer does not tell a stranger which addresses hold an account (OWASP ASVS 5.0 6.3.8).
NOT_REGISTERED = Refusal(
    "not-registered",
    "Nessuna registrazione in attesa per questo indirizzo e-mail. Se sei un dipendente, chiedi al"
    " Rappresentante Legale della tua Azienda di registrarti con la Gestione Utenze; se hai già"
    " completato la registrazione, usa Recupera Password.",
)
ALREADY_ACTIVE = Refusal("already-active", "La registrazione è già completata: usa Recupera Password.")
# Only the security defects (security_bugs.py) say these to a visitor.
EMAIL_UNKNOWN = Refusal("email-unknown", "Nessuna registrazione in attesa per questo indirizzo e-mail.")
USERNAME_UNKNOWN = Refusal("username-unknown", "Username non riconosciuta.")
FIELD_REQUIRED = Refusal("required", "Compila tutti i campi obbligatori.")
EMAIL_INVALID = Refusal("email-invalid", "Indirizzo e-mail non valido.")
MOBILE_INVALID = Refusal("mobile-invalid", "Numero di cellulare non valido.")
USERNAME_INVALID = Refusal("username-invalid", "Username non valida.")
USERNAME_TAKEN = Refusal("username-taken", "Username già in uso: scegline un'altra.")
PROFILE_INVALID = Refusal("profile-invalid", "Scegli il profilo da attribuire al dipendente.")
USERNAME_ONLY_SUBJECT = "La tua username per l'Area Clienti"
USERNAME_ONLY_BODY = (
    "Gentile Cliente,\nla tua username di accesso all'Area Clienti TIM Impresa Semplice è: {username}\n"
)
LINE_TAKEN = Refusal("line-taken", "Il numero è già associato a un dipendente.")
LINE_NOT_ASSOCIATED = Refusal("line-not-associated", "Associa prima un dipendente al numero con Aggiorna.")
ALREADY_REGISTERED = Refusal("already-registered", "L'utente è già registrato.")
SAVE_FIRST = Refusal("not-registered-yet", "Registra prima l'utente con Registra.")
