"""What a document gives the security baseline to opt in: its own tasks for the flows the profile uses.

A document opts in from its own package: its `DocumentSpec.profiles` maps "security-baseline" to a
`portalcert.docspec.ProfileSupport` whose `flows` is a `SecurityFlows` built from its tasks, and whose
`lacks` names the profile's `@needs:<flow>` tags it has no such flow for (see document.py), each with
the reason. A flow left None is lacked too (`SecurityFlows.absent`, merged into `lacks`): the scenarios
needing it are NOT_APPLICABLE for the document. Every callable takes the document's own actor (portal,
data and memory are the document's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

ActorTask = Callable[[Any], None]

# The `@needs:` tag of each optional flow, and what a document without it lacks.
LOGIN_CODE = "login_code"
PASSWORD_RECOVERY = "password_recovery"
TEMPORARY_PASSWORD = "temporary_password"
REGISTRATION = "registration"
ANONYMOUS_CODES = "anonymous_codes"
PASSWORD_CHANGE = "password_change"
NEEDS: dict[str, str] = {
    LOGIN_CODE: "signing in asks for no one-time code",
    PASSWORD_RECOVERY: "no password recovery",
    TEMPORARY_PASSWORD: "no temporary password is sent to users",
    REGISTRATION: "no registration a visitor can start",
    ANONYMOUS_CODES: "nothing a visitor who is not signed in can do sends a code to a user's phone",
    PASSWORD_CHANGE: "a signed-in user cannot change their password",
}

# The accounts the profile's scenarios start from, by rule: a user with a temporary password (SEC-14),
# "a registered user" (every other rule). A document lists these rules among those that use the roles
# its flows choose (its dataset/uses.py), so a data set is checked for them while the profile is in
# scope; a test holds them to the feature files.
TEMPORARY_PASSWORD_RULES = ("SEC-14",)
REGISTERED_USER_RULES = tuple(
    rule for rule in (f"SEC-{number:02d}" for number in range(1, 16)) if rule not in TEMPORARY_PASSWORD_RULES
)


@dataclass(frozen=True, kw_only=True)
class Pages:
    """Page-map names of the document's pages the profile's checks recognise."""

    login: str  # where username and password are typed
    private: str  # the signed-in area; opened by its url to try an old session
    code: str | None = None  # where the sign-in code is typed; None: sign-in asks for no code


@dataclass(frozen=True, kw_only=True)
class SecurityFlows:
    choose_user: ActorTask  # a registered user who can sign in, with their phone
    # Type username and password: "right", "wrong" (the user's with a typo), "unrelated" (a wrong one
    # unlike the user's), "temporary", or a wrong one for an "unknown user".
    sign_in: Callable[[Any, str], None]
    sign_out: ActorTask
    pages: Pages
    # --- optional: a flow left None makes the scenarios tagged with its need NOT_APPLICABLE ---------
    # login_code (with pages.code): the sign-in code step.
    sent_code: Callable[[Any], str] | None = None  # the sign-in code the portal sent last (inbox)
    codes_sent: Callable[[Any], int] | None = None  # how many codes reached the user (each unread once)
    type_code: Callable[[Any, str], None] | None = None  # type a code on the code page and confirm it
    # temporary_password:
    choose_user_with_temporary_password: ActorTask | None = None  # one sent a temporary password (unused)
    let_days_pass: Callable[[Any, int], None] | None = None  # since the temporary password was sent
    # password_recovery: ask for a new password with the user's "own data", with "wrong data" (the
    # user's username, data that do not match it) or for an "unknown username".
    recover_password: Callable[[Any, str], None] | None = None
    # registration: as a visitor, start registering a "known" identifier (one an account holds) or an
    # "unknown" one no account holds, up to the portal's first answer about it that comes before the
    # visitor proved they own it (the answer is judged, not the flow); returns the identifier typed,
    # which the answer may repeat.
    register: Callable[[Any, str], str] | None = None
    # anonymous_codes: as a visitor who is not signed in, make the portal send a code to the user's
    # phone `count` times (e.g. registering their number); the portal may refuse some.
    send_codes_anonymously: Callable[[Any, int], None] | None = None
    # password_change: the signed-in user changes their password (typing the current one).
    change_password: ActorTask | None = None

    def absent(self) -> dict[str, str]:
        """The needs (`@needs:<name>` -> reason) of the flows this document left out."""
        missing: dict[str, str] = {}
        if self.pages.code is None:
            missing[LOGIN_CODE] = f"{NEEDS[LOGIN_CODE]} (no code page)"
        for flow in fields(self):
            need = _NEED_OF_FLOW.get(flow.name)
            if need is not None and getattr(self, flow.name) is None and need not in missing:
                missing[need] = f"{NEEDS[need]} (its security flows leave {flow.name} out)"
        return missing

    @property
    def has_code_step(self) -> bool:
        return LOGIN_CODE not in self.absent()


_NEED_OF_FLOW = {
    "sent_code": LOGIN_CODE,
    "codes_sent": LOGIN_CODE,
    "type_code": LOGIN_CODE,
    "choose_user_with_temporary_password": TEMPORARY_PASSWORD,
    "let_days_pass": TEMPORARY_PASSWORD,
    "recover_password": PASSWORD_RECOVERY,
    "register": REGISTRATION,
    "send_codes_anonymously": ANONYMOUS_CODES,
    "change_password": PASSWORD_CHANGE,
}
