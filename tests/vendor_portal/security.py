"""Per-session identity and CSRF tokens (a signed cookie holds both; the flows live in the Store)."""

from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session

from . import texts

CSRF_FIELD = "_csrf"


def session_id() -> str:
    if "sid" not in session:
        session["sid"] = secrets.token_urlsafe(16)
    return str(session["sid"])


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return str(session["csrf"])


def check_csrf() -> None:
    """Every form POST carries the session's token; the QA API authenticates by key instead."""
    if request.method != "POST" or request.blueprint == "qa":
        return
    sent = request.form.get(CSRF_FIELD, "")
    expected = session.get("csrf", "")
    if not sent or not expected or not hmac.compare_digest(sent, str(expected)):
        abort(400, description=texts.ERRORS["csrf"])


def fresh_code(digits: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def fresh_password() -> str:
    """10 characters, letters and digits (no look-alikes), as the e-mails carry them."""
    letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
    chars = [secrets.choice(letters) for _ in range(7)] + [secrets.choice("23456789") for _ in range(3)]
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)
