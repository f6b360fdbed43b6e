"""Security bugs of the CM6 portal that the security baseline (profiles/security_baseline) must notice."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "login_code_reusable",
        "SEC-01",
        "a login code already used or replaced by a newer one still opens the private area",
        kills=(
            "SEC-01: A code that opened the private area does not open it a second time",
            "SEC-01: A new code makes the previous one useless",
        ),
    ),
    Defect(
        "login_code_never_expires",
        "SEC-02",
        "an expired login code still opens the private area",
        kills=("SEC-02: A code typed 10 minutes after it was sent is refused",),
    ),
    Defect(
        "login_code_tries_unlimited",
        "SEC-03",
        "a login code locked by too many wrong tries still opens the private area",
        kills=(
            "SEC-03: After 10 wrong codes the right one no longer opens the private area",
            "SEC-03: 10 wrong codes sent at the same time each count",
        ),
    ),
    Defect(
        "login_codes_not_rate_limited",
        "SEC-04",
        "every correct password sends a new login code, without limit",
        kills=(
            "SEC-04: A user's password typed 11 times sends at most 10 codes",
            "SEC-04: A user's password sent 11 times at the same time sends at most 10 codes",
        ),
    ),
    Defect(
        "registration_codes_spend_login_budget",
        "SEC-04",
        "registration codes are charged to the number's sign-in budget: a stranger registering a user's"
        " number uses up the user's sign-in codes",
        kills=("SEC-04: A visitor who is not signed in cannot use up the codes of a user's number",),
    ),
    Defect(
        "login_not_throttled",
        "SEC-05",
        "wrong passwords never slow down the next attempt",
        kills=(
            "SEC-05: After 10 wrong passwords the right one is not accepted at once",
            "SEC-05: 10 wrong passwords sent at the same time each count",
        ),
    ),
    Defect(
        "password_recovery_replaces_password_at_once",
        "SEC-06",
        "asking for a new password makes the current one stop working at once",
        kills=("SEC-06: The current password still works after someone asked for a new one",),
    ),
    Defect(
        "login_tells_unknown_username",
        "SEC-07",
        "the login says that a username does not exist",
        kills=("SEC-07: Signing in with an unknown username is answered like a wrong password",),
    ),
    Defect(
        "password_recovery_tells_unknown_username",
        "SEC-07",
        "password recovery says that a username does not exist",
        kills=("SEC-07: Recovery for an unknown username is answered like recovery with wrong data",),
    ),
    Defect(
        "login_known_username_answers_slower",
        "SEC-07",
        "a wrong password for an existing username costs a slow check (production hashing) that unknown"
        " usernames never pay",
        kills=("SEC-07: A wrong password takes as long for an unknown username as for the user",),
    ),
    Defect(
        "registration_tells_registered_line",
        "SEC-07",
        "registration step 2 says at once that a line already has a user, before the line's code is typed",
        kills=(
            "SEC-07: Registration with a user's identifier is answered like one with an unused identifier",
        ),
        # Refused at step 2, such a line cannot reach CM6-21's outcome, nor be sent codes by a stranger.
        breaks=(
            "CM6-21: Registering a line that already has a portal user ends with the reason and RIPROVA",
            "SEC-04: A visitor who is not signed in cannot use up the codes of a user's number",
        ),
    ),
    Defect(
        "session_id_kept_at_sign_in",
        "SEC-08",
        "the session keeps its id when the login code opens the private area",
        kills=("SEC-08: The session cookie changes when the sign-in completes",),
    ),
    Defect(
        "session_id_kept_at_password_change",
        "SEC-08",
        "the session keeps its id when the user changes their password",
        kills=("SEC-08: The session cookie changes when the user changes their password",),
    ),
    Defect(
        "logout_only_in_the_browser",
        "SEC-09",
        "logout deletes the browser's cookie but leaves the session signed in on the server",
        kills=("SEC-09: The cookies of a signed-out session no longer open the private area",),
    ),
    Defect(
        "username_cookie_readable_by_scripts",
        "SEC-10",
        "the login remembers the username in a cookie without HttpOnly and SameSite",
        kills=("SEC-10: Every cookie set while signing in and out has its flags",),
    ),
    Defect(
        "logout_without_csrf_check",
        "SEC-11",
        "the logout form is accepted without its anti-forgery token",
        kills=("SEC-11: The forms of signing in and out are refused without their token",),
    ),
    Defect(
        "private_area_framable",
        "SEC-12",
        "the private area's pages are sent without Content-Security-Policy and X-Frame-Options",
        kills=("SEC-12: The pages of signing in and out carry the security headers",),
    ),
    Defect(
        "login_page_echoes_password",
        "SEC-13",
        "after a wrong password the login page shows the typed password in its field",
        kills=("SEC-13: A wrong password and a sign-in leave no secret in addresses or pages",),
    ),
    Defect(
        "temporary_password_kept_once_used",
        "SEC-14",
        "a temporary password used once becomes the lasting password and no longer expires",
        kills=("SEC-14: A temporary password used once does not become the lasting password",),
    ),
    Defect(
        "sessions_never_idle_out",
        "SEC-15",
        "a session stays signed in however long it is left idle",
        kills=("SEC-15: After 31 idle minutes the private area asks to sign in again",),
    ),
)
