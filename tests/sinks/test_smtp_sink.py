"""SmtpSink: a real aiosmtpd server on a loopback port, fed by smtplib."""

from __future__ import annotations

import smtplib
import socket
from collections.abc import Iterator
from email.message import EmailMessage

import pytest

from portalcert.sinks import MessageStore, SmtpSink
from portalcert.sinks.smtp import html_to_text, parse_mail


@pytest.fixture
def sink(store: MessageStore) -> Iterator[SmtpSink]:
    with SmtpSink(store) as running:
        yield running


def client(sink: SmtpSink) -> smtplib.SMTP:
    return smtplib.SMTP(sink.host, sink.port, timeout=5)


def mail(
    subject: str, sender: str = "Portale <noreply@portale.it>", to: str = "m.rossi@x.it"
) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    return message


def test_port_zero_binds_a_real_port_and_stop_releases_it(store: MessageStore) -> None:
    sink = SmtpSink(store)
    assert sink.port == 0
    sink.start()
    try:
        assert sink.port > 0
        assert sink.address == f"127.0.0.1:{sink.port}"
        with client(sink) as smtp:
            code, reply = smtp.ehlo()
        assert code == 250 and reply.startswith(b"portalcert-sink")  # no slow getfqdn() lookup
        with pytest.raises(RuntimeError):
            sink.start()
    finally:
        sink.stop()
    sink.stop()  # a second stop is harmless
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", sink.port), timeout=1):
        pass


def test_plain_text_mail_is_stored(sink: SmtpSink, store: MessageStore) -> None:
    message = mail("Il tuo codice")
    message.set_content("Il tuo codice di verifica è 123456.\nScade tra 10 minuti.\n")
    with client(sink) as smtp:
        refused = smtp.send_message(message)
    assert refused == {}
    [stored] = store.messages()
    assert (stored.id, stored.channel, stored.to) == (1, "email", "m.rossi@x.it")
    assert stored.sender == "Portale <noreply@portale.it>"
    assert stored.subject == "Il tuo codice"
    assert stored.body == "Il tuo codice di verifica è 123456.\nScade tra 10 minuti."


def test_multipart_alternative_prefers_the_plain_part(sink: SmtpSink, store: MessageStore) -> None:
    message = mail("Codice OTP")
    message.set_content("Codice: 111111")
    message.add_alternative("<p>Codice: <b>999999</b></p>", subtype="html")
    with client(sink) as smtp:
        smtp.send_message(message)
    found = store.find("email", ["M.Rossi@X.it"], after=0, wait=1)
    assert found is not None and found.body == "Codice: 111111"


def test_html_only_mail_is_converted_to_text(sink: SmtpSink, store: MessageStore) -> None:
    message = mail("Attivazione")
    message.set_content(
        "<html><head><style>p {color: red}</style><title>x</title></head><body>"
        "<h1>Benvenuto&nbsp;Mario</h1><p>Il codice &egrave; <b>654321</b>.</p>"
        "<table><tr><td>Scadenza</td><td>10&#160;min</td></tr></table><script>alert(1)</script>"
        "</body></html>",
        subtype="html",
    )
    with client(sink) as smtp:
        smtp.send_message(message)
    [stored] = store.messages()
    assert stored.body == "Benvenuto Mario\nIl codice è 654321.\nScadenza 10 min"


def test_utf8_subject_and_body_over_smtputf8(sink: SmtpSink, store: MessageStore) -> None:
    raw = (
        "From: Società Telefonica <avvisi@società.it>\r\n"
        "To: andrea.citta@x.it\r\n"
        "Subject: Perché il codice è già qui\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
        "Caro Niccolò, il codice è 777888 (città: Forlì).\r\n"
    ).encode()
    with client(sink) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("smtputf8") and smtp.has_extn("8bitmime")
        smtp.sendmail(
            "avvisi@società.it", ["andrea.citta@x.it"], raw, mail_options=["SMTPUTF8", "BODY=8BITMIME"]
        )
    [stored] = store.messages()
    assert stored.subject == "Perché il codice è già qui"
    assert stored.sender == "Società Telefonica <avvisi@società.it>"
    assert stored.body == "Caro Niccolò, il codice è 777888 (città: Forlì)."


def test_encoded_word_subject_is_decoded(sink: SmtpSink, store: MessageStore) -> None:
    message = mail("Verifica identità — codice")  # smtplib sends it RFC 2047-encoded
    message.set_content("Codice: 246810 — è valido", charset="utf-8")
    with client(sink) as smtp:
        smtp.send_message(message)
    [stored] = store.messages()
    assert (stored.subject, stored.body) == ("Verifica identità — codice", "Codice: 246810 — è valido")


def test_one_message_per_envelope_recipient(sink: SmtpSink, store: MessageStore) -> None:
    message = mail("Codice", to="a@x.it")
    message.set_content("Codice 135790")
    recipients = ["a@x.it", "b@x.it", "C@X.IT"]
    with client(sink) as smtp:
        smtp.send_message(message, from_addr="bounce@portale.it", to_addrs=recipients)
    stored = store.messages()
    assert [m.to for m in stored] == recipients
    assert [m.id for m in stored] == [1, 2, 3]
    assert {m.body for m in stored} == {"Codice 135790"}
    found = store.find("email", ["c@x.it"], after=0, wait=0)
    assert found is not None and found.id == 3


def test_any_login_is_accepted(sink: SmtpSink, store: MessageStore) -> None:
    with client(sink) as smtp:
        code, _ = smtp.login("portal-relay", "whatever")
        smtp.sendmail("a@portale.it", ["b@x.it"], b"Subject: dopo il login\r\n\r\nok\r\n")
    assert code == 235
    assert [m.subject for m in store.messages()] == ["dopo il login"]


def test_envelope_sender_is_the_fallback_for_a_missing_from(sink: SmtpSink, store: MessageStore) -> None:
    with client(sink) as smtp:
        smtp.sendmail("bounce@portale.it", ["a@x.it"], b"Subject: senza mittente\r\n\r\ncodice 112233\r\n")
    [stored] = store.messages()
    assert (stored.sender, stored.subject, stored.body) == (
        "bounce@portale.it",
        "senza mittente",
        "codice 112233",
    )


def test_malformed_messages_do_not_kill_the_sink(sink: SmtpSink, store: MessageStore) -> None:
    garbage = b"\xff\xfe not a header at all\r\n\x00\x01 Content-Type: ;;;\r\n\r\n\xc3(\r\n"
    bad_charset = (
        b"Subject: =?bogus?Q?x?=\r\nContent-Type: text/plain; charset=klingon\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n@@not base64@@\r\n"
    )
    with client(sink) as smtp:
        for raw in (garbage, bad_charset):
            smtp.sendmail("x@y.it", ["a@x.it"], raw)
        code, _ = smtp.noop()
    assert code == 250
    assert [m.to for m in store.messages()] == ["a@x.it", "a@x.it"]
    # The sink still answers new sessions normally afterwards.
    ok = mail("dopo")
    ok.set_content("codice 999000")
    with client(sink) as smtp:
        smtp.send_message(ok)
    assert store.messages()[-1].body == "codice 999000"


def test_parse_mail_decodes_an_unknown_charset_leniently() -> None:
    raw = b"Subject: x\r\nContent-Type: text/plain; charset=klingon\r\n\r\ncodice 123 \xc3\xa8\r\n"
    parsed = parse_mail(raw, "env@x.it")
    assert (parsed.sender, parsed.subject, parsed.body) == ("env@x.it", "x", "codice 123 è")


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Il codice è <strong>123456</strong>.</p>", "Il codice è 123456."),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<div>  molti \n\t spazi  </div><div></div><div>x</div>", "molti spazi\nx"),
        ("&lt;tag&gt; &amp; &quot;virgolette&quot; &euro;5", '<tag> & "virgolette" €5'),
        ("<style>.x{}</style><script>var a = '<p>';</script>visibile", "visibile"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_a_parser_crash_answers_554_and_the_session_goes_on(
    sink: SmtpSink, store: MessageStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(raw: bytes, envelope_sender: str = "") -> None:
        raise ValueError("boom")

    monkeypatch.setattr("portalcert.sinks.smtp.parse_mail", explode)
    with client(sink) as smtp:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            smtp.sendmail("x@y.it", ["a@x.it"], b"Subject: x\r\n\r\ny\r\n")
        assert refused.value.smtp_code == 554
        monkeypatch.undo()
        smtp.sendmail("x@y.it", ["a@x.it"], b"Subject: ancora\r\n\r\ncodice 5\r\n")
    assert [(m.subject, m.body) for m in store.messages()] == [("ancora", "codice 5")]
