"""The graphic code of registration step 1: an SVG picture, and its reading for the speaker button.

The speaker does not link an audio file: static/codice-grafico.js fetches the reading and speaks it
with the browser's speechSynthesis.
"""

from __future__ import annotations

import hmac
import random
import secrets
from html import escape

from flask import current_app

ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ23456789"  # nothing that reads two ways (0/O, 1/I)
LENGTH = 5


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def matches(code: str, typed: str) -> bool:
    """The typed code (case-insensitive), or the QA test value the target declares."""
    test_value = str(current_app.config.get("CAPTCHA_TEST_VALUE") or "")
    if test_value and hmac.compare_digest(typed.encode(), test_value.encode()):
        return True
    return bool(code) and hmac.compare_digest(typed.strip().upper().encode(), code.encode())


def picture(code: str) -> str:
    """White letters on a black box, each turned a little, over a few noise lines.

    The same code always gives the same picture: a new picture means a new code.
    """
    shapes = random.Random(code)
    glyphs = []
    for i, char in enumerate(code):
        x, angle = 18 + i * 26, shapes.randint(-15, 15)
        glyphs.append(
            f'<text x="{x}" y="38" transform="rotate({angle} {x} 30)" '
            f'font-family="monospace" font-size="28" fill="#fff">{escape(char)}</text>'
        )
    lines = [
        f'<line x1="0" y1="{shapes.randrange(50)}" x2="150" y2="{shapes.randrange(50)}" '
        'stroke="#888" stroke-width="1"/>'
        for _ in range(4)
    ]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="50" viewBox="0 0 150 50">'
        '<rect width="150" height="50" fill="#000"/>' + "".join(lines) + "".join(glyphs) + "</svg>"
    )


def reading(code: str) -> str:
    """What the speaker says: the characters one by one."""
    return ", ".join(code)
