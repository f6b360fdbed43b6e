"""Registration from the SMS code to the outcome (CM6-15 to CM6-21)."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
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
            "CM6-17: A username of 16 characters, letters, digits, is accepted",
            "CM6-17: A username of 6 characters, letters, digits, is accepted",
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
            "CM6-17: A username of 11 characters, a dot, is refused",
            "CM6-17: A username of 11 characters, an underscore, is refused",
        ),
    ),
    Defect(
        "username_accepts_accented_letters",
        "CM6-17",
        "letters are checked with Unicode's rules, so accented letters are accepted",
        kills=("CM6-17: A username of 10 characters, an accented letter, is refused",),
    ),
    Defect(
        "print_action_disabled",
        "CM6-18",
        "step 3 shows STAMPA disabled",
        kills=("CM6-18: The username step can be printed",),
    ),
    Defect(
        "cancel_keeps_registration",
        "CM6-19",
        "ANNULLA leaves the registration in progress (reopening registration resumes it)",
        # the security baseline's second registration (CM6's flows: ANNULLA, then step 1) cannot start
        breaks=(
            "SEC-04: A visitor who is not signed in cannot use up the codes of a user's number",
            "SEC-07: Registration with a user's identifier is answered like one with an unused identifier",
        ),
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
        "retry_action_disabled",
        "CM6-21",
        "the negative outcome page shows RIPROVA disabled",
        kills=("CM6-21: Registering a line that already has a portal user ends with the reason and RIPROVA",),
    ),
    Defect(
        "failure_reason_missing",
        "CM6-21",
        "the negative outcome gives an empty reason",
        kills=("CM6-21: Registering a line that already has a portal user ends with the reason and RIPROVA",),
    ),
)
