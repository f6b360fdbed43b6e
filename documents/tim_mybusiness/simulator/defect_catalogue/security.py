"""Security bugs of the myBusiness portal that the security baseline (profiles/security_baseline) must
notice."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "myb_login_not_throttled",
        "SEC-05",
        "wrong passwords never slow down the next attempt",
        kills=(
            "SEC-05: After 10 wrong passwords the right one is not accepted at once",
            "SEC-05: 10 wrong passwords sent at the same time each count",
        ),
    ),
    Defect(
        "myb_recovery_replaces_password_at_once",
        "SEC-06",
        "the password recovery replaces the current password at once with a temporary one it e-mails",
        kills=("SEC-06: The current password still works after someone asked for a new one",),
    ),
    Defect(
        "myb_login_tells_unknown_username",
        "SEC-07",
        "the login says that a username is not registered",
        kills=("SEC-07: Signing in with an unknown username is answered like a wrong password",),
    ),
    Defect(
        "myb_recovery_tells_unknown_username",
        "SEC-07",
        "the password recovery says that a username is not registered",
        kills=("SEC-07: Recovery for an unknown username is answered like recovery with wrong data",),
    ),
    Defect(
        "myb_login_known_username_answers_slower",
        "SEC-07",
        "a wrong password for a registered username costs a slow check (production hashing) that unknown"
        " usernames never pay",
        kills=("SEC-07: A wrong password takes as long for an unknown username as for the user",),
    ),
    Defect(
        "myb_session_id_kept_at_sign_in",
        "SEC-08",
        "the session keeps its id when the password opens the Area Clienti",
        kills=("SEC-08: The session cookie changes when the sign-in completes",),
    ),
    Defect(
        "myb_logout_only_in_the_browser",
        "SEC-09",
        "Esci deletes the browser's cookie but leaves the session signed in on the server",
        kills=("SEC-09: The cookies of a signed-out session no longer open the private area",),
    ),
    Defect(
        "myb_username_cookie_readable_by_scripts",
        "SEC-10",
        "the login remembers the username in a cookie without HttpOnly and SameSite",
        kills=("SEC-10: Every cookie set while signing in and out has its flags",),
    ),
    Defect(
        "myb_logout_without_csrf_check",
        "SEC-11",
        "the Esci form is accepted without its anti-forgery token",
        kills=("SEC-11: The forms of signing in and out are refused without their token",),
    ),
    Defect(
        "myb_home_framable",
        "SEC-12",
        "the Area Clienti's home page is sent without frame-ancestors and with X-Frame-Options ALLOWALL",
        kills=("SEC-12: The pages of signing in and out carry the security headers",),
    ),
    Defect(
        "myb_login_password_refilled",
        "SEC-13",
        "after a wrong password the login page comes back with the password typed still in its field",
        kills=("SEC-13: A wrong password and a sign-in leave no secret in addresses or pages",),
    ),
    Defect(
        "myb_sessions_never_idle_out",
        "SEC-15",
        "a session stays signed in however long it is left idle",
        kills=("SEC-15: After 31 idle minutes the private area asks to sign in again",),
    ),
)
