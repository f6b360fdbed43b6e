"""Registration steps 1 and 2: the Amministrazione, the personal data, the business line (CM6-05 to 14)."""

from __future__ import annotations

from simulator.defects import Defect

# The scenarios whose Given walks the registration past the SMS code: a bug on that path breaks them.
_PAST_THE_SMS_CODE = (
    "CM6-07: At registration step 2 with the SMS code sent the page shows step 2 and its name",
    "CM6-07: At registration step 3 the page shows step 3 and its name",
    "CM6-07: At registration step 4 the page shows step 4 and its name",
    "CM6-16: The code typed exactly as received",
    "CM6-16: The code typed with a wrong word",
    "CM6-16: The code typed without its space",
    "CM6-17: A username of 10 characters, an accented letter, is refused",
    "CM6-17: A username of 10 characters, only letters, is accepted",
    "CM6-17: A username of 11 characters, a dot, is refused",
    "CM6-17: A username of 11 characters, an underscore, is refused",
    "CM6-17: A username of 16 characters, letters, digits, is accepted",
    "CM6-17: A username of 17 characters, letters, digits, is refused",
    "CM6-17: A username of 5 characters, letters, digits, is refused",
    "CM6-17: A username of 6 characters, letters, digits, is accepted",
    "CM6-18: The username step can be printed",
    "CM6-19: Cancelling at step 2 with the SMS code sent abandons the registration",
    "CM6-19: Cancelling at step 3 abandons the registration",
    "CM6-20: The registrant receives the temporary password and can log in with it",
    "CM6-21: Registering a line that already has a portal user ends with the reason and RIPROVA",
)

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "accepts_entity_outside_convention",
        "CM6-05",
        "step 1 accepts an entity with no CM6 contract",
        kills=("CM6-05: A company without a Convenzione Mobile 6 contract is stopped at step 1",),
    ),
    Defect(
        "accepts_ceased_sim",
        "CM6-06",
        "step 2 accepts a ceased SIM of the entity",
        kills=("CM6-06: The ceased SIM of the Amministrazione as business number is refused",),
    ),
    Defect(
        "declared_sim_refused",
        "CM6-06",
        "step 2 refuses a SIM that is declared in the contract but not yet active",
        kills=("CM6-06: The declared SIM of the Amministrazione as business number is accepted",),
    ),
    Defect(
        "progress_marks_previous_step",
        "CM6-07",
        "the progress bar marks the step before the current one (none at step 1)",
        kills=(
            "CM6-07: At registration step 1 the page shows step 1 and its name",
            "CM6-07: At registration step 2 the page shows step 2 and its name",
            "CM6-07: At registration step 2 with the SMS code sent the page shows step 2 and its name",
            "CM6-07: At registration step 3 the page shows step 3 and its name",
            "CM6-07: At registration step 4 the page shows step 4 and its name",
        ),
    ),
    Defect(
        "vat_number_kind_ignored",
        "CM6-08",
        'with "Partita IVA" chosen, the identifier is looked up as a codice fiscale '
        "(so a P.IVA differing from the CF is refused)",
        kills=(
            "CM6-05: The Amministrazione of the Convenzione moves on to step 2 with its partita IVA",
            "CM6-08: The Amministrazione is identified by its partita IVA",
        ),
    ),
    Defect(
        "check_digit_ignored",
        "CM6-08",
        "step 1 ignores the check digit: a code differing only in it identifies the Amministrazione",
        kills=(
            "CM6-08: A codice fiscale with a wrong check digit is refused",
            "CM6-08: A partita IVA with a wrong check digit is refused",
        ),
    ),
    Defect(
        "captcha_not_checked",
        "CM6-09",
        "any captcha answer is accepted",
        kills=(
            "CM6-09: A missing graphic code stops the registration at step 1",
            "CM6-09: A wrong graphic code stops the registration at step 1",
        ),
    ),
    Defect(
        "captcha_checked_against_previous",
        "CM6-09",
        "after a new graphic code is asked for, the answer is checked against the previous code",
        kills=("CM6-09: A new graphic code typed right lets the registration move on",),
    ),
    Defect(
        "captcha_refresh_same_code",
        "CM6-10",
        "asking for a new graphic code reloads the picture under a new address, with the same code",
        kills=("CM6-10: Asking for a new graphic code shows a different one",),
    ),
    Defect(
        "captcha_audio_missing",
        "CM6-11",
        "the audio link answers 404",
        kills=("CM6-11: The graphic code is offered as audio",),
    ),
    Defect(
        "accepts_personal_fiscal_code",
        "CM6-12",
        "a personal 16-character CF passes step 1",
        kills=("CM6-12: The registrant's personal codice fiscale is refused at step 1",),
    ),
    Defect(
        "required_fields_not_checked",
        "CM6-13",
        "step 2 does not check that the personal data are filled in",
        kills=(
            "CM6-13: Without the contact mobile the registration does not go on",
            "CM6-13: Without the e-mail address the registration does not go on",
            "CM6-13: Without the first name the registration does not go on",
            "CM6-13: Without the last name the registration does not go on",
            "CM6-13: Without the personal codice fiscale the registration does not go on",
        ),
    ),
    Defect(
        "business_number_defaults_to_first_line",
        "CM6-13",
        "with no business number typed, step 2 takes the Amministrazione's first active line",
        kills=("CM6-13: Without the business mobile number the registration does not go on",),
    ),
    Defect(
        "personal_data_formats_not_checked",
        "CM6-13",
        "step 2 does not check the personal codice fiscale, e-mail address and contact mobile formats",
        kills=(
            "CM6-13: An invalid contact mobile is refused",
            "CM6-13: An invalid e-mail address is refused",
            "CM6-13: An invalid personal codice fiscale is refused",
        ),
    ),
    Defect(
        "apostrophe_in_name_refused",
        "CM6-13",
        "step 2 refuses a first or last name with an apostrophe (D'Alessandro)",
        kills=("CM6-13: Complete personal data, an apostrophe in the last name, lead to the SMS code",),
    ),
    Defect(
        "accepts_other_entity_sim",
        "CM6-14",
        "step 2 accepts a SIM of another entity's CM6 contract "
        "(only the same-entity check is skipped; a SIM outside CM6 is still refused)",
        kills=("CM6-14: The SIM of another Amministrazione as business number is refused",),
    ),
    Defect(
        "accepts_sim_outside_convention",
        "CM6-14",
        "step 2 accepts a SIM outside the Convenzione (owner and status are checked on CM6 SIMs only)",
        kills=("CM6-14: The SIM outside the Convenzione as business number is refused",),
    ),
    # On the happy path: the scenarios that walk it to check something else become BROKEN.
    Defect(
        "fiscal_code_kind_ignored",
        "CM6-08",
        'with "C.F. azienda" chosen, the identifier is looked up among the partite IVA',
        breaks=(
            "CM6-05: A company without a Convenzione Mobile 6 contract is stopped at step 1",
            "CM6-06: The active SIM of the Amministrazione as business number is accepted",
            "CM6-06: The ceased SIM of the Amministrazione as business number is refused",
            "CM6-06: The declared SIM of the Amministrazione as business number is accepted",
            "CM6-07: At registration step 2 the page shows step 2 and its name",
            "CM6-13: An invalid contact mobile is refused",
            "CM6-13: An invalid e-mail address is refused",
            "CM6-13: An invalid personal codice fiscale is refused",
            "CM6-13: Complete personal data, an apostrophe in the last name, lead to the SMS code",
            "CM6-13: Without the business mobile number the registration does not go on",
            "CM6-13: Without the contact mobile the registration does not go on",
            "CM6-13: Without the e-mail address the registration does not go on",
            "CM6-13: Without the first name the registration does not go on",
            "CM6-13: Without the last name the registration does not go on",
            "CM6-13: Without the personal codice fiscale the registration does not go on",
            "CM6-14: The SIM of another Amministrazione as business number is refused",
            "CM6-14: The SIM outside the Convenzione as business number is refused",
            "CM6-14: The active SIM of the Amministrazione as business number is accepted",
            "CM6-15: The registration code comes from 40134 to the business number",
            "CM6-19: Cancelling at step 2 abandons the registration",
            *_PAST_THE_SMS_CODE,
            # the security baseline's registrations (CM6's flows) stop at step 1 too
            "SEC-04: A visitor who is not signed in cannot use up the codes of a user's number",
            "SEC-07: Registration with a user's identifier is answered like one with an unused identifier",
        ),
        kills=(
            "CM6-08: The Amministrazione is identified by its codice fiscale",
            "CM6-09: A new graphic code typed right lets the registration move on",
            "CM6-12: The Amministrazione's own codice fiscale in the same field is accepted",
        ),
    ),
    Defect(
        "active_line_refused",
        "CM6-14",
        "step 2 reports an active business line as not active",
        # a stranger's registration of the user's (active) line sends no code either
        breaks=(
            *_PAST_THE_SMS_CODE,
            "SEC-04: A visitor who is not signed in cannot use up the codes of a user's number",
        ),
        kills=(
            "CM6-06: The active SIM of the Amministrazione as business number is accepted",
            "CM6-13: Complete personal data, an apostrophe in the last name, lead to the SMS code",
            "CM6-14: The active SIM of the Amministrazione as business number is accepted",
            "CM6-15: The registration code comes from 40134 to the business number",
        ),
    ),
)
