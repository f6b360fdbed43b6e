"""The CM6 portal's security defect switches (defect_catalogue/security.py), each asked only where the
behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle)."""

from __future__ import annotations

from sqlalchemy import exists, select

from documents.tim_convenzione_mobile6.simulator import URL_PREFIX, bp, texts
from documents.tim_convenzione_mobile6.simulator.models import Sim, User
from simulator import defects
from simulator import security_bugs as shared
from simulator.db import get_session
from simulator.models import OneTimeCode
from simulator.security import CodeCheck

USERNAME_COOKIE = "cm6_ultimo_utente"
LOGIN_CODES = shared.CodeBugs(
    "login",
    never_expires="login_code_never_expires",
    tries_unlimited="login_code_tries_unlimited",
    reusable="login_code_reusable",
)


def wrong_credentials(unknown_username: bool) -> str:
    if unknown_username and defects.enabled("login_tells_unknown_username"):
        return texts.LOGIN_UNKNOWN_USERNAME
    return texts.LOGIN_WRONG


def slow_check_for_known_users(password: str) -> None:
    shared.slow_check_for_known_users("login_known_username_answers_slower", password)


def echoed(password: str) -> str:
    return shared.echoed("login_page_echoes_password", password)


def code_past_the_limit(destination: str) -> OneTimeCode | None:
    return shared.code_past_the_limit("login_codes_not_rate_limited", "login", destination)


def code_check(result: CodeCheck, typed: str) -> CodeCheck:
    return LOGIN_CODES.check(result, typed)


def remember_username(username: str) -> None:
    shared.readable_cookie("username_cookie_readable_by_scripts", USERNAME_COOKIE, username)


def keep_temporary_password(user: User) -> None:
    """The bug: the first sign-in makes a temporary password the lasting one (it no longer expires)."""
    if user.password_is_temporary and defects.enabled("temporary_password_kept_once_used"):
        user.password_is_temporary = False


shared.sessions_never_idle_out("sessions_never_idle_out", URL_PREFIX)
shared.framable(bp, "cm6.private_home", "private_area_framable")


def recovery_refusal(username: str) -> str:
    if defects.enabled("password_recovery_tells_unknown_username"):
        known = get_session().scalar(select(User.id).where(User.username == username))
        if known is None:
            return texts.RECOVERY_UNKNOWN_USERNAME
    return texts.RECOVERY_UNKNOWN


def registered_line_refusal(sim: Sim) -> texts.Refusal | None:
    """The bug: step 2 says at once that the line has a user, before the registrant typed the code the
    line received; anyone who knows a number learns whether it has an account (the faithful portal says
    so at the outcome, CM6-21, once the registrant proved they hold the line)."""
    registered = get_session().scalar(select(exists().where(User.business_sim_id == sim.id)))
    if registered and defects.enabled("registration_tells_registered_line"):
        return texts.LINE_ALREADY_REGISTERED.format(number=sim.number)
    return None


def registration_code_budget(number: str, faithful: str) -> str:
    """The budget a registration code is charged to: the visitor's own share of the number, or with the
    bug the number's sign-in budget, which a stranger's registrations then use up."""
    return f"login:{number}" if defects.enabled("registration_codes_spend_login_budget") else faithful


def keep_session_id_at_password_change() -> bool:
    return defects.enabled("session_id_kept_at_password_change")
