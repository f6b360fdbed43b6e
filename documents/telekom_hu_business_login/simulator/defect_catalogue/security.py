"""Security bugs of the Telekom portal that the security baseline (profiles/security_baseline) must notice."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mth_login_code_reusable",
        "SEC-01",
        "a login code already used or replaced by a newer one still opens the self-service",
        kills=(
            "SEC-01: A code that opened the private area does not open it a second time",
            "SEC-01: A new code makes the previous one useless",
            'MTH-08: After "Nem kaptam meg az SMS-t" the first code no longer signs in',
        ),
    ),
    Defect(
        "mth_login_code_never_expires",
        "SEC-02",
        "an expired login code still opens the self-service",
        kills=("SEC-02: A code typed 10 minutes after it was sent is refused",),
    ),
    Defect(
        "mth_login_code_tries_unlimited",
        "SEC-03",
        "a login code locked by too many wrong tries still opens the self-service",
        kills=(
            "SEC-03: After 10 wrong codes the right one no longer opens the private area",
            "SEC-03: 10 wrong codes sent at the same time each count",
        ),
    ),
    Defect(
        "mth_login_codes_not_rate_limited",
        "SEC-04",
        "every correct password sends a new login code by SMS, without limit",
        kills=(
            "SEC-04: A user's password typed 11 times sends at most 10 codes",
            "SEC-04: A user's password sent 11 times at the same time sends at most 10 codes",
        ),
    ),
    Defect(
        "mth_login_not_throttled",
        "SEC-05",
        "wrong passwords never slow down the next attempt",
        kills=(
            "SEC-05: After 10 wrong passwords the right one is not accepted at once",
            "SEC-05: 10 wrong passwords sent at the same time each count",
        ),
    ),
    Defect(
        "mth_password_reset_replaces_password_at_once",
        "SEC-06",
        '"Nem tudom a jelszavam" makes the current password stop working as soon as the code is sent',
        kills=("SEC-06: The current password still works after someone asked for a new one",),
    ),
    Defect(
        "mth_login_tells_unknown_login_id",
        "SEC-07",
        "the password step says that a login id does not exist",
        kills=("SEC-07: Signing in with an unknown username is answered like a wrong password",),
    ),
    Defect(
        "mth_password_reset_tells_unknown_login_id",
        "SEC-07",
        '"Nem tudom a jelszavam" says that a login id does not exist',
        kills=("SEC-07: Recovery for an unknown username is answered like recovery with wrong data",),
    ),
    Defect(
        "mth_login_known_id_answers_slower",
        "SEC-07",
        "a wrong password for an existing login id costs a slow check (production hashing) that unknown"
        " ids never pay",
        kills=("SEC-07: A wrong password takes as long for an unknown username as for the user",),
    ),
    Defect(
        "mth_session_id_kept_at_sign_in",
        "SEC-08",
        "the session keeps its id when the login code opens the self-service",
        kills=("SEC-08: The session cookie changes when the sign-in completes",),
    ),
    Defect(
        "mth_logout_only_in_the_browser",
        "SEC-09",
        "Kilépés deletes the browser's cookie but leaves the session signed in on the server",
        kills=("SEC-09: The cookies of a signed-out session no longer open the private area",),
    ),
    Defect(
        "mth_login_id_cookie_readable_by_scripts",
        "SEC-10",
        "the login remembers the login id in a cookie without HttpOnly and SameSite",
        kills=("SEC-10: Every cookie set while signing in and out has its flags",),
    ),
    Defect(
        "mth_logout_without_csrf_check",
        "SEC-11",
        "the Kilépés form is accepted without its anti-forgery token",
        kills=("SEC-11: The forms of signing in and out are refused without their token",),
    ),
    Defect(
        "mth_self_service_framable",
        "SEC-12",
        "the self-service page is sent without frame-ancestors and with X-Frame-Options ALLOWALL",
        kills=("SEC-12: The pages of signing in and out carry the security headers",),
    ),
    Defect(
        "mth_password_page_echoes_password",
        "SEC-13",
        "after a wrong password the password page shows the typed password in its field (named jelszo)",
        kills=("SEC-13: A wrong password and a sign-in leave no secret in addresses or pages",),
    ),
    Defect(
        "mth_login_code_prefilled",
        "SEC-13",
        "the SMS code page comes with the code just sent already filled in its field",
        kills=("SEC-13: A wrong password and a sign-in leave no secret in addresses or pages",),
    ),
    Defect(
        "mth_temporary_password_never_expires",
        "SEC-14",
        "a temporary password works however long ago it was sent",
        kills=(
            "SEC-14: A temporary password is refused 8 days after it was sent",
            "SEC-14: A temporary password used once does not become the lasting password",
        ),
    ),
    Defect(
        "mth_temporary_password_kept_once_used",
        "SEC-14",
        "a temporary password that signed in once no longer expires",
        kills=("SEC-14: A temporary password used once does not become the lasting password",),
    ),
    Defect(
        "mth_sessions_never_idle_out",
        "SEC-15",
        "a session stays signed in however long it is left idle",
        kills=("SEC-15: After 31 idle minutes the private area asks to sign in again",),
    ),
)
