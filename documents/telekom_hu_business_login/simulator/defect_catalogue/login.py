"""Defects of the login with a business user: entry, sequence, passwords, SMS codes, the prompt."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mth_belepes_button_in_footer",
        "MTH-01",
        "the Belépés button sits in the footer of the home page instead of its top right",
        kills=("MTH-01: The Belépés button sits at the top right of the home page",),
    ),
    Defect(
        "mth_belepes_leads_to_residential_login",
        "MTH-01",
        "the Belépés button leads to the residential Telekom fiók login instead of the business one",
        kills=("MTH-01: The Belépés button leads to the business login",),
    ),
    Defect(
        "mth_password_step_button_labelled_belepes",
        "MTH-05",
        'the button after the password reads "Belépés" instead of "Tovább"',
        kills=("MTH-05: Username and Tovább, password and Tovább, then the SMS code",),
    ),
    Defect(
        "mth_password_extra_characters_ignored",
        "MTH-05",
        "characters typed after the password are ignored (only the stored password's length is compared)",
        kills=(
            "MTH-05: A wrong password is refused",
            # the baseline's wrong password is the user's with characters added: it opens the account
            "SEC-05: After 10 wrong passwords the right one is not accepted at once",
            "SEC-05: 10 wrong passwords sent at the same time each count",
            "SEC-07: Signing in with an unknown username is answered like a wrong password",
            # each shorter prefix of a wrong password is hashed too: a known login id answers slower
            "SEC-07: A wrong password takes as long for an unknown username as for the user",
        ),
        # the wrong password sends a code, and the code read next is that stale one: no sign-in follows
        breaks=("SEC-13: A wrong password and a sign-in leave no secret in addresses or pages",),
    ),
    Defect(
        "mth_temporary_password_change_not_forced",
        "MTH-06",
        "only the main admin must change the temporary password: further users go straight to the"
        " self-service",
        kills=("MTH-06: The first login with the temporary password leads to the password change",),
        breaks=("MTH-06: After the change the new password opens the portal and the temporary one does not",),
    ),
    Defect(
        "mth_temporary_password_kept_after_change",
        "MTH-06",
        "the temporary password keeps working after it was changed",
        kills=("MTH-06: After the change the new password opens the portal and the temporary one does not",),
    ),
    Defect(
        "mth_same_temporary_password_for_every_registration",
        "MTH-06",
        "every business user registered for a company gets the same temporary password",
        kills=("MTH-06: Each new business user gets a temporary password of their own by e-mail",),
    ),
    Defect(
        "mth_forgotten_password_link_away_from_password_field",
        "MTH-07",
        '"Nem tudom a jelszavam" sits above the login id, away from the password field',
        kills=('MTH-07: "Nem tudom a jelszavam" is beside the password field',),
    ),
    Defect(
        "mth_password_reset_code_always_by_email",
        "MTH-07",
        "the one-time code goes by e-mail even when the user chose the phone",
        kills=("MTH-07: A one-time code sent to the user's phone lets the user set a new password",),
    ),
    Defect(
        "mth_password_reset_new_password_not_saved",
        "MTH-07",
        "the new password is confirmed but not saved: the old one stays",
        kills=(
            "MTH-07: A one-time code sent to the user's e-mail lets the user set a new password",
            "MTH-07: A one-time code sent to the user's phone lets the user set a new password",
        ),
    ),
    Defect(
        "mth_password_reset_code_not_checked",
        "MTH-07",
        "any one-time code sets the new password",
        kills=("MTH-07: A wrong one-time code sets no new password",),
    ),
    Defect(
        "mth_login_code_not_checked",
        "MTH-08",
        "any SMS code is accepted once the password is right",
        kills=(
            "MTH-08: A wrong SMS code keeps the user out",
            'MTH-08: After "Nem kaptam meg az SMS-t" the first code no longer signs in',
            "SEC-01: A code that opened the private area does not open it a second time",
            "SEC-01: A new code makes the previous one useless",
            "SEC-02: A code typed 10 minutes after it was sent is refused",
        ),
        # the wrong codes of SEC-03 open the self-service before the right one is typed
        breaks=(
            "SEC-03: After 10 wrong codes the right one no longer opens the private area",
            "SEC-03: 10 wrong codes sent at the same time each count",
        ),
    ),
    Defect(
        "mth_resend_sends_nothing",
        "MTH-08",
        '"Nem kaptam meg az SMS-t" says the SMS was sent again but sends none',
        kills=(
            'MTH-08: "Nem kaptam meg az SMS-t" sends a new code, which signs in',
            'MTH-08: After "Nem kaptam meg az SMS-t" the first code no longer signs in',
        ),
    ),
    Defect(
        "mth_resend_keeps_old_code",
        "MTH-08",
        "after a resend the codes sent before keep working beside the new one",
        kills=(
            'MTH-08: After "Nem kaptam meg az SMS-t" the first code no longer signs in',
            # a second sign-in in the same session is a resend too: its new code does not replace the old
            "SEC-01: A new code makes the previous one useless",
        ),
    ),
    Defect(
        "mth_sms_code_asked_although_switched_off",
        "MTH-09",
        "the SMS code is asked although the main admin switched it off",
        kills=("MTH-09: With SMS codes switched off the password signs in at once",),
    ),
    Defect(
        "mth_telekom_fiok_prompt_missing_without_fiok",
        "MTH-10",
        "users without a Telekom fiók are not offered to create one",
        kills=("MTH-10: a business user without a Telekom fiók is offered to create a Telekom fiók",),
        breaks=("MTH-10: The Telekom fiók offer can be declined",),
    ),
    Defect(
        "mth_telekom_fiok_prompt_create_for_incomplete",
        "MTH-10",
        "users whose Telekom fiók lacks data are offered to create a new one instead of completing theirs",
        kills=(
            "MTH-10: a business user whose Telekom fiók lacks some data is offered to complete the data of"
            " the Telekom fiók",
        ),
    ),
    Defect(
        "mth_telekom_fiok_prompt_not_skippable",
        "MTH-10",
        '"Most nem" leads back to the Telekom fiók prompt',
        kills=("MTH-10: The Telekom fiók offer can be declined",),
    ),
)
