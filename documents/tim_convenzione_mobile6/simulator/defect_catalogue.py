"""The CM6 portal's defect switches: each one breaks exactly one rule of the document.

See docs/simulator.md ("Defect catalogue"); the code asks `simulator.defects.enabled(name)` where
the behaviour differs.
"""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "public_contacts_mistyped",
        "CM6-01",
        "the public area shows mistyped contacts (800.673.637, 800.000.190, a .com mailbox)",
        kills=(
            "CM6-01: The voice toll-free number is published in the public area",
            "CM6-01: The fax toll-free number is published in the public area",
            "CM6-01: The Convenzione mailbox is published in the public area",
        ),
    ),
    Defect(
        "public_pages_without_bottom_band",
        "CM6-02",
        "the public pages (home, registration start, login, recovery) have no bottom band",
        kills=(
            "CM6-02: The public area has the three bands",
            "CM6-02: The registration has the three bands",
            "CM6-02: The login page has the three bands",
            "CM6-02: The password recovery page has the three bands",
            "CM6-02: The username recovery page has the three bands",
        ),
    ),
    Defect(
        "registration_links_to_home",
        "CM6-04",
        '"Registrati Ora" and the top-menu "Registrati" lead back to the public home',
        kills=(
            'CM6-04: Registration starts from the "Registrati Ora" link in the REGISTRATI box',
            'CM6-04: Registration starts from the "Registrati" link in the top menu',
        ),
    ),
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
            "CM6-08: The Amministrazione is identified by its partita IVA",
            "CM6-05: The Amministrazione of the Convenzione moves on to step 2 with its partita IVA",
            # Looked up as a codice fiscale, the codes are not found: refused, but for another reason.
            "CM6-05: A company without a Convenzione Mobile 6 contract is stopped at step 1",
            "CM6-08: A partita IVA with a wrong check digit is refused",
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
        "step 2 does not check that its fields are filled in",
        kills=tuple(
            f"CM6-13: Without the {detail} the registration does not go on"
            for detail in (
                "first name",
                "last name",
                "contact mobile",
                "personal codice fiscale",
                "e-mail address",
                "business mobile number",
            )
        ),
    ),
    Defect(
        "personal_data_formats_not_checked",
        "CM6-13",
        "step 2 does not check the personal codice fiscale, e-mail address and contact mobile formats",
        kills=(
            "CM6-13: An invalid personal codice fiscale is refused",
            "CM6-13: An invalid e-mail address is refused",
            "CM6-13: An invalid contact mobile is refused",
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
    Defect(
        "otp_sms_wrong_sender",
        "CM6-15",
        "the registration SMS comes from 48900",
        kills=("CM6-15: The registration code comes from 40134 to the business number",),
    ),
    Defect(
        "otp_accepted_without_space",
        "CM6-16",
        "the registration OTP is accepted without its space",
        kills=("CM6-16: The code typed without its space",),
    ),
    Defect(
        "otp_checks_first_word_only",
        "CM6-16",
        "the registration code is checked on its first word only",
        kills=("CM6-16: The code typed with a wrong word",),
    ),
    Defect(
        "step3_shows_code_error",
        "CM6-16",
        'step 3 opens with the "wrong code" error although the code was right',
        kills=("CM6-16: The code typed exactly as received",),
    ),
    Defect(
        "username_accepts_17_chars",
        "CM6-17",
        "usernames up to 17 characters are accepted",
        kills=("CM6-17: A username of 17 characters, letters, digits, is refused",),
    ),
    Defect(
        "username_accepts_5_chars",
        "CM6-17",
        "usernames of 5 characters are accepted",
        kills=("CM6-17: A username of 5 characters, letters, digits, is refused",),
    ),
    Defect(
        "username_length_limits_exclusive",
        "CM6-17",
        "the length limits are exclusive: only 7 to 15 characters are accepted",
        kills=(
            "CM6-17: A username of 6 characters, letters, digits, is accepted",
            "CM6-17: A username of 16 characters, letters, digits, is accepted",
        ),
    ),
    Defect(
        "username_requires_a_digit",
        "CM6-17",
        "a username without a digit is refused",
        kills=("CM6-17: A username of 10 characters, only letters, is accepted",),
    ),
    Defect(
        "username_allows_separators",
        "CM6-17",
        'usernames may contain "_" and "."',
        kills=(
            "CM6-17: A username of 11 characters, an underscore, is refused",
            "CM6-17: A username of 11 characters, a dot, is refused",
        ),
    ),
    Defect(
        "username_accepts_accented_letters",
        "CM6-17",
        "letters are checked with Unicode's rules, so accented letters are accepted",
        kills=("CM6-17: A username of 10 characters, an accented letter, is refused",),
    ),
    Defect(
        "print_action_missing",
        "CM6-18",
        "step 3 has no STAMPA",
        kills=("CM6-18: The username step can be printed",),
    ),
    Defect(
        "cancel_keeps_registration",
        "CM6-19",
        "ANNULLA leaves the registration in progress (reopening registration resumes it)",
        kills=(
            "CM6-19: Cancelling at step 2 abandons the registration",
            "CM6-19: Cancelling at step 2 with the SMS code sent abandons the registration",
            "CM6-19: Cancelling at step 3 abandons the registration",
        ),
    ),
    Defect(
        "confirmation_email_missing",
        "CM6-20",
        "no confirmation e-mail is sent",
        kills=("CM6-20: The registrant receives the temporary password and can log in with it",),
    ),
    Defect(
        "failure_without_retry",
        "CM6-21",
        "the negative outcome page has no RIPROVA",
        kills=("CM6-21: Registering a line that already has a portal user ends with the reason and RIPROVA",),
    ),
    Defect(
        "failure_reason_username_taken",
        "CM6-21",
        "a line that already has a user is reported as a username already in use",
        kills=("CM6-21: Registering a line that already has a portal user ends with the reason and RIPROVA",),
    ),
    Defect(
        "temporary_password_never_expires",
        "CM6-22",
        "the temporary password still works after 5 days",
        kills=("CM6-22: The temporary password used 6 days after it was sent",),
    ),
    Defect(
        "temporary_password_lifetime_3_days",
        "CM6-22",
        "the temporary password expires after 3 days instead of 5",
        kills=("CM6-22: The temporary password used 4 days after it was sent",),
    ),
    Defect(
        "login_accepts_another_users_password",
        "CM6-23",
        "a username is accepted with the password of any other user "
        "(the password check is not bound to the username)",
        kills=("CM6-23: A user signing in with another user's password is refused for wrong credentials",),
    ),
    Defect(
        "password_extra_characters_ignored",
        "CM6-23",
        "characters typed after the password are ignored (only as many as the stored password has are "
        "compared)",
        kills=("CM6-23: A user signing in with a wrong password is refused for wrong credentials",),
    ),
    Defect(
        "login_code_page_shows_error",
        "CM6-23",
        'after the right credentials the code page opens with the "wrong code" error already shown',
        kills=(
            "CM6-22: The temporary password used 4 days after it was sent",
            "CM6-23: A user signing in with their password is asked for the SMS code",
            "CM6-25: A user whose SIM is active can sign in",
            "CM6-29: A Convenzione 5 user with the line in Convenzione 6 reaches the private area",
        ),
    ),
    Defect(
        "login_otp_to_contact_mobile",
        "CM6-24",
        "the login OTP goes to the contact mobile instead of the TIM number",
        kills=("CM6-24: The right code opens the private area",),
    ),
    Defect(
        "login_code_not_checked",
        "CM6-24",
        "any login code is accepted once the credentials are right",
        kills=("CM6-24: A wrong code keeps the user out",),
    ),
    Defect(
        "login_ignores_ceased_sim",
        "CM6-25",
        "a user whose CM6 SIM has ceased can log in "
        "(only the ceased-status check is skipped; the convention check stays)",
        kills=("CM6-25: A user whose SIM has ceased cannot sign in",),
    ),
    Defect(
        "old_password_valid_after_change",
        "CM6-26",
        "the old password keeps working after a change",
        kills=("CM6-26: After the change only the new password opens the portal",),
    ),
    Defect(
        "password_recovery_sends_nothing",
        "CM6-27",
        "password recovery shows the notice but sends no e-mail",
        kills=("CM6-27: A user recovers the password with their registration data",),
    ),
    Defect(
        "password_recovery_link_missing",
        "CM6-27",
        "the login window has no RECUPERA PASSWORD link",
        kills=("CM6-27: The login window offers password recovery at its bottom",),
    ),
    Defect(
        "password_recovery_ignores_fiscal_code",
        "CM6-27",
        "password recovery matches the username only, whatever codice fiscale is given",
        kills=("CM6-27: Data that match no user do not recover a password",),
    ),
    Defect(
        "username_recovery_wrong_username",
        "CM6-28",
        "the username e-mail carries the username in upper case",
        kills=("CM6-28: A user recovers the username with their registration data",),
    ),
    Defect(
        "username_recovery_link_at_top",
        "CM6-28",
        "RECUPERA USERNAME sits at the top of the login window, not at its bottom",
        kills=("CM6-28: The login window offers username recovery at its bottom",),
    ),
    Defect(
        "username_recovery_ignores_fiscal_code",
        "CM6-28",
        "username recovery matches the e-mail address only, whatever codice fiscale is given",
        kills=("CM6-28: Data that match no user do not recover a username",),
    ),
    Defect(
        "cm5_users_must_register_again",
        "CM6-29",
        "Convenzione 5 users are refused and told to register",
        kills=(
            "CM6-29: A Convenzione 5 user with the line in Convenzione 6 reaches the private area",
            # refused for the wrong reason: told to register rather than that the line is not in CM6
            "CM6-29: A Convenzione 5 user whose line is not in Convenzione 6 is refused",
        ),
    ),
    Defect(
        "cm5_users_skip_line_check",
        "CM6-29",
        "Convenzione 5 users sign in without their line being checked to be in Convenzione 6",
        kills=("CM6-29: A Convenzione 5 user whose line is not in Convenzione 6 is refused",),
    ),
)
