"""CM6's parameter types: the business phrases of its feature files and what they mean to the tasks.

One phrase table per type; a step that takes `{sim:Sim}` accepts exactly the phrases listed here,
so feature files stay in business language and steps stay one line each.
"""

from __future__ import annotations

from portalcert.docspec import PhraseTypes
from portalcert.phrase_types import choice, enum_choice

from .tasks.registration import CodeVariant, Point, Spoiler
from .tasks.signing_in import ACCESS, REFUSED

# The registrant's details of step 2: phrase -> page-map field of registration_step2.
DETAILS = {
    "first name": "first_name",
    "last name": "last_name",
    "contact mobile": "contact_mobile",
    "personal codice fiscale": "personal_fiscal_code",
    "e-mail address": "email",
    "business mobile number": "business_mobile",
}

# What the registration refuses, and why: phrase -> kind of message (the page map's `errors:`).
REFUSALS = {
    "the codice fiscale as invalid": "fiscal_code_invalid",
    "the partita IVA as invalid": "vat_number_invalid",
    "the graphic code": "captcha_wrong",
    "a personal codice fiscale": "personal_fiscal_code",
    "an Amministrazione outside the Convenzione": "entity_outside_convention",
    "the ceased SIM": "sim_not_active",
    "the SIM of another Amministrazione": "sim_other_entity",
    "the SIM outside the Convenzione": "sim_outside_convention",
    **{f"the missing {phrase}": f"required_{field}" for phrase, field in DETAILS.items()},
    "the invalid personal codice fiscale": "personal_fiscal_code_invalid",
    "the invalid e-mail address": "email_invalid",
    "the invalid contact mobile": "contact_mobile_invalid",
    "the username": "username_invalid",
}

# Who a step speaks of: phrase -> role in the data set's `accounts`.
ENTITY_ROLES = {
    "the Amministrazione": "entity",
    "another Amministrazione": "other_entity",
    "a company outside the Convenzione": "outside_entity",
}
SIM_ROLES = {
    "active SIM of the Amministrazione": "active_sim",
    "declared SIM of the Amministrazione": "declared_sim",
    "ceased SIM of the Amministrazione": "ceased_sim",
    "SIM of another Amministrazione": "other_entity_sim",
    "SIM outside the Convenzione": "non_convention_sim",
    "SIM already registered to a user": "registered_sim",
}
USER_ROLES = {
    "a registered user": "user",
    "a user who received a temporary password": "temp_user",
    "a user whose business SIM has ceased": "ceased_user",
    "a Convenzione 5 user whose line is active in Convenzione Mobile 6": "cm5_user",
    "a Convenzione 5 user whose line is not in Convenzione Mobile 6": "cm5_user_outside",
}

TYPES: PhraseTypes = dict(
    Page=choice(
        {
            "public area": "public_home",
            "registration": "registration_step1",
            "login page": "login",
            "password recovery page": "password_recovery",
            "username recovery page": "username_recovery",
        }
    ),
    Contact=choice(
        {
            "voice toll-free number": "contact_phone",
            "fax toll-free number": "contact_fax",
            "Convenzione mailbox": "contact_mailbox",
        }
    ),
    EntryPoint=choice(
        {
            '"Registrati Ora" link in the REGISTRATI box': "register_now",
            '"Registrati" link in the top menu': "menu_register",
        }
    ),
    Entity=choice(ENTITY_ROLES),
    IdentifierKind=choice({"codice fiscale": "entity_fiscal_code", "partita IVA": "vat_number"}),
    Spoiler=enum_choice(Spoiler),
    Point=enum_choice(Point),
    Sim=choice(SIM_ROLES),
    Detail=choice(DETAILS),
    Refusal=choice(REFUSALS),
    CodeVariant=enum_choice(CodeVariant),
    RegistrationState=choice(
        {
            phrase: phrase
            for phrase in (
                "is at step 1",
                "moves on to step 2",
                "asks for the SMS code",
                "rejects the code",
                "moves on to step 3",
                "completes successfully",
                "ends with a negative outcome",
            )
        }
    ),
    User=choice(USER_ROLES),
    Credential=choice(
        {
            "their password": "their",
            "a wrong password": "wrong",
            "another user's password": "another user's",
            "the temporary password": "temporary",
            "the new password": "new",
            "the recovered password": "recovered",
        }
    ),
    Access=choice({phrase: phrase for phrase in (*ACCESS, REFUSED)}),
    Recoverable=choice({"password": "password", "username": "username"}),
)
