"""The graphic code (captcha) of registration step 1: text, SVG image, WAV audio, check."""

from __future__ import annotations

import hashlib
import hmac
import io
import math
import secrets
import struct
import wave
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from simulator import clock
from simulator.db import get_session
from simulator.models import CaptchaChallenge

# No 0/O, 1/I/L, 5/S look-alikes: the code must be readable by people.
ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
LENGTH = 5
LIFETIME = timedelta(minutes=10)


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


def svg_bytes(answer: str) -> bytes:
    """White letters on the document's 'riquadro nero'.

    The noise is derived from the answer, so the same code always gives the same picture: that is how
    a scenario tells "a new code" from "the same code" by comparing the pictures' content.
    """
    noise = hashlib.sha256(answer.encode()).digest()
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="50" viewBox="0 0 150 50">',
        '<rect width="150" height="50" fill="#000"/>',
    ]
    for i in range(4):
        x1, y1, x2, y2 = (
            noise[4 * i] % 150,
            noise[4 * i + 1] % 50,
            noise[4 * i + 2] % 150,
            noise[4 * i + 3] % 50,
        )
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#888" stroke-width="1"/>')
    for i, char in enumerate(answer):
        angle = noise[16 + i] % 31 - 15
        x, y = 15 + 27 * i, 34 + noise[24 + i] % 7
        parts.append(
            f'<text x="{x}" y="{y}" transform="rotate({angle} {x} {y})" fill="#fff" '
            f'font-family="monospace" font-size="26" font-weight="bold">{char}</text>'
        )
    parts.append("</svg>")
    return "".join(parts).encode()


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
