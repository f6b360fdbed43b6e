"""The CM6 portal's security defect switches (defect_catalogue/security.py), each asked only where the
behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle)."""

from __future__ import annotations

import functools
import secrets

from flask import Response, after_this_request, request
from sqlalchemy import exists, select
from werkzeug.security import check_password_hash, generate_password_hash

from documents.tim_convenzione_mobile6.simulator import URL_PREFIX, bp, texts
from documents.tim_convenzione_mobile6.simulator.models import Sim, User
from simulator import defects, security
from simulator.db import get_session
from simulator.models import OneTimeCode
from simulator.security import CodeCheck

USERNAME_COOKIE = "cm6_ultimo_utente"
PRODUCTION_HASH = "scrypt"  # the simulator's own default (simulator/config.py)
LOOSE_POLICY = "default-src 'self'"  # a page's own policy that forgets frame-ancestors


def wrong_credentials(unknown_username: bool) -> str:
    if unknown_username and defects.enabled("login_tells_unknown_username"):
        return texts.LOGIN_UNKNOWN_USERNAME
    return texts.LOGIN_WRONG


@functools.cache
def _production_hash() -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=PRODUCTION_HASH)


def slow_check_for_known_users(password: str) -> None:
    """The bug: known usernames' wrong passwords go through a check unknown ones never pay (runs hash
    cheaply, so the bug pays the production method: its cost is what a real portal leaks)."""
    if defects.enabled("login_known_username_answers_slower"):
        check_password_hash(_production_hash(), password)


def echoed(password: str) -> str:
    return password if defects.enabled("login_page_echoes_password") else ""


def code_past_the_limit(destination: str) -> OneTimeCode | None:
    """None (no code: the number had its share), or with the bug a code charged to a budget of its own."""
    if not defects.enabled("login_codes_not_rate_limited"):
        return None
    budget = f"login:{secrets.token_hex(8)}"
    return security.issue_code(security.persist_session(), "login", destination, budget)


def code_check(result: CodeCheck, typed: str) -> CodeCheck:
    """A refused login code, or OK where a defect accepts it after all."""
    if result is CodeCheck.EXPIRED and defects.enabled("login_code_never_expires"):
        return _matches(typed, used=False)
    if result is CodeCheck.LOCKED and defects.enabled("login_code_tries_unlimited"):
        return _matches(typed, used=False)
    if result in (CodeCheck.WRONG, CodeCheck.MISSING) and defects.enabled("login_code_reusable"):
        return _matches(typed, used=True)
    return result


def _matches(typed: str, *, used: bool) -> CodeCheck:
    codes = get_session().scalars(
        select(OneTimeCode.code).where(
            OneTimeCode.web_session_id == security.persist_session(),
            OneTimeCode.purpose == "login",
            OneTimeCode.used.is_(used),
        )
    )
    return CodeCheck.OK if typed in set(codes) else CodeCheck.WRONG


def remember_username(username: str) -> None:
    if not defects.enabled("username_cookie_readable_by_scripts"):
        return

    @after_this_request
    def _set_cookie(response: Response) -> Response:
        response.set_cookie(USERNAME_COOKIE, username)  # no HttpOnly, no SameSite
        return response


def keep_temporary_password(user: User) -> None:
    """The bug: the first sign-in makes a temporary password the lasting one (it no longer expires)."""
    if user.password_is_temporary and defects.enabled("temporary_password_kept_once_used"):
        user.password_is_temporary = False


# Asked when the session opens, before the request is routed: this portal's pages are told by their path
# (another portal's sessions keep their own lifetime).
security.IDLE_KEEPERS.append(
    lambda: request.path.startswith(URL_PREFIX + "/") and defects.enabled("sessions_never_idle_out")
)


def recovery_refusal(username: str) -> str:
    if defects.enabled("password_recovery_tells_unknown_username"):
        known = get_session().scalar(select(User.id).where(User.username == username))
        if known is None:
            return texts.RECOVERY_UNKNOWN_USERNAME
    return texts.RECOVERY_UNKNOWN


@bp.after_request
def _private_area_framing(response: Response) -> Response:
    if request.endpoint == "cm6.private_home" and defects.enabled("private_area_framable"):
        response.headers["Content-Security-Policy"] = LOOSE_POLICY
        response.headers["X-Frame-Options"] = "ALLOWALL"
    return response


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
