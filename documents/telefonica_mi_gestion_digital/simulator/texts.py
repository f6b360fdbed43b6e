"""Spanish wording of the Mi Gestión Digital portal: labels of the guide, messages, SMS and e-mails."""

from __future__ import annotations

from typing import Any


class Refusal(str):
    """A message that refuses something, with its kind: pages mark it `data-error="<kind>"`, so a check
    (and a vendor's page map) can tell "e-mail already registered" from "not an interlocutor"."""

    kind: str

    def __new__(cls, kind: str, text: str) -> Refusal:
        made = super().__new__(cls, text)
        made.kind = kind
        return made

    def format(self, *args: Any, **values: Any) -> Refusal:
        return Refusal(self.kind, str.format(self, *args, **values))

    def with_kind(self, kind: str) -> Refusal:
        return Refusal(kind, str(self))


PORTAL_NAME = "Mi Gestión Digital"
SMS_SENDER = "Telefonica"
EMAIL_SENDER = "migestiondigital@telefonica.example.es"
ADVISOR_PHONE = "1489"

# --- registration -------------------------------------------------------------------------------
FISCAL_ID_INVALID = Refusal("fiscal-id-invalid", "El CIF o NIF introducido no es válido.")
COMPANY_UNKNOWN = Refusal("company-unknown", "No encontramos ninguna empresa cliente con ese CIF o NIF.")
NOT_INTERLOCUTOR = Refusal(
    "email-not-interlocutor",
    "No se ha podido finalizar el proceso de registro: el email no está identificado como interlocutor"
    f" de la empresa. Contacta con tu asesor personal de Telefónica en el teléfono {ADVISOR_PHONE}.",
)
ALREADY_REGISTERED = Refusal(
    "email-already-registered",
    "El email ya está dado de alta en Mi Gestión Digital. Contacta con el Administrador de la "
    "web de tu empresa.",
)
REQUIRED = Refusal("required", "El campo {label} es obligatorio.")
LINE_NOT_OF_COMPANY = Refusal(
    "line-not-of-company", "El número {number} no pertenece a la Id. Fiscal con la que te estás registrando."
)
MOBILE_NOT_OF_COMPANY = Refusal(
    "mobile-not-of-company",
    "El número {number} no es un móvil contratado con Telefónica por la Id. Fiscal del registro.",
)
IBAN_INVALID = Refusal("iban-invalid", "El número de cuenta {iban} no es un IBAN válido.")
IBAN_NOT_MATCHING = Refusal(
    "iban-not-matching",
    "La cuenta {iban} no es la cuenta donde tienes domiciliados los pagos de tus líneas {kind}.",
)
CODE_WRONG = Refusal("code-wrong", "El código de seguridad no es correcto.")
CODE_EXPIRED = Refusal("code-expired", "El código de seguridad ha caducado: solicita uno nuevo.")
CODE_LOCKED = Refusal(
    "code-locked", "El código de seguridad se ha bloqueado tras 5 intentos: solicita uno nuevo."
)
TOO_MANY_CODES = Refusal("too-many-codes", "Has solicitado demasiados códigos: inténtalo más tarde.")
REQUEST_SENT = (
    "Hemos recibido tu solicitud de registro. Un asesor contactará contigo para validar los datos y"
    " gestionar el acceso del interlocutor autorizado y de los usuarios."
)
CODE_SENT_SMS = "Te hemos enviado un SMS con un código de seguridad al número {to}."
CODE_SENT_EMAIL = "Te hemos enviado un email con un código de seguridad a {to}."
SECURITY_CODE_SMS = "Mi Gestion Digital: tu codigo de seguridad es {code}"
SECURITY_CODE_SUBJECT = "Mi Gestión Digital: código de seguridad"
SECURITY_CODE_BODY = (
    "Hola,\n\ntu código de seguridad de Mi Gestión Digital es {code}\n\nTelefónica Empresas\n"
)
TEMPORARY_PASSWORD_SUBJECT = "Mi Gestión Digital: tu contraseña temporal"
TEMPORARY_PASSWORD_BODY = (
    "Hola {name},\n\ntu contraseña temporal de Mi Gestión Digital es {password}\n\n"
    "La próxima vez que accedas deberás introducirla para identificarte; después te pediremos que la"
    " cambies por una nueva.\n\nTelefónica Empresas\n"
)

# --- Mi Área ------------------------------------------------------------------------------------
TERMS_REQUIRED = Refusal("terms-required", "Debes aceptar las condiciones de uso.")
MOBILE_REQUIRED = Refusal("mobile-required", "El número de teléfono móvil es obligatorio.")
MOBILE_INVALID = Refusal("mobile-invalid", "El número {number} no es un teléfono móvil de ámbito nacional.")
ACTIVATION_SENT = "Te hemos enviado un nuevo código de seguridad al {number} para su activación."

# --- access ---------------------------------------------------------------------------------------
CREDENTIALS_WRONG = Refusal("credentials-wrong", "El email o la contraseña no son correctos.")
LOGIN_UNKNOWN_EMAIL = Refusal("credentials-unknown-email", "No hay ningún usuario con ese email.")
TEMPORARY_PASSWORD_EXPIRED = Refusal(
    "temporary-password-expired",
    "Tu contraseña temporal ha caducado: genera una nueva con «He olvidado mi contraseña».",
)
LOGIN_THROTTLED = Refusal("login-throttled", "Demasiados intentos: espera unos minutos.")
PENDING_VALIDATION = Refusal(
    "pending-validation", "Tu solicitud de registro está pendiente de validación por tu asesor."
)
SESSION_EXPIRED = Refusal("session-expired", "Tu sesión ha caducado: vuelve a identificarte.")
CHANNEL_REQUIRED = Refusal("channel-required", "Elige dónde quieres recibir el código de seguridad.")
PASSWORD_RULE = (
    "Por seguridad, debe tener entre 8 y 20 caracteres y al menos 1 letra minúscula, 1 mayúscula y 1 número."
)
PASSWORD_TOO_SHORT = Refusal("password-too-short", "La contraseña debe tener al menos 8 caracteres.")
PASSWORD_TOO_LONG = Refusal("password-too-long", "La contraseña no puede tener más de 20 caracteres.")
PASSWORD_NO_LOWERCASE = Refusal(
    "password-no-lowercase", "La contraseña debe tener al menos 1 letra minúscula."
)
PASSWORD_NO_UPPERCASE = Refusal(
    "password-no-uppercase", "La contraseña debe tener al menos 1 letra mayúscula."
)
PASSWORD_NO_DIGIT = Refusal("password-no-digit", "La contraseña debe tener al menos 1 número.")
PASSWORDS_DIFFER = Refusal("passwords-differ", "Las contraseñas no coinciden.")
PASSWORD_CHANGED = "Tu contraseña se ha cambiado correctamente."
FORGOT_UNKNOWN = Refusal("forgot-unknown", "No encontramos ningún usuario con ese email.")

# --- chat -----------------------------------------------------------------------------------------
CHAT_HOURS = "Chat de ayuda online: de 8 a 18h, de lunes a viernes."
CHAT_OPEN = "Un agente te atenderá enseguida. Escribe tu consulta."
CHAT_CLOSED = "El chat de ayuda está fuera de horario. " + CHAT_HOURS
