"""The http engine's HTTP exchanges (engines/wire.py), against the conftest app: what the security
baseline reads (headers, cookies, the forms sent) and sends (a form again, many at once)."""

from __future__ import annotations

from portalcert.engines.http import HttpEngine
from portalcert.engines.wire import Fields, Wire


def _register(engine: HttpEngine, user: str) -> None:
    engine.goto("/register")
    engine.fill("input[name=user]", user)
    engine.press("[data-testid=send]")


def test_each_hop_is_recorded_with_its_form_and_headers(engine: HttpEngine) -> None:
    assert isinstance(engine, Wire)
    _register(engine, "ann")
    post, done = engine.exchanges()[-2:]
    assert (post.method, post.status, post.form) == ("POST", 303, (("user", "ann"), ("code", "303")))
    assert post.all_headers("set-cookie")[0].startswith("session=s-ann")
    assert post.header("Location") == "/done?user=ann"
    assert post.seconds is not None and post.seconds >= 0, "a network answer is timed"
    assert (done.method, done.status, "done ann" in done.text) == ("GET", 200, True)


def test_cookies_are_read_and_restored(engine: HttpEngine) -> None:
    engine.goto("/login-cookie")
    assert engine.cookies() == {"session": "abc123"}
    engine.restore_cookies({"session": "other"})
    engine.goto("/whoami")
    assert engine.text("[data-testid=cookie]") == "other"


def test_a_form_is_sent_again_without_a_field_and_without_leaving_the_page(engine: HttpEngine) -> None:
    _register(engine, "ann")
    post = [hop for hop in engine.exchanges() if hop.method == "POST"][-1]
    again = engine.send(post.method, post.url, post.replacing("user", "bob"))
    assert again.status == 200 and "done bob" in again.text
    assert engine.text("[data-testid=done]") == "done ann"  # still the page the user saw
    echoed = engine.send("POST", "/echo", post.without("code"))
    assert "user=bob" not in echoed.text and "user=ann" in echoed.text and "code=" not in echoed.text


def test_forms_sent_together_each_get_their_answer(engine: HttpEngine) -> None:
    forms: list[Fields] = [(("n", str(i)),) for i in range(5)]
    answers = engine.send_together("POST", "/echo", forms)
    assert [f"n={i}" in answer.text for i, answer in enumerate(answers)] == [True] * 5
