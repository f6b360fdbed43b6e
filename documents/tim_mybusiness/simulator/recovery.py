"""The two recoveries the login page links to (MYB-02). The password recovery e-mails a link that sets a
new password once, within an hour; until then the current password keeps working, so a stranger who
asks for it locks nobody out, and its answer is the same whether the data match a user or not."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import render_template, request, url_for
from sqlalchemy import func, select, update

from documents.tim_mybusiness.simulator import bp, security_bugs, texts
from documents.tim_mybusiness.simulator.login import login_page
from documents.tim_mybusiness.simulator.models import PasswordResetLink, User
from simulator import clock, outbox, security
from simulator.db import get_session

RESET_LINK_LIFETIME = timedelta(hours=1)
NEW_PASSWORD_MIN_LENGTH = 8
Answer = str | tuple[str, int]


@bp.get("/recupera-username")
def username_recovery() -> str:
    return render_template("myb/username_recovery.html")


@bp.post("/recupera-username")
def username_recovery_submit() -> str:
    email = request.form.get("email", "").strip().lower()
    user = get_session().scalar(select(User).where(func.lower(User.email) == email)) if email else None
    if user is not None:
        outbox.send_email(
            texts.EMAIL_SENDER,
            user.email,
            "Recupero username",
            texts.USERNAME_EMAIL.format(username=user.username),
        )
        get_session().commit()
    return render_template("myb/username_recovery.html", notice=texts.RECOVERY_SENT)


@bp.get("/recupera-password")
def password_recovery() -> str:
    return render_template("myb/password_recovery.html")


@bp.post("/recupera-password")
def password_recovery_submit() -> str:
    db = get_session()
    username = request.form.get("username", "").strip()
    email = request.form.get("email", "").strip().lower()
    user = db.scalar(select(User).where(User.username == username)) if username else None
    if user is not None and user.email.lower() == email:
        if not security_bugs.replaced_password_at_once(user):
            _send_reset_link(user)
        db.commit()
    elif user is None and (refusal := security_bugs.recovery_refusal_for_unknown_username()):
        return render_template("myb/password_recovery.html", error=refusal)
    return render_template("myb/password_recovery.html", notice=texts.RECOVERY_SENT)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _send_reset_link(user: User) -> None:
    token = secrets.token_urlsafe(32)
    get_session().add(
        PasswordResetLink(user_id=user.id, token_digest=_digest(token), sent_at=clock.now(), used=False)
    )
    link = url_for("myb.new_password", token=token, _external=True)
    outbox.send_email(
        texts.EMAIL_SENDER, user.email, "Recupero password", texts.PASSWORD_LINK_EMAIL.format(link=link)
    )


def _valid_link(token: str) -> PasswordResetLink | None:
    link = get_session().scalar(
        select(PasswordResetLink).where(PasswordResetLink.token_digest == _digest(token))
    )
    if link is None or link.used or clock.now() - link.sent_at > RESET_LINK_LIFETIME:
        return None
    return link


@bp.get("/recupera-password/nuova/<token>")
def new_password(token: str) -> Answer:
    if _valid_link(token) is None:
        return render_template("myb/denied.html", error=texts.RESET_LINK_INVALID), 410
    return render_template("myb/new_password.html", token=token)


@bp.post("/recupera-password/nuova/<token>")
def new_password_submit(token: str) -> Answer:
    db = get_session()
    link = _valid_link(token)
    if link is None:
        return render_template("myb/denied.html", error=texts.RESET_LINK_INVALID), 410
    chosen, again = request.form.get("password", ""), request.form.get("password_again", "")
    refusal = (
        texts.NEW_PASSWORD_TOO_SHORT
        if len(chosen) < NEW_PASSWORD_MIN_LENGTH
        else texts.NEW_PASSWORD_MISMATCH
        if chosen != again
        else None
    )
    if refusal is not None:
        return render_template("myb/new_password.html", token=token, error=refusal)
    user = db.get(User, link.user_id)
    assert user is not None  # the link's foreign key
    user.password_hash = security.hash_password(chosen)
    # Every link the user was sent is spent: an older one must not set the password again.
    db.execute(update(PasswordResetLink).where(PasswordResetLink.user_id == user.id).values(used=True))
    db.commit()
    return login_page(notice=texts.PASSWORD_CHANGED)
