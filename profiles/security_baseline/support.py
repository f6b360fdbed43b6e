"""What a document gives the security baseline to opt in: its own tasks for the flows the profile uses.

A document opts in from its own package: its `DocumentSpec.profiles` maps "security-baseline" to a
`portalcert.docspec.ProfileSupport` whose `flows` is a `SecurityFlows` built from its tasks, and whose
`lacks` names the profile's `@needs:<flow>` tags it has no such flow for (see document.py), each with
the reason. Every callable takes the document's own actor (portal, data and memory are the document's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ActorTask = Callable[[Any], None]


@dataclass(frozen=True)
class Pages:
    """Page-map names of the document's pages the profile's checks recognise."""

    login: str  # where username and password are typed
    code: str  # where the sign-in code is typed
    private: str  # the signed-in area; opened by its url to try an old session


@dataclass(frozen=True)
class SecurityFlows:
    choose_user: ActorTask  # a registered user who can sign in, with their phone
    choose_user_with_temporary_password: ActorTask  # one who was sent a temporary password (unused)
    # Type username and password: "right", "wrong", "temporary" or for an "unknown user".
    sign_in: Callable[[Any, str], None]
    let_days_pass: Callable[[Any, int], None]  # since the temporary password was sent
    sent_code: Callable[[Any], str]  # the sign-in code the portal sent last (read from the inbox)
    codes_sent: Callable[[Any], int]  # how many sign-in codes arrived (unread ones, each counted once)
    type_code: Callable[[Any, str], None]  # type a code on the code page and confirm it
    sign_out: ActorTask
    # Ask for a new password with the user's "own data", with "wrong data" (the user's username, data
    # that do not match it) or for an "unknown username".
    recover_password: Callable[[Any, str], None]
    pages: Pages
