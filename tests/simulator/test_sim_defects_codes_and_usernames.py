"""Defect switches of the registration code, the username and the outcome (CM6-16, CM6-17, CM6-21)."""

from __future__ import annotations

from documents.tim_convenzione_mobile6.simulator import texts
from tests.simulator.sim_client import SimClient

ERROR = "[data-testid=error]"
REFUSED, ACCEPTED = "registration-step3", "registration-success"


def test_otp_checks_first_word_only(sim: SimClient) -> None:
    number = sim.sim_number("active_sim")
    sim.step2()
    first_word = sim.last_code(number).split(" ")[0]
    assert sim.submit({"otp": f"{first_word} ZZZQ"}).name == "registration-otp"
    sim.set_defects("otp_checks_first_word_only")
    assert sim.submit({"otp": "QQQZ ZZZQ"}).name == "registration-otp"  # the first word still counts
    assert sim.submit({"otp": f"{first_word} ZZZQ"}).name == "registration-step3"


def test_step3_shows_code_error(sim: SimClient) -> None:
    assert sim.through_otp().count(ERROR) == 0
    sim.set_defects("step3_shows_code_error")
    page = sim.get("/cm6/registrazione")
    assert page.name == "registration-step3"
    assert page.text(ERROR) == texts.OTP_WRONG


def _outcome(sim: SimClient, username: str, sim_role: str = "active_sim") -> str:
    """The page a username leads to at step 3; a refusal must be the username-invalid one."""
    sim.through_otp(sim_role)
    page = sim.submit({"username": username})
    if page.name == REFUSED:
        assert page.text(ERROR) == texts.USERNAME_INVALID
        sim.submit({}, button="annulla")
    return str(page.name)


def test_username_accepts_5_chars(sim: SimClient) -> None:
    assert _outcome(sim, "abc12") == REFUSED
    sim.set_defects("username_accepts_5_chars")
    assert _outcome(sim, "abc1") == REFUSED
    assert _outcome(sim, "abc12") == ACCEPTED


def test_username_length_limits_exclusive(sim: SimClient) -> None:
    sim.set_defects("username_length_limits_exclusive")
    assert _outcome(sim, "abc123") == REFUSED
    assert _outcome(sim, "abcdefgh12345678") == REFUSED
    assert _outcome(sim, "abcd123") == ACCEPTED


def test_username_requires_a_digit(sim: SimClient) -> None:
    sim.set_defects("username_requires_a_digit")
    assert _outcome(sim, "mariorossi") == REFUSED
    assert _outcome(sim, "mario1rossi") == ACCEPTED


def test_username_allows_separators(sim: SimClient) -> None:
    assert _outcome(sim, "mario_rossi") == REFUSED
    assert _outcome(sim, "mario.rossi") == REFUSED
    sim.set_defects("username_allows_separators")
    assert _outcome(sim, "mario-rossi") == REFUSED
    assert _outcome(sim, "mario_rossi") == ACCEPTED
    assert _outcome(sim, "mario.rossi", "declared_sim") == ACCEPTED


def test_username_accepts_accented_letters(sim: SimClient) -> None:
    assert _outcome(sim, "mariòrossi") == REFUSED
    sim.set_defects("username_accepts_accented_letters")
    assert _outcome(sim, "mario_rossi") == REFUSED
    assert _outcome(sim, "mariòrossi") == ACCEPTED


def test_failure_reason_missing(sim: SimClient) -> None:
    reason = "[data-testid=failure-reason]"
    page = sim.register(username="altroutente1", sim_role="registered_sim")
    assert page.attr(reason, "data-error") == "line-already-registered" and page.text(reason)
    sim.set_defects("failure_reason_missing")
    page = sim.register(username="altroutente1", sim_role="registered_sim")
    assert page.name == "registration-failure"
    assert page.text(reason) == ""
