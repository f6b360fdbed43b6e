"""The graphic code (captcha) of registration step 1: text, PNG picture, WAV audio, check."""

from __future__ import annotations

import hashlib
import hmac
import io
import math
import random
import secrets
import struct
import wave
from datetime import timedelta

from flask import current_app
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select

from simulator import clock
from simulator.db import get_session
from simulator.models import CaptchaChallenge

# No 0/O, 1/I/L, 5/S look-alikes: the code must be readable by people.
ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
LENGTH = 5
LIFETIME = timedelta(minutes=10)
WIDTH, HEIGHT = 150, 50


def draw(web_session_id: int) -> CaptchaChallenge:
    """A new current challenge for the session."""
    challenge = CaptchaChallenge(
        web_session_id=web_session_id,
        answer="".join(secrets.choice(ALPHABET) for _ in range(LENGTH)),
        created_at=clock.now(),
    )
    db = get_session()
    db.add(challenge)
    db.flush()
    return challenge


def current(web_session_id: int) -> CaptchaChallenge:
    """The session's latest challenge, drawing a new one if it has none or it is 10 minutes old.

    An expired code is simply replaced: an answer typed for it then no longer matches.
    """
    found = get_session().scalar(
        select(CaptchaChallenge)
        .where(CaptchaChallenge.web_session_id == web_session_id)
        .order_by(CaptchaChallenge.id.desc())
    )
    if found is None or clock.now() - found.created_at >= LIFETIME:
        return draw(web_session_id)
    return found


def is_correct(challenge: CaptchaChallenge, typed: str) -> bool:
    typed = typed.strip()
    test_value: str | None = current_app.config.get("CAPTCHA_TEST_VALUE")
    if test_value and hmac.compare_digest(typed.encode(), str(test_value).encode()):
        return True
    return hmac.compare_digest(typed.upper().encode(), challenge.answer.encode())


def png_bytes(answer: str) -> bytes:
    """White letters on the document's 'riquadro nero', as a picture: the answer is in no markup.

    Each character is drawn rotated and shifted, over and under grey lines and dots. The noise is
    derived from the answer, so the same code always gives the same picture: that is how a scenario
    tells "a new code" from "the same code" by comparing the pictures' content.
    """
    noise = random.Random(hashlib.sha256(answer.encode()).digest())
    picture = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(picture)
    for _ in range(3):
        pen.line(_random_line(noise), fill=noise.randint(90, 150), width=1)
    font = ImageFont.load_default(size=30)
    for i, char in enumerate(answer):
        glyph = Image.new("L", (34, 40), 0)
        ImageDraw.Draw(glyph).text((17, 20), char, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(noise.uniform(-25, 25), resample=Image.Resampling.BILINEAR)
        picture.paste(255, (4 + 27 * i + noise.randint(-3, 3), 5 + noise.randint(-4, 4)), glyph)
    for _ in range(3):
        pen.line(_random_line(noise), fill=noise.randint(90, 150), width=2)
    for _ in range(120):
        pen.point((noise.randrange(WIDTH), noise.randrange(HEIGHT)), fill=noise.randint(60, 200))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _random_line(noise: random.Random) -> tuple[int, int, int, int]:
    return (
        noise.randrange(WIDTH),
        noise.randrange(HEIGHT),
        noise.randrange(WIDTH),
        noise.randrange(HEIGHT),
    )


_RATE = 8000


def _tone(frequency: float, seconds: float) -> bytes:
    count = int(_RATE * seconds)
    samples = (int(12000 * math.sin(2 * math.pi * frequency * n / _RATE)) for n in range(count))
    return b"".join(struct.pack("<h", s) for s in samples)


def wav_bytes(answer: str) -> bytes:
    """One tone per character (pitch from its position in the alphabet), separated by silence."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(_RATE)
        silence = b"\x00\x00" * int(_RATE * 0.15)
        for char in answer:
            out.writeframes(_tone(300 + 40 * ALPHABET.index(char), 0.3) + silence)
    return buffer.getvalue()
