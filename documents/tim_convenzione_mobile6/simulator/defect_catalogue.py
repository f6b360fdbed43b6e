"""The CM6 portal's defect switches: each one breaks exactly one rule of the document.

See docs/simulator.md ("Defect catalogue"); the code asks `simulator.defects.enabled(name)` where
the behaviour differs.
"""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect("public_wrong_fax", "CM6-01", "the public area shows fax 800.000.190"),
    Defect("login_page_without_bottom_band", "CM6-02", "the login page has no bottom band"),
    Defect("menu_register_link_to_home", "CM6-04", 'the top-menu "Registrati" link leads to the public home'),
    Defect("accepts_entity_outside_convention", "CM6-05", "step 1 accepts an entity with no CM6 contract"),
    Defect("accepts_ceased_sim", "CM6-06", "step 2 accepts a ceased SIM of the entity"),
    Defect(
        "step3_progress_wrong", "CM6-07", 'step 3 still marks "RICONOSCIMENTO CLIENTE" as the current step'
    ),
    Defect(
        "vat_number_kind_ignored",
        "CM6-08",
        'with "Partita IVA" chosen, the identifier is looked up as a codice fiscale '
        "(so a P.IVA differing from the CF is refused)",
    ),
    Defect("captcha_not_checked", "CM6-09", "any captcha answer is accepted"),
    Defect("captcha_refresh_same_code", "CM6-10", "asking for a new graphic code shows the same one"),
    Defect("captcha_audio_missing", "CM6-11", "the audio link answers 404"),
    Defect("accepts_personal_fiscal_code", "CM6-12", "a personal 16-character CF passes step 1"),
    Defect("email_not_required", "CM6-13", "step 2 proceeds without an e-mail address"),
    Defect(
        "accepts_other_entity_sim",
        "CM6-14",
        "step 2 accepts a SIM of another entity's CM6 contract "
        "(only the same-entity check is skipped; a SIM outside CM6 is still refused)",
    ),
    Defect("otp_sms_wrong_sender", "CM6-15", "the registration SMS comes from 48900"),
    Defect("otp_accepted_without_space", "CM6-16", "the registration OTP is accepted without its space"),
    Defect("username_accepts_17_chars", "CM6-17", "usernames up to 17 characters are accepted"),
    Defect("print_action_missing", "CM6-18", "step 3 has no STAMPA"),
    Defect(
        "cancel_keeps_registration",
        "CM6-19",
        "ANNULLA leaves the registration in progress (reopening registration resumes it)",
    ),
    Defect("confirmation_email_missing", "CM6-20", "no confirmation e-mail is sent"),
    Defect("failure_without_retry", "CM6-21", "the negative outcome page has no RIPROVA"),
    Defect("temporary_password_never_expires", "CM6-22", "the temporary password still works after 5 days"),
    Defect(
        "login_accepts_another_users_password",
        "CM6-23",
        "a username is accepted with the password of any other user "
        "(the password check is not bound to the username)",
    ),
    Defect(
        "login_otp_to_contact_mobile",
        "CM6-24",
        "the login OTP goes to the contact mobile instead of the TIM number",
    ),
    Defect(
        "login_ignores_ceased_sim",
        "CM6-25",
        "a user whose CM6 SIM has ceased can log in "
        "(only the ceased-status check is skipped; the convention check stays)",
    ),
    Defect("old_password_valid_after_change", "CM6-26", "the old password keeps working after a change"),
    Defect(
        "password_recovery_sends_nothing",
        "CM6-27",
        "password recovery shows the notice but sends no e-mail",
    ),
    Defect(
        "username_recovery_wrong_username",
        "CM6-28",
        "the username e-mail carries the username in upper case",
    ),
    Defect("cm5_users_must_register_again", "CM6-29", "Convenzione 5 users are refused and told to register"),
)
