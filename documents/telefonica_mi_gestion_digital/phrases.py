"""MGD's parameter types: the business phrases of its feature files and what they mean to the tasks."""

from __future__ import annotations

from portalcert.docspec import PhraseTypes
from portalcert.phrase_types import choice

COMPANIES = {
    "company with fixed and mobile lines": "company_fixed_mobile",
    "company with fixed lines only": "company_fixed_only",
    "company with mobile lines only": "company_mobile_only",
    "Grandes Clientes company": "company_large",
}
EMAILS = {
    "an e-mail unknown to Telefónica": "unknown",
    "the e-mail of another company's interlocutor": "registrant_other",
    "the e-mail of a registered user": "user",
}
LINES = {
    "a fixed line of the company": "fixed:own",
    "a mobile line of the company": "mobile:own",
    "a line of another company": "fixed:other",
    "a mobile line of another company": "mobile:other",
    "a Spanish mobile of no company": "spanish_mobile",
}
# What the registration does next: (page, False: no error | the kind of refusal it shows).
REGISTRATION_OUTCOMES = {
    "asks for a Telefónica mobile of the company": ("registration_mobile", False),
    "asks for the bank accounts": ("registration_accounts", False),
    "moves on from the phone step": ("", False),  # to the next step, whichever it is: not refused
    "asks for the security code": ("registration_code", False),
    "refuses the line as not the company's": ("registration_line", "line_not_of_company"),
    "refuses the mobile as not the company's": ("registration_mobile", "mobile_not_of_company"),
    "refuses the account as not a valid IBAN": ("registration_accounts", "iban_invalid"),
    "refuses the account as not where it pays": ("registration_accounts", "iban_not_matching"),
    "refuses the code as wrong": ("registration_code", "code_wrong"),
}
ACCOUNTS_ASKED = {
    "the accounts of the fixed and the mobile lines": (True, True),
    "the account of the fixed lines only": (True, False),
    "the account of the mobile lines only": (False, True),
}
ACCOUNT_VARIANTS = {
    "the accounts where each kind of line is paid": "right",
    "the accounts where each kind of line is paid, in groups of four": "grouped",
    "an IBAN with wrong check digits": "wrong_check_digits",
    "a valid IBAN the company does not pay from": "another_company",
    "the two accounts swapped": "swapped",
}
CODE_DESTINATIONS = {
    "the Telefónica mobile given, by SMS": "sms",
    "the mobile given, by SMS": "sms",
    "the interlocutor's e-mail": "email",
}
MI_AREA_OUTCOMES = {
    "refuses the mobile as missing": ("welcome", "mobile_required"),
    "accepts the mobile": ("", False),  # on to its activation, or to Mi Área: not refused
    "refuses the mobile as not a national mobile": ("welcome", "mobile_invalid"),
    "refuses for the terms of use not accepted": ("welcome", "terms_required"),
    "refuses the code as wrong": ("mobile_activation", "code_wrong"),
}
MOBILES = {
    "no number": "none",
    "a Spanish mobile of no company": "spanish_mobile",
    "a Spanish fixed number": "spanish_fixed",
    "a foreign mobile": "foreign_mobile",
    "the mobile given": "given",
    "another mobile of the company": "company_mobile",
}
PASSWORD_MAKEUP = {
    "with every kind of character": "",
    "without a lowercase letter": "lower",
    "without an uppercase letter": "upper",
    "without a digit": "digit",
}
PASSWORD_OUTCOMES = {
    "accepted": "accepted",
    "refused as too short": "password_too_short",
    "refused as too long": "password_too_long",
    "refused for lacking a lowercase letter": "password_no_lowercase",
    "refused for lacking an uppercase letter": "password_no_uppercase",
    "refused for lacking a digit": "password_no_digit",
    "refused for a wrong code": "code_wrong",
}

TYPES: PhraseTypes = dict(
    Company=choice(COMPANIES),
    Email=choice(EMAILS),
    Line=choice(LINES),
    RegistrationOutcome=choice(REGISTRATION_OUTCOMES),
    AccountsAsked=choice(ACCOUNTS_ASKED),
    Accounts=choice(ACCOUNT_VARIANTS),
    CodeDestination=choice(CODE_DESTINATIONS),
    MiAreaOutcome=choice(MI_AREA_OUTCOMES),
    Mobile=choice(MOBILES),
    Channel=choice({"e-mail": "email", "SMS": "sms"}),
    Destination=choice({"e-mail": "email", "mobile": "sms"}),
    PasswordMakeup=choice(PASSWORD_MAKEUP),
    PasswordOutcome=choice(PASSWORD_OUTCOMES),
    UserRole=choice({"a user who received a temporary password": "temp_user", "a registered user": "user"}),
    Credential=choice(
        {"the temporary password": "temporary", "the new password": "new", "a wrong password": "wrong"}
    ),
    Page=choice(
        {"access page": "access", "registration": "registration", "forgotten password page": "forgot"}
    ),
    Moment=choice(
        {
            m: m
            for m in (
                "Friday at 17:59",
                "Friday at 18:00",
                "Saturday at 12:00",
                "Monday at 07:59",
                "Monday at 08:00",
            )
        }
    ),
    ChatState=choice({"operating": True, "closed": False}),
    Device=choice({"phone": "phone", "tablet": "tablet", "desktop": "desktop"}),
)
