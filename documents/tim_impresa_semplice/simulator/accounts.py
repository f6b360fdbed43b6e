"""Giving credentials: the username e-mail with its activation link, and the verification code."""

from __future__ import annotations

from documents.tim_impresa_semplice.simulator import links, texts
from documents.tim_impresa_semplice.simulator.models import Company, WebUser
from simulator import clock, outbox
from simulator.db import get_session

_HOURS = int(links.LINK_LIFETIME.total_seconds() // 3600)


def send_username(user: WebUser, to: str | None = None) -> None:
    """The "Benvenuto nel mondo TIM" e-mail: the username and a fresh activation link (older ones stop)."""
    link = links.issue(user, "activation")
    body = texts.WELCOME_BODY.format(username=user.username, link=link, hours=_HOURS)
    outbox.send_email(texts.EMAIL_SENDER, to or user.email, texts.WELCOME_SUBJECT, body)


def send_recovery(user: WebUser) -> None:
    link = links.issue(user, "recovery")
    body = texts.RECOVERY_BODY.format(username=user.username, link=link, hours=_HOURS)
    outbox.send_email(texts.EMAIL_SENDER, user.email, texts.RECOVERY_SUBJECT, body)


def register(user: WebUser) -> None:
    """The user is registered: from now on they hold a username, and the e-mail brings it."""
    user.state = "registered"
    send_username(user)


def register_legal_representative(company: Company, *, to: str | None = None) -> WebUser:
    """TIM registers the company's Rappresentante Legale (its username is the contractual e-mail)."""
    user = WebUser(
        company_id=company.id,
        username=company.rl_email,
        email=company.rl_email,
        mobile=company.rl_mobile,
        profile=texts.RL_PROFILE,
        state="registered",
        password_hash=None,
        line_id=None,
        created_at=clock.now(),
    )
    db = get_session()
    db.add(user)
    db.flush()
    send_username(user, to)
    return user
