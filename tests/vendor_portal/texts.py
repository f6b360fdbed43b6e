"""Every Italian text the Borealis portal shows or sends, in one place (the page map quotes some of them)."""

from __future__ import annotations

PORTAL = "Borealis Telecom - Area Clienti PA"

# Contacts of the Convenzione (published in the public area, CM6-01).
VOICE_NUMBER = "800.673.673"
FAX_NUMBER = "800.000.109"
MAILBOX = "telefoniamobile6@telecomitalia.it"

# Registration: the four steps (titles and progress bar).
STEP_NAMES = ("INSERIMENTO DATI", "RICONOSCIMENTO CLIENTE", "SCELTA USERNAME", "ESITO REGISTRAZIONE")

# Messages of the channels.
SMS_REGISTRATION_SENDER = "40134"
SMS_LOGIN_SENDER = "Borealis"
SMS_REGISTRATION = (
    "Borealis Telecom: per completare la registrazione digita il codice {code}. "
    "Digita tutti i caratteri, spazio incluso."
)
SMS_LOGIN = "Borealis Telecom: codice di accesso all'Area Clienti {code} (valido 5 minuti)."
MAIL_SENDER = "convenzionemobile6@telecomitalia.it"
MAIL_REGISTRATION_SUBJECT = (
    "Conferma Registrazione Portale della Convenzione di Telefonia Mobile 6 - Password Temporanea"
)
MAIL_REGISTRATION = (
    "Gentile {name},\n\nla registrazione all'Area Clienti PA di Borealis Telecom è completata.\n"
    "Nome utente: {username}\nPassword temporanea: {password}\n\n"
    "Ti ricordiamo di effettuare il primo login entro 5 giorni dalla ricezione della presente mail: "
    "al primo accesso ti chiederemo di scegliere una nuova password.\n"
)
MAIL_RECOVERY_SUBJECT = "Area Clienti PA - Recupero password"
MAIL_RECOVERY = (
    "Gentile {name},\n\nhai chiesto di recuperare la password.\n"
    "Password di recupero: {password}\n\nÈ valida 24 ore, insieme alla tua password attuale.\n"
)
MAIL_USERNAME_SUBJECT = "Area Clienti PA - Recupero nome utente"
MAIL_USERNAME = "Gentile {name},\n\nil nome utente del tuo profilo è {username}\n"

# Refusals (each kind has its own text: the page map tells them apart by it).
ERRORS: dict[str, str] = {
    "csrf": "La sessione è scaduta: ricarica la pagina e riprova.",
    "fiscal_code_invalid": "Il codice fiscale dell'ente non è valido.",
    "vat_number_invalid": "La partita IVA non è valida.",
    "personal_fiscal_code": "Hai inserito un codice fiscale personale: serve quello dell'ente.",
    "entity_outside_convention": "L'ente indicato non ha un contratto in Convenzione Mobile 6.",
    "captcha_wrong": "Il codice grafico non corrisponde all'immagine.",
    "required": "Campo obbligatorio: {field}.",
    "personal_fiscal_code_invalid": "Il codice fiscale personale non è valido.",
    "email_invalid": "L'indirizzo e-mail non è valido.",
    "contact_mobile_invalid": "Il cellulare di contatto deve essere un numero mobile italiano.",
    "sim_not_active": "La SIM indicata non è attiva.",
    "sim_other_entity": "La SIM indicata è intestata a un altro ente.",
    "sim_outside_convention": "La SIM indicata non appartiene a un contratto in Convenzione Mobile 6.",
    "code_wrong": "Il codice inserito non è corretto.",
    "code_expired": "Il codice è scaduto: ricomincia per riceverne uno nuovo.",
    "username_invalid": "Il nome utente deve avere da 6 a 16 lettere o cifre.",
    "username_taken": "Il nome utente scelto è già in uso.",
    "line_already_registered": "La linea indicata ha già un utente registrato sul portale.",
    "credentials_wrong": "Nome utente o password non validi.",
    "password_expired": "La password temporanea è scaduta: usa il recupero password.",
    "line_not_active": "La tua linea non è attiva in Convenzione Mobile 6: accesso non consentito.",
    "recovery_data_unknown": "I dati inseriti non corrispondono ad alcun utente registrato.",
    "password_weak": "La nuova password deve avere almeno 8 caratteri, con lettere e cifre.",
    "password_mismatch": "Le due password non coincidono.",
    "password_current_wrong": "La password attuale non è corretta.",
    "delivery_failed": "Non è stato possibile inviare il messaggio: riprova più tardi.",
}

FIELD_LABELS: dict[str, str] = {
    "nome": "Nome",
    "cognome": "Cognome",
    "cellulare": "Cellulare di contatto",
    "codice_fiscale": "Codice fiscale personale",
    "email": "E-mail",
    "numero_aziendale": "Numero mobile aziendale TIM",
}

NOTICES: dict[str, str] = {
    "recovery_sent": "Ti abbiamo inviato un'e-mail con le istruzioni.",
    "password_changed": "La password è stata aggiornata.",
}


def error_text(kind: str) -> str:
    """The message of a kind of refusal; "required:<field>" names the missing field."""
    if kind.startswith("required:"):
        return ERRORS["required"].format(field=FIELD_LABELS[kind.partition(":")[2]])
    return ERRORS[kind]
