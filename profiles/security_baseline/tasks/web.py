"""Sessions, cookies, forgery tokens, security headers and secrets, read from the HTTP exchanges."""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus

from portalcert.checks import PreconditionFailed, expect
from portalcert.engines.wire import Exchange

from ..support import PASSWORD_CHANGE
from .base import Notes, SecActor, exchanges, flows, required, wire

# A form field that carries an anti-forgery token, by its name.
TOKEN_FIELD = re.compile(r"csrf|xsrf|token|authenticity", re.IGNORECASE)
FRAMING_REFUSED = ("deny", "sameorigin")


def note_cookies(actor: SecActor, notes: Notes) -> None:
    notes.cookies = wire(actor).cookies()
    if not notes.cookies:
        raise PreconditionFailed("the portal set no cookie to keep the session in")


def note_signed_in_cookies(actor: SecActor, notes: Notes) -> None:
    """The cookies without which the private area does not open: the session's id, whatever its name
    (a device or preference cookie the portal also keeps is none of them), found by leaving each out."""
    held = wire(actor).cookies()
    private = flows(actor).pages.private
    for name, value in held.items():
        wire(actor).restore_cookies({other: kept for other, kept in held.items() if other != name})
        actor.portal.open(private)
        with actor.portal.describing():  # sorting cookies: no verdict rests on this look
            if not actor.portal.is_on(private):
                notes.cookies[name] = value
    wire(actor).restore_cookies(held)
    actor.portal.open(private)
    if not notes.cookies:
        raise PreconditionFailed("no cookie the user holds is needed to open the private area")


def change_password(actor: SecActor) -> None:
    required(flows(actor).change_password, PASSWORD_CHANGE)(actor)


def expect_new_session_cookies(actor: SecActor, notes: Notes) -> None:
    now = wire(actor).cookies()
    kept = sorted(name for name, value in notes.cookies.items() if now.get(name) == value)
    kept_names = ", ".join(kept)
    expect(not kept, "a new session id (each noted cookie a new value)", f"{kept_names} kept theirs")


def open_private_area_with_old_cookies(actor: SecActor, notes: Notes) -> None:
    wire(actor).restore_cookies(notes.cookies)
    actor.portal.open(flows(actor).pages.private)


def expect_private_area_closed(actor: SecActor) -> None:
    expect(
        not actor.portal.is_on(flows(actor).pages.private),
        "the old session refused by the portal",
        "it still opens the private area",
    )


def _set_cookies(actor: SecActor) -> list[tuple[str, str]]:
    return [(hop.url, value) for hop in exchanges(actor) for value in hop.all_headers("set-cookie")]


def expect_cookie_flags(actor: SecActor) -> None:
    set_cookies = _set_cookies(actor)
    if not set_cookies:
        raise PreconditionFailed("the portal set no cookie")
    wrong = []
    for url, header in set_cookies:
        attributes = {part.strip().split("=", 1)[0].lower() for part in header.split(";")[1:]}
        needed = {"httponly", "samesite"} | ({"secure"} if url.startswith("https:") else set())
        missing = sorted(needed - attributes)
        if missing and not _is_removal(header):
            wrong.append(f"{header.split('=', 1)[0]} without {', '.join(missing)}")
    expect(not wrong, "every cookie HttpOnly and SameSite (and Secure over HTTPS)", "; ".join(wrong))


def _is_removal(header: str) -> bool:
    lowered = header.lower()
    return "max-age=0" in lowered or "expires=thu, 01 jan 1970" in lowered


def replay_forms_without_token(actor: SecActor, notes: Notes) -> None:
    """Every form the scenario sent, sent again as it was but without its anti-forgery token."""
    posts = [hop for hop in exchanges(actor) if hop.method == "POST"]
    if not posts:
        raise PreconditionFailed("the scenario sent no form")
    for post in posts:
        stripped = tuple((name, value) for name, value in post.form if not TOKEN_FIELD.search(name))
        notes.answers.setdefault("replays", []).append(wire(actor).send(post.method, post.url, stripped))
        notes.answers.setdefault("originals", []).append(post)


def expect_replays_refused(actor: SecActor, notes: Notes) -> None:
    accepted = [
        f"{original.url} answered {replay.status}"
        for original, replay in zip(notes.answers["originals"], notes.answers["replays"], strict=True)
        if replay.status < 400
    ]
    expect(not accepted, "every form sent without its token refused (4xx)", "; ".join(accepted))


def _pages(actor: SecActor) -> list[Exchange]:
    return [hop for hop in exchanges(actor) if "html" in (hop.header("content-type") or "")]


def expect_security_headers(actor: SecActor) -> None:
    pages = _pages(actor)
    if not pages:
        raise PreconditionFailed("the scenario saw no page")
    wrong = sorted({f"{_path(hop.url)}: {problem}" for hop in pages for problem in _header_problems(hop)})
    expect(not wrong, "security headers on every page", "; ".join(wrong))


def _header_problems(hop: Exchange) -> list[str]:
    policy = (hop.header("content-security-policy") or "").lower()
    framing = (hop.header("x-frame-options") or "").lower()
    problems = []
    if not policy:
        problems.append("no Content-Security-Policy")
    if "frame-ancestors" not in policy and framing not in FRAMING_REFUSED:
        problems.append("framing allowed (no frame-ancestors, no X-Frame-Options)")
    if (hop.header("x-content-type-options") or "").lower() != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if hop.url.startswith("https:") and not hop.header("strict-transport-security"):
        problems.append("no Strict-Transport-Security over HTTPS")
    return problems


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1].split("?", 1)[0]


def expect_no_secret_exposed(actor: SecActor, notes: Notes) -> None:
    """The secrets are what the user typed into password fields (the engine knows the fields' type,
    whatever their names: `jelszo`, `parola`) and the sign-in codes the scenario received."""
    hops = exchanges(actor)
    secrets = {value for value in (*wire(actor).typed_secrets(), *notes.codes) if value}
    if not secrets:
        raise PreconditionFailed("the scenario typed no password or code")
    shown = []
    for hop in hops:
        for secret in secrets:
            if any(form in hop.url for form in (secret, quote(secret), quote_plus(secret))):
                shown.append(f"a secret in the address {_path(hop.url)}")
            if "html" in (hop.header("content-type") or "") and secret in hop.text:
                shown.append(f"a secret echoed in the page {_path(hop.url)}")
    expect(not shown, "no password or code in an address or a page", "; ".join(sorted(set(shown))))
