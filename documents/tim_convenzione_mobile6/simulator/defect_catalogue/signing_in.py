"""Signing in, the password change, recovery and Convenzione 5 users (CM6-22 to CM6-29)."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "temporary_password_never_expires",
        "CM6-22",
        "the temporary password still works after 5 days",
        kills=(
            "CM6-22: The temporary password used 6 days after it was sent",
            "SEC-14: A temporary password is refused 8 days after it was sent",
            "SEC-14: A temporary password used once does not become the lasting password",
        ),
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
        kills=(
            "CM6-23: A user signing in with another user's password is refused for wrong credentials",
            # every other user's password is tried: a wrong one takes longer for a known username
            "SEC-07: A wrong password takes as long for an unknown username as for the user",
        ),
    ),
    Defect(
        "password_extra_characters_ignored",
        "CM6-23",
        "characters typed after the password are ignored (only as many as the stored password has are "
        "compared)",
        kills=(
            "CM6-23: A user signing in with a wrong password is refused for wrong credentials",
            "SEC-07: Signing in with an unknown username is answered like a wrong password",
            # every shorter prefix of a wrong password is hashed: a known username answers slower
            "SEC-07: A wrong password takes as long for an unknown username as for the user",
        ),
        # the wrong password sends a code, and the code read next is that stale one: no sign-in follows
        breaks=("SEC-13: A wrong password and a sign-in leave no secret in addresses or pages",),
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
        kills=(
            "CM6-24: A wrong code keeps the user out",
            "SEC-01: A code that opened the private area does not open it a second time",
            "SEC-01: A new code makes the previous one useless",
            "SEC-02: A code typed 10 minutes after it was sent is refused",
        ),
        # the first wrong code opens the private area: the next ones cannot be typed
        breaks=(
            "SEC-03: After 10 wrong codes the right one no longer opens the private area",
            "SEC-03: 10 wrong codes sent at the same time each count",
        ),
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
        "password_recovery_link_at_top",
        "CM6-27",
        "RECUPERA PASSWORD sits at the top of the login window, not at its bottom",
        kills=("CM6-27: The login window offers password recovery at its bottom",),
    ),
    Defect(
        "password_recovery_ignores_fiscal_code",
        "CM6-27",
        "password recovery matches the username only, whatever codice fiscale is given",
        kills=(
            "CM6-27: Data that match no user do not recover a password",
            "SEC-07: Recovery for an unknown username is answered like recovery with wrong data",
        ),
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
            "CM6-29: A Convenzione 5 user whose line is not in Convenzione 6 is refused",
            "CM6-29: A Convenzione 5 user with the line in Convenzione 6 reaches the private area",
        ),
    ),
    Defect(
        "cm5_users_skip_line_check",
        "CM6-29",
        "Convenzione 5 users sign in without their line being checked to be in Convenzione 6",
        kills=("CM6-29: A Convenzione 5 user whose line is not in Convenzione 6 is refused",),
    ),
)
