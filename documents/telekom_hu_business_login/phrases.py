"""The parameter types of this document's feature files: each business phrase and what it means."""

from __future__ import annotations

from portalcert.docspec import PhraseTypes
from portalcert.phrase_types import choice

from .tasks.phone import FORMS

COMPANY_FUNCTIONS = {
    "Számlák": "szamlak",
    "Előfizetések": "elofizetesek",
    "Rendelések": "rendelesek",
    "Felhasználók kezelése": "felhasznalok",
    "Felhasználói jogok beállítása": "jogok",
}
NUMBER_FUNCTIONS = {"Egyenleg és forgalom": "egyenleg", "Szolgáltatások": "szolgaltatasok"}
FUNCTIONS = {**COMPANY_FUNCTIONS, **NUMBER_FUNCTIONS}

# Who a Given speaks of: phrase -> role in the data set's `accounts`.
USER_ROLES = {
    "a business user": "business_user",
    "a business user with a temporary password": "temp_user",
    "a business user of a company whose main admin switched SMS codes off": "sms_off_user",
    "a business user without a Telekom fiók": "no_fiok_user",
    "a business user whose Telekom fiók lacks some data": "incomplete_fiok_user",
}

# What opening a function leads to: "sees <function>" or a refusal of a kind (page map `errors`).
OUTCOMES = {
    **{f"sees {label}": f"sees:{name}" for label, name in FUNCTIONS.items()},
    "is refused for lacking the permission": "refused:no_permission",
    "is refused for company-level functions with a phone number": "refused:company_level",
    "is refused as withheld by the main admin": "refused:restricted",
}

TYPES: PhraseTypes = dict(
    User=choice(USER_ROLES),
    CompanyFunction=choice(COMPANY_FUNCTIONS),
    NumberFunction=choice(NUMBER_FUNCTIONS),
    Function=choice(FUNCTIONS),
    Holding=choice({"with": "with", "without": "without"}),
    Outcome=choice(OUTCOMES),
    Credential=choice(
        {
            "their password": "their",
            "a wrong password": "wrong",
            "the temporary password": "temporary",
            "the new password": "new",
        }
    ),
    Channel=choice({"e-mail": "email", "phone": "phone"}),
    Offer=choice({"create a Telekom fiók": "create", "complete the data of the Telekom fiók": "complete"}),
    Prefix=choice({prefix: prefix for prefix in ("20", "30", "31", "50", "70")}),
    NumberForm=choice({form: form for form in FORMS}),
)
