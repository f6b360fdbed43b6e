"""The graphic code of step 1: checked, bypass value, refresh, redraw after failure, audio."""

from __future__ import annotations

import io
import wave

from flask import Flask
from PIL import Image
from sqlalchemy import select

from documents.tim_convenzione_mobile6.simulator import texts
from simulator.captcha import ALPHABET
from simulator.db import get_database
from simulator.models import CaptchaChallenge
from tests.simulator.sim_client import SimClient

IMAGE = "[data-testid=captcha-image]"


def _picture(sim: SimClient) -> bytes:
    """The picture the current page shows (fetched like a browser would)."""
    assert sim.page is not None
    src = sim.page.attr(IMAGE, "src")
    assert src is not None
    response = sim.client.get(src)
    assert response.status_code == 200 and response.mimetype == "image/png"
    picture: bytes = response.data
    return picture


def _current_answer(app: Flask) -> str:
    with get_database(app).session() as db:
        challenge = db.scalars(select(CaptchaChallenge).order_by(CaptchaChallenge.id.desc())).first()
    assert challenge is not None
    return challenge.answer


def test_wrong_answer_is_refused_and_a_new_code_drawn(sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    before = _picture(sim)
    page = sim.step1(captcha="00000")  # '0' is not in the alphabet: never right
    assert page.name == "registration-step1"
    assert "codice grafico" in (page.text("[data-testid=error]") or "")
    assert _picture(sim) != before
    # the identifier typed so far is kept
    assert page.attr("input[name=identificativo]", "value") == sim.role("entity")["codice_fiscale"]


def test_the_shown_answer_is_accepted_in_any_case(app: Flask, sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    answer = _current_answer(app)
    assert set(answer) <= set(ALPHABET) and len(answer) == 5
    page = sim.submit(
        {
            "tipo_identificativo": "cf",
            "identificativo": sim.role("entity")["codice_fiscale"],
            "captcha": answer.lower(),
        }
    )
    assert page.name == "registration-step2"


def test_the_test_value_bypasses_the_captcha(sim: SimClient) -> None:
    assert sim.step1(captcha="PROVA").name == "registration-step2"


def test_refresh_shows_a_new_picture_at_the_same_address_and_keeps_the_form(sim: SimClient) -> None:
    page = sim.get("/cm6/registrazione")
    address, before = page.attr(IMAGE, "src"), _picture(sim)
    assert page.attr("[data-testid=captcha-refresh]", "name") == "azione"
    page = sim.submit({"identificativo": "123"}, button="nuovo_codice")
    assert page.name == "registration-step1"
    assert page.text("[data-testid=error]") is None
    assert page.attr(IMAGE, "src") == address
    assert _picture(sim) != before
    assert page.attr("input[name=identificativo]", "value") == "123"


def test_same_code_gives_the_same_picture(sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    first = _picture(sim)
    sim.get("/cm6/registrazione")
    assert _picture(sim) == first


def test_audio_is_a_wav_with_one_tone_per_character(sim: SimClient) -> None:
    href = sim.get("/cm6/registrazione").attr("[data-testid=captcha-audio]", "href")
    assert href is not None
    response = sim.client.get(href)
    assert response.status_code == 200
    assert response.mimetype == "audio/wav"
    with wave.open(io.BytesIO(response.data)) as audio:
        assert audio.getnchannels() == 1
        assert audio.getnframes() / audio.getframerate() >= 5 * 0.3


def test_a_code_expires_ten_minutes_after_it_is_drawn(app: Flask, sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    first = _picture(sim)
    answer = _current_answer(app)
    sim.advance(minutes=9, seconds=59)
    sim.get("/cm6/registrazione")
    assert _picture(sim) == first
    sim.advance(seconds=2)
    sim.get("/cm6/registrazione")
    assert _picture(sim) != first
    identifier = sim.role("entity")["codice_fiscale"]
    page = sim.submit({"tipo_identificativo": "cf", "identificativo": identifier, "captcha": answer})
    assert page.name == "registration-step1"
    assert page.text("[data-testid=error]") == texts.CAPTCHA_WRONG
    # the code drawn after the failure is still good just before its own ten minutes are up
    fresh = _current_answer(app)
    sim.advance(minutes=9, seconds=59)
    page = sim.submit({"tipo_identificativo": "cf", "identificativo": identifier, "captcha": fresh})
    assert page.name == "registration-step2"


def test_the_answer_is_a_picture_not_text(app: Flask, sim: SimClient) -> None:
    page = sim.get("/cm6/registrazione")
    answer = _current_answer(app)
    picture = _picture(sim)
    with Image.open(io.BytesIO(picture)) as image:
        assert (image.format, image.size) == ("PNG", (150, 50))
        # white letters were drawn: the picture is not an empty black box
        assert image.convert("L").getextrema() == (0, 255)
    assert answer.encode() not in picture
    assert answer not in page.response.get_data(as_text=True)
