"""myBusiness's answer to the security baseline (profiles/security_baseline/support.py): its own tasks for
the flows the profile exercises. Signing in asks for username and password only (no one-time code);
"Esci" signs out; "Hai dimenticato la password?" e-mails a link to choose a new password."""

from __future__ import annotations

import secrets

from portalcert.checks import PreconditionFailed
from portalcert.docspec import ProfileSupport
from profiles.security_baseline.support import (
    ANONYMOUS_CODES,
    PASSWORD_CHANGE,
    REGISTRATION,
    TEMPORARY_PASSWORD,
    Pages,
    SecurityFlows,
)

from .actor import MybActor as Actor
from .tasks import signing_in
from .tasks.common import the_user

USER = "utilizzatore"  # an End User: signs in like any employee, their username as registered


def _choose_user(actor: Actor) -> None:
    signing_in.choose_user(actor, USER)


def _unknown_username(actor: Actor) -> str:
    """The same username nobody has all scenario long: its tries are throttled like the user's."""
    return f"{the_user(actor).username}zq"


def _sign_in(actor: Actor, which: str) -> None:
    user = the_user(actor)
    if which == "unknown user":
        signing_in.sign_in_as(actor, _unknown_username(actor), user.password + "X9")
    elif which == "unrelated":
        # Eight characters, the shortest a password is: its check costs what any wrong password's does.
        signing_in.sign_in_as(actor, user.username, f"Al{secrets.token_hex(3)}")
    elif which in ("right", "wrong"):
        signing_in.sign_in(actor, actor.memory.role, wrong_password=which == "wrong")
    else:
        raise PreconditionFailed(f"myBusiness sends no {which} password")


def _recover_password(actor: Actor, data: str) -> None:
    """The recovery asks for the username and the e-mail address registered with it: "wrong data" is the
    user's username with an address that is not theirs, "unknown username" one nobody has."""
    user = the_user(actor)
    if data == "own data":
        if not user.email:
            raise PreconditionFailed(f"the data set gives no e-mail address for {user.username}")
        # Not consumed: the data set has one End User, and a portal that replaces the password here
        # fails SEC-06 on this very scenario.
        signing_in.ask_new_password(actor, user.username, user.email)
        return
    stranger = f"altro{secrets.token_hex(3)}@example.org"
    username = user.username if data == "wrong data" else _unknown_username(actor)
    signing_in.ask_new_password(actor, username, stranger)


SUPPORT = ProfileSupport(
    flows=SecurityFlows(
        choose_user=_choose_user,
        sign_in=_sign_in,
        sign_out=signing_in.sign_out,
        recover_password=_recover_password,
        pages=Pages(login=signing_in.LOGIN, private=signing_in.HOME),
    ),
    lacks={
        TEMPORARY_PASSWORD: "myBusiness sends no temporary password: the recovery e-mails a link to choose"
        " a new one",
        REGISTRATION: "the guide only says employees must be registered (its registration flow is"
        " another guide's): the portal has no registration to start",
        ANONYMOUS_CODES: "myBusiness sends no code to a phone, to visitors or to users",
        PASSWORD_CHANGE: "the guide describes no password change for a signed-in user, and the portal"
        " has none",
    },
)
