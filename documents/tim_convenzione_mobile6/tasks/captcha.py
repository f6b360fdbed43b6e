"""The graphic code of registration step 1: a new one on request, and its audio version."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect
from portalcert.engines.base import Resource, Spoken

from ..actor import Cm6Actor as Actor
from .registration import STEP1


def _captcha_picture(actor: Actor) -> Resource:
    return actor.portal.fetch_shown(STEP1, "captcha_image")


def ask_new_captcha(actor: Actor) -> None:
    """Remember the picture's content (not its address: a portal may serve a new code at the same one)."""
    before = _captcha_picture(actor)
    if before.status != 200:
        raise PreconditionFailed(f"the graphic code's picture could not be loaded (HTTP {before.status})")
    actor.memory.captcha_seen = before.digest
    actor.portal.press(STEP1, "new_captcha")


def expect_new_captcha(actor: Actor) -> None:
    now = _captcha_picture(actor)
    expect(
        now.status == 200 and now.digest != actor.memory.captcha_seen,
        "a picture of a different graphic code",
        "the same picture again" if now.status == 200 else f"no picture (HTTP {now.status})",
    )


def expect_audio_captcha(actor: Actor) -> None:
    """An audio file, or (a speaker marked `speaks` in the page map) a code the page speaks."""
    heard = actor.portal.listen(STEP1, "listen_captcha")
    if isinstance(heard, Spoken):
        _expect_spoken_code(actor, heard.text)
        return
    resource = heard
    expect(
        resource.status == 200 and resource.content_type.startswith("audio/") and resource.size > 0,
        "an audio file (HTTP 200, audio/*)",
        f"HTTP {resource.status}, {resource.content_type or 'no content type'}, {resource.size} bytes",
    )


def _expect_spoken_code(actor: Actor, said: str) -> None:
    """The harness cannot know the code, so: something was said, with letters or digits, and it is
    not the error message the page shows (a speaker reading out "code unavailable")."""
    with actor.portal.describing():  # an error seen disproves; none seen proves nothing
        error = (actor.portal.read(None, "error") or "").strip() if actor.portal.shows(None, "error") else ""
    spoken = said.strip()
    observed = f'"{spoken}"' if spoken else "nothing spoken"
    if spoken and spoken == error:
        observed = f'the error message "{spoken}"'
    expect(
        any(char.isalnum() for char in spoken) and spoken != error,
        "a spoken graphic code (speechSynthesis)",
        observed,
    )
