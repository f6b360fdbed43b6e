"""The MGD portal's security defect switches (defect_catalogue/security.py), each asked only where the
behaviour it breaks happens; the faithful behaviour is the core's (simulator.security, throttle)."""

from __future__ import annotations

from documents.telefonica_mi_gestion_digital.simulator import URL_PREFIX, bp
from simulator import security_bugs as shared
from simulator.models import OneTimeCode
from simulator.security import CodeCheck

LOGIN = "mgd-login"  # the purpose of the sign-in's codes
EMAIL_COOKIE = "mgd_ultimo_email"
LOGIN_CODES = shared.CodeBugs(
    LOGIN,
    never_expires="mgd_login_code_never_expires",
    tries_unlimited="mgd_login_code_tries_unlimited",
    reusable="mgd_login_code_reusable",
)


def slow_check_for_known_users(password: str) -> None:
    shared.slow_check_for_known_users("mgd_login_known_email_answers_slower", password)


def echoed(password: str) -> str:
    return shared.echoed("mgd_access_page_echoes_password", password)


def code_past_the_limit(destination: str) -> OneTimeCode | None:
    return shared.code_past_the_limit("mgd_login_codes_not_rate_limited", LOGIN, destination)


def code_check(result: CodeCheck, typed: str) -> CodeCheck:
    return LOGIN_CODES.check(result, typed)


def remember_email(email: str) -> None:
    shared.readable_cookie("mgd_email_cookie_readable_by_scripts", EMAIL_COOKIE, email)


shared.sessions_never_idle_out("mgd_sessions_never_idle_out", URL_PREFIX)
shared.csrf_waived("mgd.logout", "mgd_logout_without_csrf_check")
shared.framable(bp, "mgd.mi_area", "mgd_mi_area_framable")
