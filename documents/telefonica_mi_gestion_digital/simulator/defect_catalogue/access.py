"""Access: temporary password, one-time code, forced change, "He olvidado mi contraseña" (MGD-14..17)."""

from __future__ import annotations

from simulator.defects import Defect

from . import scenarios as S

_POLICY = "MGD-16: A new password of {length} characters {makeup} is {outcome}"
_EVERY = "with every kind of character"

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mgd_no_temporary_password_email",
        "MGD-14",
        "the registration sends no e-mail with the temporary password",
        kills=("MGD-14: The registration's temporary password opens the next access",),
    ),
    Defect(
        "mgd_temporary_password_not_checked",
        "MGD-14",
        "a user with a temporary password is let in with any password",
        kills=("MGD-14: A wrong password does not identify the user",),
    ),
    Defect(
        "mgd_sms_choice_sends_email",
        "MGD-15",
        "the one-time code chosen by SMS is sent by e-mail",
        kills=("MGD-15: The one-time code chosen by SMS reaches the user's mobile",),
        # The security baseline's sign-in takes the code by SMS (security.py): none arrives.
        breaks=("MGD-15: A wrong one-time code keeps the user out", *S.SEC_SIGN_IN_CODE_BY_SMS),
    ),
    Defect(
        "mgd_email_choice_sends_sms",
        "MGD-15",
        "the one-time code chosen by e-mail is sent by SMS",
        kills=("MGD-15: The one-time code chosen by e-mail reaches the user's e-mail",),
        breaks=(S.MGD16_CHANGE_ASKED, *S.MGD16_POLICY),
    ),
    Defect(
        "mgd_login_code_not_checked",
        "MGD-15",
        "any one-time code opens the portal",
        kills=(
            "MGD-15: A wrong one-time code keeps the user out",
            "SEC-01: A code that opened the private area does not open it a second time",
            "SEC-01: A new code makes the previous one useless",
            "SEC-02: A code typed 10 minutes after it was sent is refused",
        ),
        # The first wrong code already opens Mi Área: no code page is left to type the others on.
        breaks=S.SEC03_WRONG_CODES,
    ),
    Defect(
        "mgd_temporary_password_change_skipped",
        "MGD-16",
        "a user signed in with the temporary password is not asked to change it",
        kills=("MGD-16: The user signed in with the temporary password is asked to change it",),
        breaks=S.MGD16_POLICY,
    ),
    Defect(
        "mgd_password_7_characters_accepted",
        "MGD-16",
        "the policy's minimum length is 7 characters",
        kills=(_POLICY.format(length=7, makeup=_EVERY, outcome="refused as too short"),),
    ),
    Defect(
        "mgd_password_8_characters_refused",
        "MGD-16",
        "the policy's minimum length is 9 characters",
        kills=(_POLICY.format(length=8, makeup=_EVERY, outcome="accepted"),),
    ),
    Defect(
        "mgd_password_20_characters_refused",
        "MGD-16",
        "the policy's maximum length is 19 characters",
        kills=(_POLICY.format(length=20, makeup=_EVERY, outcome="accepted"),),
    ),
    Defect(
        "mgd_password_length_not_capped",
        "MGD-16",
        "the policy has no maximum length",
        kills=(_POLICY.format(length=21, makeup=_EVERY, outcome="refused as too long"),),
    ),
    Defect(
        "mgd_password_lowercase_not_required",
        "MGD-16",
        "the policy does not require a lowercase letter",
        kills=(
            _POLICY.format(
                length=10,
                makeup="without a lowercase letter",
                outcome="refused for lacking a lowercase letter",
            ),
        ),
    ),
    Defect(
        "mgd_password_uppercase_not_required",
        "MGD-16",
        "the policy does not require an uppercase letter",
        kills=(
            _POLICY.format(
                length=10,
                makeup="without an uppercase letter",
                outcome="refused for lacking an uppercase letter",
            ),
        ),
    ),
    Defect(
        "mgd_password_digit_not_required",
        "MGD-16",
        "the policy does not require a digit",
        kills=(_POLICY.format(length=10, makeup="without a digit", outcome="refused for lacking a digit"),),
    ),
    Defect(
        "mgd_forgot_sms_sent_to_email",
        "MGD-17",
        '"He olvidado mi contraseña" sends the code by e-mail when the user chose the mobile',
        kills=("MGD-17: A new password validated by the code sent by SMS",),
    ),
    Defect(
        "mgd_forgot_email_sent_by_sms",
        "MGD-17",
        '"He olvidado mi contraseña" sends the code by SMS when the user chose the e-mail',
        kills=("MGD-17: A new password validated by the code sent by e-mail",),
        breaks=("MGD-17: A wrong code does not set the new password",),
    ),
    Defect(
        "mgd_forgot_code_not_checked",
        "MGD-17",
        '"He olvidado mi contraseña" sets the new password whatever code is typed',
        kills=("MGD-17: A wrong code does not set the new password",),
    ),
)
