"""TIS's answer to the security baseline (profiles/security_baseline/support.py): its own tasks for the
flows the profile exercises. The Area Clienti signs in with username and password only, Esci signs out,
Recupera Password e-mails a link, and the username e-mail of a registration can be asked for again."""

from __future__ import annotations

import secrets

from portalcert.docspec import ProfileSupport
from profiles.security_baseline.support import (
    ANONYMOUS_CODES,
    LOGIN_CODE,
    PASSWORD_CHANGE,
    TEMPORARY_PASSWORD,
    Pages,
    SecurityFlows,
)

from .actor import TisActor as Actor
from .tasks import access

# The Rappresentante Legale of a registered company, who signs in with their own password.
USER = "legal_representative"


def _choose_user(actor: Actor) -> None:
    actor.memory.legal_representative = actor.data.legal_representative(USER)


def _domain(actor: Actor) -> str:
    return access.account(actor, access.RL).email.partition("@")[2]


def _unknown_username(actor: Actor) -> str:
    """A username nobody has, at the user's company, the same all scenario long (throttled alike)."""
    if not actor.memory.unknown_username:
        actor.memory.unknown_username = f"nessuno.{secrets.token_hex(4)}@{_domain(actor)}"
    return actor.memory.unknown_username


def _wrong_password(password: str) -> str:
    """The user's password with its last character mistyped."""
    return password[:-1] + ("x" if not password.endswith("x") else "y")


def _sign_in(actor: Actor, which: str) -> None:
    user = access.account(actor, access.RL)
    password = actor.memory.legal_representative.password if actor.memory.legal_representative else ""
    if which == "unknown user":
        access.sign_in_as(actor, _unknown_username(actor), _wrong_password(password))
    elif which == "unrelated":
        access.sign_in_as(actor, user.username, f"Altra{secrets.token_hex(4)}9")
    elif which == "wrong":
        access.sign_in_as(actor, user.username, _wrong_password(password))
    else:
        access.sign_in_as(actor, user.username, password)


def _recover_password(actor: Actor, data: str) -> None:
    """Recupera Password asks for nothing but the username (the link goes to the user's own e-mail), so
    "wrong data" is the user's username asked for by someone else, and "unknown username" one nobody has."""
    user = access.account(actor, access.RL)
    access.ask_recovery_for(actor, _unknown_username(actor) if data == "unknown username" else user.username)
    if data == "own data":
        actor.data.consume(user.record)  # a portal may replace the password when it is asked for


def _register(actor: Actor, identifier: str) -> str:
    """A visitor cannot start a registration (TIM and the Rappresentante Legale do), but the first thing
    a registrant does on the portal is to ask the username e-mail again by address («chiedi nuovamente
    l'invio»): the portal's answer about that address comes before anyone proved they hold the mailbox."""
    email = access.account(actor, access.RL).email
    if identifier == "unknown":
        email = f"nessuno.{secrets.token_hex(4)}@{_domain(actor)}"
    access.ask_resend_to(actor, email)
    return email


SUPPORT = ProfileSupport(
    flows=SecurityFlows(
        choose_user=_choose_user,
        sign_in=_sign_in,
        sign_out=access.sign_out,
        recover_password=_recover_password,
        register=_register,
        pages=Pages(login=access.LOGIN, private=access.PRIVATE_HOME),
    ),
    lacks={
        LOGIN_CODE: "the Area Clienti signs in with username and password only: no one-time code",
        TEMPORARY_PASSWORD: "TIS sends no temporary password: the username e-mail brings a link, and"
        " the user chooses the password (TIS-03)",
        ANONYMOUS_CODES: "a verification code goes only to whoever opened the link e-mailed to the user"
        " (TIS-03, TIS-06); what a visitor can ask for without it (the username e-mail again, Recupera"
        " Password) sends e-mails to the user's own address, no code to their phone",
        PASSWORD_CHANGE: "the guide documents no password change in the Area Clienti, only Recupera Password",
    },
)
