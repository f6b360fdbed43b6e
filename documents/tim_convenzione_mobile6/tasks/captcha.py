"""The graphic code of registration step 1: a new one on request, and its audio version."""

from __future__ import annotations

from portalcert.checks import PreconditionFailed, expect
from portalcert.engines.base import Resource

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
    resource = actor.portal.fetch(STEP1, "listen_captcha")
    expect(
        resource.status == 200 and resource.content_type.startswith("audio/") and resource.size > 0,
        "an audio file (HTTP 200, audio/*)",
        f"HTTP {resource.status}, {resource.content_type or 'no content type'}, {resource.size} bytes",
    )
