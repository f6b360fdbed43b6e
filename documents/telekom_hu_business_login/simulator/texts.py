"""Hungarian wording of the Telekom business self-service portal: labels, messages, SMS and e-mails."""

from __future__ import annotations

from typing import Any


class Refusal(str):
    """A message refusing something, with its kind: pages mark it `data-error="<kind>"` so that a check
    (and a vendor's page map) tells "wrong password" from "wrong code" without parsing the text."""

    kind: str

    def __new__(cls, kind: str, text: str) -> Refusal:
        made = super().__new__(cls, text)
        made.kind = kind
        return made

    def format(self, *args: Any, **values: Any) -> Refusal:
        return Refusal(self.kind, str.format(self, *args, **values))


PORTAL_NAME = "Telekom Üzleti online önkiszolgáló ügyfélszolgálat"
SMS_SENDER = "Telekom"
EMAIL_SENDER = "uzleti-onkiszolgalo@telekom.hu"

# Company-level functions (cég szintű ügyintézés): slug -> menu label. The first three can be granted
# to further business users; the last two belong to the main admin.
GRANTABLE = {"szamlak": "Számlák", "elofizetesek": "Előfizetések", "rendelesek": "Rendelések"}
ADMIN_ONLY = {"felhasznalok": "Felhasználók kezelése", "jogok": "Felhasználói jogok beállítása"}
COMPANY_FUNCTIONS = {**GRANTABLE, **ADMIN_ONLY}
# Functions of one phone number (hívószámhoz tartozó funkciók).
NUMBER_FUNCTIONS = {"egyenleg": "Egyenleg és forgalom", "szolgaltatasok": "Szolgáltatások"}

# --- login by business user ----------------------------------------------------------------------
LOGIN_ID_FORMAT = Refusal(
    "login-id-format", "A belépési azonosítót felhasználónév@cégnév formátumban add meg."
)
CREDENTIALS_WRONG = Refusal("credentials-wrong", "Hibás felhasználónév vagy jelszó.")
LOGIN_ID_UNKNOWN = Refusal("login-id-unknown", "Nincs ilyen felhasználónév.")  # only a defect says so
THROTTLED = Refusal("throttled", "Túl sok sikertelen próbálkozás: próbáld újra később.")
LOGIN_EXPIRED = Refusal("login-expired", "A belépés megszakadt: kezdd újra a felhasználónév megadásával.")
CODE_WRONG = Refusal("code-wrong", "A megadott kód hibás.")
CODE_EXPIRED = Refusal("code-expired", "A kód lejárt: kérj új kódot.")
CODE_LOCKED = Refusal("code-locked", "Túl sok hibás próbálkozás: kérj új kódot.")
TOO_MANY_CODES = Refusal("too-many-codes", "Túl sok kódot kértél: próbáld újra egy óra múlva.")
CODE_SENT_AGAIN = "Újra elküldtük az SMS-t."
LOGIN_SMS = "Telekom belepesi kod: {code} (az SMS dijmentes)"

# --- passwords -------------------------------------------------------------------------------------
PASSWORD_WEAK = Refusal(
    "password-weak", "Az új jelszó legalább 8 karakter, és tartalmazzon betűt és számjegyet is."
)
PASSWORD_MISMATCH = Refusal("password-mismatch", "A két új jelszó nem egyezik.")
PASSWORD_SAME = Refusal("password-same", "Az új jelszó nem lehet azonos az ideiglenes jelszóval.")
PASSWORD_CHANGED = "A jelszavad megváltozott."
RESET_CHANNEL_MISSING = Refusal("reset-channel-missing", "Válaszd ki, hová küldjük az azonosító kódot.")
RESET_CODE_SENT = "Elküldtük az egyszeri azonosító kódot."
RESET_DONE = "Az új jelszavad beállítottuk: most már beléphetsz vele."
RESET_SMS = "Telekom egyszeri azonosito kod: {code}"
RESET_EMAIL_SUBJECT = "Egyszeri azonosító kód új jelszó megadásához"
RESET_EMAIL_BODY = "Kedves {name}!\n\nAz egyszeri azonosító kódod: {code}\n\nÜdvözlettel: Telekom"
TEMPORARY_PASSWORD_SUBJECT = "Üzleti online önkiszolgáló felület: ideiglenes jelszó"
TEMPORARY_PASSWORD_BODY = (
    "Kedves {name}!\n\nBelépési azonosítód: {login}\nIdeiglenes jelszavad: {password}\n\n"
    "Az ideiglenes jelszót az első belépés után kötelező megváltoztatni.\n\nÜdvözlettel: Telekom"
)
DECLARATION_SUBJECT = "Tájékoztatás a főadminisztrátori regisztrációról"
DECLARATION_BODY = (
    'Kedves {name}!\n\nA "Nyilatkozat az üzleti online önkiszolgáló felület főadminisztrátori '
    'jogainak megadásáról" alapján beállítottuk főadminisztrátori felhasználódat.\n'
    "Belépési azonosítód: {login}\nIdeiglenes jelszavad: {password}\n\n"
    "Az ideiglenes jelszót az első belépés után kötelező megváltoztatni.\n\nÜdvözlettel: Telekom"
)

# --- login by phone number -------------------------------------------------------------------------
NUMBER_FORMAT = Refusal(
    "number-format", "A telefonszámot az előhívóval együtt, 9 számjegyű formátumban add meg (pl. 301234567)."
)
NUMBER_UNKNOWN = Refusal("number-unknown", "Ehhez a telefonszámhoz nem tartozik üzleti előfizetés.")

# --- access ----------------------------------------------------------------------------------------
NO_PERMISSION = Refusal("no-permission", "Ehhez a funkcióhoz nincs jogosultságod.")
COMPANY_LEVEL = Refusal(
    "company-level",
    "Telefonszámmal belépve csak az adott hívószámhoz tartozó funkciók érhetőek el, a cég szintű "
    "ügyintézés nem.",
)
RESTRICTED = Refusal(
    "restricted", "Ezt a funkciót a főadminisztrátor nem engedélyezte ehhez a telefonszámhoz."
)
RIGHTS_SAVED = "A felhasználói jogokat elmentettük."
USER_CREATED = "Az új felhasználót létrehoztuk: az ideiglenes jelszót e-mailben küldtük el."
USER_INVALID = Refusal(
    "user-invalid", "Adj meg egy felhasználónevet (kisbetűk, számok), e-mail címet és mobilszámot."
)
USER_EXISTS = Refusal("user-exists", "Ilyen felhasználó már létezik.")
