"""Security bugs every portal of the simulator can have, each behind the portal's own defect switch.

A portal's `security_bugs` module names its switches and calls these where the behaviour they break
happens; the faithful behaviour is the core's (simulator.security, throttle, headers). One copy of each
bug keeps the portals' defects alike, so the security baseline's checks are proven the same way on each.
"""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass

from flask import Blueprint, Response, after_this_request, request
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from simulator import defects, security
from simulator.db import get_session
from simulator.models import OneTimeCode
from simulator.security import CodeCheck

# What one password check costs a real portal: PBKDF2-HMAC-SHA256 at the 600,000 iterations the OWASP
# Password Storage Cheat Sheet recommends (some 100-400 ms here, well past SEC-07's 25 ms allowance).
PRODUCTION_HASH = "pbkdf2:sha256:600000"
LOOSE_POLICY = "default-src 'self'"  # a page's own policy that forgets frame-ancestors


@functools.cache
def _production_hash(method: str) -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


def slow_check_for_known_users(switch: str, password: str, method: str = PRODUCTION_HASH) -> None:
    """The bug: known users' wrong passwords go through a check unknown ones never pay. Tests hash
    cheaply, so the bug pays a production method: its cost is what a real portal leaks."""
    if defects.enabled(switch):
        check_password_hash(_production_hash(method), password)


def echoed(switch: str, secret: str) -> str:
    """What a form's field shows again after a refusal: nothing, or with the bug the secret typed."""
    return secret if defects.enabled(switch) else ""


def code_past_the_limit(switch: str, purpose: str, destination: str) -> OneTimeCode | None:
    """None (no code: the number had its share), or with the bug a code charged to a budget of its own."""
    if not defects.enabled(switch):
        return None
    budget = f"{purpose}:{secrets.token_hex(8)}"
    return security.issue_code(security.persist_session(), purpose, destination, budget)


@dataclass(frozen=True)
class CodeBugs:
    """A portal's switches for the bugs of one kind of code (named by its purpose)."""

    purpose: str
    never_expires: str
    tries_unlimited: str
    reusable: str

    def check(self, result: CodeCheck, typed: str) -> CodeCheck:
        """A refused code, or OK where a switched-on bug accepts it after all."""
        if result is CodeCheck.EXPIRED and defects.enabled(self.never_expires):
            return self._matches(typed, used=False)
        if result is CodeCheck.LOCKED and defects.enabled(self.tries_unlimited):
            return self._matches(typed, used=False)
        if result in (CodeCheck.WRONG, CodeCheck.MISSING) and defects.enabled(self.reusable):
            return self._matches(typed, used=True)
        return result

    def _matches(self, typed: str, *, used: bool) -> CodeCheck:
        codes = get_session().scalars(
            select(OneTimeCode.code).where(
                OneTimeCode.web_session_id == security.persist_session(),
                OneTimeCode.purpose == self.purpose,
                OneTimeCode.used.is_(used),
            )
        )
        return CodeCheck.OK if typed in set(codes) else CodeCheck.WRONG


def readable_cookie(switch: str, name: str, value: str) -> None:
    """The bug: a cookie "for convenience" set without HttpOnly or SameSite on this response."""
    if not defects.enabled(switch):
        return

    @after_this_request
    def _set_cookie(response: Response) -> Response:
        response.set_cookie(name, value)  # no HttpOnly, no SameSite
        return response


def sessions_never_idle_out(switch: str, url_prefix: str) -> None:
    """The bug: the portal's sessions never idle out. Asked when a session opens, before the request is
    routed, so the portal is told by its path: another portal's sessions keep their own lifetime."""
    security.IDLE_KEEPERS.append(
        lambda: request.path.startswith(url_prefix + "/") and defects.enabled(switch)
    )


def framable(blueprint: Blueprint, endpoint: str, switch: str) -> None:
    """The bug: one page of the portal sends its own policy, which forgets to forbid framing."""

    @blueprint.after_request
    def _framable(response: Response) -> Response:
        if request.endpoint == endpoint and defects.enabled(switch):
            response.headers["Content-Security-Policy"] = LOOSE_POLICY
            response.headers["X-Frame-Options"] = "ALLOWALL"
        return response


def csrf_waived(endpoint: str, switch: str) -> None:
    """The bug: a state-changing form of the portal accepts a request without its token."""
    security.CSRF_WAIVERS[endpoint] = functools.partial(defects.enabled, switch)
