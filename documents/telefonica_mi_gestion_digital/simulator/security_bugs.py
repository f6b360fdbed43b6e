"""The MGD portal's security defect switches (defect_catalogue/security.py), each asked only where the
behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle)."""

from __future__ import annotations

import functools
import secrets

from flask import Response, after_this_request, request
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from documents.telefonica_mi_gestion_digital.simulator import bp
from simulator import defects, security
from simulator.db import get_session
from simulator.models import OneTimeCode
from simulator.security import CodeCheck

LOGIN = "mgd-login"  # the purpose of the sign-in's codes
EMAIL_COOKIE = "mgd_ultimo_email"
# A production work factor (OWASP's 600,000 iterations for PBKDF2-HMAC-SHA256): its cost is what the
# bug leaks, and it must stand out of a busy machine's noise, as it does on a real portal.
PRODUCTION_HASH = "pbkdf2:sha256:600000"
LOOSE_POLICY = "default-src 'self'"  # a page's own policy that forgets frame-ancestors


@functools.cache
def _production_hash() -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=PRODUCTION_HASH)


def slow_check_for_known_users(password: str) -> None:
    """The bug: known e-mails' wrong passwords go through a check unknown ones never pay (runs hash
    cheaply, so the bug pays the production method: its cost is what a real portal leaks)."""
    if defects.enabled("mgd_login_known_email_answers_slower"):
        check_password_hash(_production_hash(), password)


def echoed(password: str) -> str:
    return password if defects.enabled("mgd_access_page_echoes_password") else ""


def code_past_the_limit(destination: str) -> OneTimeCode | None:
    """None (no code: the number had its share), or with the bug a code charged to a budget of its own."""
    if not defects.enabled("mgd_login_codes_not_rate_limited"):
        return None
    budget = f"{LOGIN}:{secrets.token_hex(8)}"
    return security.issue_code(security.persist_session(), LOGIN, destination, budget)


def code_check(result: CodeCheck, typed: str) -> CodeCheck:
    """A refused sign-in code, or OK where a defect accepts it after all."""
    if result is CodeCheck.EXPIRED and defects.enabled("mgd_login_code_never_expires"):
        return _matches(typed, used=False)
    if result is CodeCheck.LOCKED and defects.enabled("mgd_login_code_tries_unlimited"):
        return _matches(typed, used=False)
    if result in (CodeCheck.WRONG, CodeCheck.MISSING) and defects.enabled("mgd_login_code_reusable"):
        return _matches(typed, used=True)
    return result


def _matches(typed: str, *, used: bool) -> CodeCheck:
    codes = get_session().scalars(
        select(OneTimeCode.code).where(
            OneTimeCode.web_session_id == security.persist_session(),
            OneTimeCode.purpose == LOGIN,
            OneTimeCode.used.is_(used),
        )
    )
    return CodeCheck.OK if typed in set(codes) else CodeCheck.WRONG


def remember_email(email: str) -> None:
    if not defects.enabled("mgd_email_cookie_readable_by_scripts"):
        return

    @after_this_request
    def _set_cookie(response: Response) -> Response:
        response.set_cookie(EMAIL_COOKIE, email)  # no HttpOnly, no SameSite
        return response


security.IDLE_KEEPERS.append(lambda: defects.enabled("mgd_sessions_never_idle_out"))
security.CSRF_WAIVERS["mgd.logout"] = lambda: defects.enabled("mgd_logout_without_csrf_check")


@bp.after_request
def _mi_area_framing(response: Response) -> Response:
    if request.endpoint == "mgd.mi_area" and defects.enabled("mgd_mi_area_framable"):
        response.headers["Content-Security-Policy"] = LOOSE_POLICY
        response.headers["X-Frame-Options"] = "ALLOWALL"
    return response
