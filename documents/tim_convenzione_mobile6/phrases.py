"""CM6's parameter types: the business phrases of its feature files and what they mean to the tasks.

One phrase table per type; a step that takes `{sim:Sim}` accepts exactly the phrases listed here,
so feature files stay in business language and steps stay one line each.
"""

from __future__ import annotations

from portalcert.docspec import PhraseTypes
from portalcert.phrase_types import choice, enum_choice

from .tasks.registration import CodeVariant, Point, Spoiler
from .tasks.signing_in import ACCESS, REFUSED

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
    Entity=choice(
        {
            "the Amministrazione": "entity",
            "another Amministrazione": "other_entity",
            "a company outside the Convenzione": "outside_entity",
        }
    ),
    IdentifierKind=choice({"codice fiscale": "entity_fiscal_code", "partita IVA": "vat_number"}),
    Spoiler=enum_choice(Spoiler),
    Point=enum_choice(Point),
    Sim=choice(
        {
            "active SIM of the Amministrazione": "active_sim",
            "declared SIM of the Amministrazione": "declared_sim",
            "ceased SIM of the Amministrazione": "ceased_sim",
            "SIM of another Amministrazione": "other_entity_sim",
            "SIM outside the Convenzione": "non_convention_sim",
            "SIM already registered to a user": "registered_sim",
        }
    ),
    Detail=choice(
        {
            "first name": "first_name",
            "last name": "last_name",
            "contact mobile": "contact_mobile",
            "personal codice fiscale": "personal_fiscal_code",
            "e-mail address": "email",
            "business mobile number": "business_mobile",
        }
    ),
    CodeVariant=enum_choice(CodeVariant),
    RegistrationState=choice(
        {
            phrase: phrase
            for phrase in (
                "is at step 1",
                "moves on to step 2",
                "stays at step 1 with an error",
                "asks for the SMS code",
                "stays at step 2 with an error",
                "rejects the code",
                "moves on to step 3",
                "stays at step 3, refusing the username",
                "completes successfully",
                "ends with a negative outcome",
            )
        }
    ),
    User=choice(
        {
            "a registered user": "user",
            "a user who received a temporary password": "temp_user",
            "a user whose business SIM has ceased": "ceased_user",
            "a Convenzione 5 user whose line is active in Convenzione Mobile 6": "cm5_user",
            "a Convenzione 5 user whose line is not in Convenzione Mobile 6": "cm5_user_outside",
        }
    ),
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
