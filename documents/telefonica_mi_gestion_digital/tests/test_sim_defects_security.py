"""Defect switches of the MGD portal's security (the security-baseline profile, SEC-01 to SEC-15): each
changes exactly the behaviour it names, faithful first, then switched on."""

from __future__ import annotations

from documents.telefonica_mi_gestion_digital.simulator import texts
from documents.telefonica_mi_gestion_digital.simulator.security_bugs import EMAIL_COOKIE
from tests.simulator.sim_client import SimClient

from .mgd_client import (
    ERROR,
    MI_AREA,
    ask_code,
    last_code,
    post,
    role,
    sign_in_fully,
    sign_out,
    type_code,
    type_password,
)

UNKNOWN = "nadie.9@sin-usuario.example.es"


def test_mgd_login_code_reusable(mgd: SimClient) -> None:
    user = role("user")
    ask_code(mgd, user)
    first = last_code(mgd, user)
    assert ask_code(mgd, user).name == "login-code"  # a newer code
    assert type_code(mgd, first).name == "login-code"
    mgd.set_defects("mgd_login_code_reusable")
    assert type_code(mgd, first).name == "mi-area"


def test_mgd_login_code_never_expires(mgd: SimClient) -> None:
    user = role("user")
    ask_code(mgd, user)
    mgd.advance(minutes=10)
    assert type_code(mgd, last_code(mgd, user)).text(ERROR) == texts.CODE_EXPIRED
    mgd.set_defects("mgd_login_code_never_expires")
    assert type_code(mgd, last_code(mgd, user)).name == "mi-area"


def test_mgd_login_code_tries_unlimited(mgd: SimClient) -> None:
    user = role("user")
    ask_code(mgd, user)
    for _ in range(5):
        type_code(mgd, "NADA NADA")
    assert type_code(mgd, last_code(mgd, user)).name == "login-code"
    mgd.set_defects("mgd_login_code_tries_unlimited")
    assert type_code(mgd, last_code(mgd, user)).name == "mi-area"


def test_mgd_login_codes_not_rate_limited(mgd: SimClient) -> None:
    user = role("user")
    for _ in range(5):
        assert ask_code(mgd, user).name == "login-code"
    assert ask_code(mgd, user).text(ERROR) == texts.TOO_MANY_CODES
    mgd.set_defects("mgd_login_codes_not_rate_limited")
    assert ask_code(mgd, user).name == "login-code"
    assert len(mgd.messages(channel="sms", to=user["mobile"])) == 6


def test_mgd_login_not_throttled(mgd: SimClient) -> None:
    user = role("user")
    for _ in range(5):
        type_password(mgd, user["email"], "Equivocada1")
    assert type_password(mgd, user["email"], user["password"]).text(ERROR) == texts.LOGIN_THROTTLED
    mgd.set_defects("mgd_login_not_throttled")
    assert type_password(mgd, user["email"], user["password"]).name == "login-channel"


def _forgot(mgd: SimClient, email: str) -> str | None:
    return post(mgd, "/mgd/olvido", "/mgd/olvido", {"email": email, "canal": "email"}).name


def test_mgd_forgot_replaces_password_at_once(mgd: SimClient) -> None:
    user = role("user")
    assert _forgot(mgd, user["email"]) == "forgot-code"
    assert type_password(mgd, user["email"], user["password"]).name == "login-channel"
    mgd.set_defects("mgd_forgot_replaces_password_at_once")
    _forgot(mgd, user["email"])
    assert type_password(mgd, user["email"], user["password"]).text(ERROR) == texts.CREDENTIALS_WRONG


def test_mgd_login_tells_unknown_email(mgd: SimClient) -> None:
    assert type_password(mgd, UNKNOWN, "Equivocada1").text(ERROR) == texts.CREDENTIALS_WRONG
    mgd.set_defects("mgd_login_tells_unknown_email")
    assert type_password(mgd, UNKNOWN, "Equivocada1").text(ERROR) == texts.LOGIN_UNKNOWN_EMAIL
    assert type_password(mgd, role("user")["email"], "Equivocada1").text(ERROR) == texts.CREDENTIALS_WRONG


def test_mgd_forgot_tells_unknown_email(mgd: SimClient) -> None:
    assert _forgot(mgd, UNKNOWN) == "forgot-code"  # as for a user: nothing tells the e-mail is unknown
    assert post(mgd, "/mgd/olvido/codigo", "/mgd/olvido/codigo", {"codigo": "NADA NADA"}).text(ERROR) == (
        texts.CODE_WRONG
    )
    assert mgd.messages(to=UNKNOWN) == []
    mgd.set_defects("mgd_forgot_tells_unknown_email")
    assert _forgot(mgd, UNKNOWN) == "forgot"
    assert mgd.page is not None and mgd.page.text(ERROR) == texts.FORGOT_UNKNOWN


def test_mgd_login_known_email_answers_slower(mgd: SimClient) -> None:
    # The bug's effect is time, which a unit test does not measure: here, that it changes no answer.
    mgd.set_defects("mgd_login_known_email_answers_slower")
    page = type_password(mgd, role("user")["email"], "Equivocada1")
    assert page.text(ERROR) == texts.CREDENTIALS_WRONG
    assert "mgd_login_known_email_answers_slower" in mgd.control("GET", "defects/reached").get_data(True)


def test_mgd_session_id_kept_at_sign_in(mgd: SimClient) -> None:
    user = role("user")
    ask_code(mgd, user)
    before = mgd.cookie()
    assert type_code(mgd, last_code(mgd, user)).name == "mi-area" and mgd.cookie() != before
    sign_out(mgd)
    mgd.set_defects("mgd_session_id_kept_at_sign_in")
    ask_code(mgd, user)
    before = mgd.cookie()
    assert type_code(mgd, last_code(mgd, user)).name == "mi-area" and mgd.cookie() == before


def test_mgd_logout_only_in_the_browser(mgd: SimClient) -> None:
    sign_in_fully(mgd)
    old = mgd.cookie()
    sign_out(mgd)
    mgd.client.set_cookie(mgd.app.config["SESSION_COOKIE_NAME"], old or "")
    assert mgd.get(MI_AREA).name == "access"
    sign_in_fully(mgd)
    old = mgd.cookie()
    mgd.set_defects("mgd_logout_only_in_the_browser")
    sign_out(mgd)
    assert mgd.cookie() is None
    mgd.client.set_cookie(mgd.app.config["SESSION_COOKIE_NAME"], old or "")
    assert mgd.get(MI_AREA).name == "mi-area"


def test_mgd_email_cookie_readable_by_scripts(mgd: SimClient) -> None:
    sign_in_fully(mgd)
    assert mgd.client.get_cookie(EMAIL_COOKIE) is None
    sign_out(mgd)
    mgd.set_defects("mgd_email_cookie_readable_by_scripts")
    sign_in_fully(mgd)
    assert mgd.client.get_cookie(EMAIL_COOKIE) is not None


def test_mgd_logout_without_csrf_check(mgd: SimClient) -> None:
    sign_in_fully(mgd)
    assert mgd.client.post("/mgd/salir").status_code == 400
    mgd.set_defects("mgd_logout_without_csrf_check")
    assert mgd.client.post("/mgd/salir").status_code == 303


def test_mgd_mi_area_framable(mgd: SimClient) -> None:
    sign_in_fully(mgd)
    assert "frame-ancestors 'none'" in mgd.client.get(MI_AREA).headers["Content-Security-Policy"]
    mgd.set_defects("mgd_mi_area_framable")
    headers = mgd.client.get(MI_AREA).headers
    assert "frame-ancestors" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "ALLOWALL"


def test_mgd_access_page_echoes_password(mgd: SimClient) -> None:
    email = role("user")["email"]
    assert type_password(mgd, email, "Equivocada1").attr("input[name=password]", "value") == ""
    mgd.set_defects("mgd_access_page_echoes_password")
    assert type_password(mgd, email, "Equivocada1").attr("input[name=password]", "value") == "Equivocada1"


def test_mgd_temporary_password_never_expires(mgd: SimClient) -> None:
    user = role("temp_user")
    mgd.advance(days=8)
    assert type_password(mgd, user["email"], user["password"]).text(ERROR) == (
        texts.TEMPORARY_PASSWORD_EXPIRED
    )
    mgd.set_defects("mgd_temporary_password_never_expires")
    assert type_password(mgd, user["email"], user["password"]).name == "login-channel"


def test_mgd_temporary_password_kept_once_used(mgd: SimClient) -> None:
    user = role("temp_user")
    assert sign_in_fully(mgd, "temp_user").name == "password-change"
    mgd.client.post("/mgd/salir", data={"csrf_token": mgd.get("/mgd/acceso/cambio-contrasena").csrf})
    mgd.advance(days=8)
    assert type_password(mgd, user["email"], user["password"]).text(ERROR) == (
        texts.TEMPORARY_PASSWORD_EXPIRED
    )
    mgd.control("POST", "reset")
    mgd.set_defects("mgd_temporary_password_kept_once_used")
    assert sign_in_fully(mgd, "temp_user").name == "password-change"
    mgd.advance(days=8)
    assert type_password(mgd, user["email"], user["password"]).name == "login-channel"


def test_mgd_sessions_never_idle_out(mgd: SimClient) -> None:
    sign_in_fully(mgd)
    mgd.advance(minutes=31)
    assert mgd.get(MI_AREA).name == "access"
    sign_in_fully(mgd)
    mgd.set_defects("mgd_sessions_never_idle_out")
    mgd.advance(minutes=31)
    assert mgd.get(MI_AREA).name == "mi-area"
