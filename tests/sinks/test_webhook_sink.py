"""SmsWebhookSink: a real HTTP server on a loopback port, fed by httpx."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import TypedDict

import httpx
import pytest

from portalcert.sinks import MessageStore, SmsWebhookSink
from portalcert.sinks.webhook import MAX_BODY

FORM = "application/x-www-form-urlencoded"


class PostArguments(TypedDict, total=False):
    """The ways a malformed webhook call is sent: JSON, a form, or raw bytes with their own headers."""

    json: object
    data: dict[str, str]
    content: bytes
    headers: dict[str, str]


@pytest.fixture
def sink(store: MessageStore) -> Iterator[SmsWebhookSink]:
    with SmsWebhookSink(store) as running:
        yield running


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    # One client for the module: building its TLS context costs more than a whole test.
    with httpx.Client(timeout=5) as client:
        yield client


def test_port_zero_binds_a_real_port_and_stop_releases_it(store: MessageStore, http: httpx.Client) -> None:
    sink = SmsWebhookSink(store, path="hooks/sms")
    assert sink.port == 0
    sink.start()
    try:
        assert sink.port > 0
        assert sink.url == f"http://127.0.0.1:{sink.port}/hooks/sms"
        response = http.post(sink.url, json={"to": "3331234567", "text": "ok"})
        assert response.status_code == 201
        with pytest.raises(RuntimeError):
            sink.start()
    finally:
        sink.stop()
    sink.stop()  # a second stop is harmless
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", sink.port), timeout=1):
        pass


def test_json_object_is_stored(sink: SmsWebhookSink, store: MessageStore, http: httpx.Client) -> None:
    response = http.post(
        sink.url, json={"to": "+39 333 1234567", "text": "Il codice è 123456", "from": "TIM"}
    )
    assert response.status_code == 201
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"stored": [1]}
    [stored] = store.messages()
    assert (stored.channel, stored.to, stored.sender, stored.subject, stored.body) == (
        "sms",
        "+39 333 1234567",
        "TIM",
        "",
        "Il codice è 123456",
    )
    assert store.find("sms", ["3331234567"], after=0, wait=0) == stored


def test_json_list_stores_each_message_and_sender_is_optional(
    sink: SmsWebhookSink, store: MessageStore, http: httpx.Client
) -> None:
    batch = [{"to": "3331111111", "text": "uno"}, {"to": "3332222222", "text": "due", "from": "+3906"}]
    response = http.post(sink.url, json=batch)
    assert (response.status_code, response.json()) == (201, {"stored": [1, 2]})
    assert [(m.to, m.sender, m.body) for m in store.messages()] == [
        ("3331111111", "", "uno"),
        ("3332222222", "+3906", "due"),
    ]


def test_twilio_style_form_is_stored(sink: SmsWebhookSink, store: MessageStore, http: httpx.Client) -> None:
    form = {
        "MessageSid": "SM123",
        "From": "+15005550006",
        "To": "+393331234567",
        "Body": "Codice: 987654 è tuo",
    }
    response = http.post(sink.url, data=form)
    assert (response.status_code, response.json()) == (201, {"stored": [1]})
    [stored] = store.messages()
    assert (stored.to, stored.sender, stored.body) == (
        "+393331234567",
        "+15005550006",
        "Codice: 987654 è tuo",
    )


def test_lowercase_form_fields_are_accepted(
    sink: SmsWebhookSink, store: MessageStore, http: httpx.Client
) -> None:
    http.post(sink.url, data={"to": "3331234567", "text": "via text"})
    http.post(sink.url, data={"to": "3331234567", "from": "x", "body": "via body"})
    assert [(m.sender, m.body) for m in store.messages()] == [("", "via text"), ("x", "via body")]


def test_declared_charset_is_honoured(sink: SmsWebhookSink, store: MessageStore, http: httpx.Client) -> None:
    body = '{"to": "3331234567", "text": "città più però"}'.encode("latin-1")
    response = http.post(
        sink.url, content=body, headers={"Content-Type": "application/json; charset=latin-1"}
    )
    assert response.status_code == 201
    form = "To=3331234567&Body=citt%E0+pi%F9"  # percent-escapes in the declared charset too
    response = http.post(sink.url, content=form, headers={"Content-Type": FORM + "; charset=iso-8859-1"})
    assert response.status_code == 201
    assert [m.body for m in store.messages()] == ["città più però", "città più"]


@pytest.mark.parametrize(
    ("kwargs", "status", "error"),
    [
        ({"json": {"text": "x"}}, 400, "missing 'to'"),
        ({"json": {"to": "333"}}, 400, "missing 'text'"),
        ({"json": {"to": "  ", "text": "x"}}, 400, "empty 'to'"),
        ({"json": {"to": ["333"], "text": "x"}}, 400, "'to' must be a string"),
        ({"json": []}, 400, "no messages"),
        ({"json": ["333"]}, 400, "JSON object"),
        ({"data": {"From": "x", "Body": "y"}}, 400, "missing 'To'"),
        ({"data": {"To": "333"}}, 400, "missing 'Body'"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400, "invalid JSON"),
        ({"content": b"", "headers": {"Content-Type": "application/json"}}, 400, "empty body"),
        (
            {"content": b'{"to":"3","text":"\xe8"}', "headers": {"Content-Type": "application/json"}},
            400,
            "utf-8",
        ),
        ({"content": b"to=3", "headers": {"Content-Type": FORM + "; charset=klingon"}}, 400, "klingon"),
        ({"content": b"To=3&Body=%E0", "headers": {"Content-Type": FORM}}, 400, "not valid utf-8"),
        ({"content": b"to=3&text=x", "headers": {"Content-Type": "text/plain"}}, 415, "text/plain"),
    ],
)
def test_bad_input_is_refused_with_a_reason(
    sink: SmsWebhookSink,
    store: MessageStore,
    http: httpx.Client,
    kwargs: PostArguments,
    status: int,
    error: str,
) -> None:
    response = http.post(sink.url, **kwargs)
    assert response.status_code == status
    assert error in response.json()["error"]
    assert store.messages() == []


def test_a_bad_record_in_a_list_stores_nothing(
    sink: SmsWebhookSink, store: MessageStore, http: httpx.Client
) -> None:
    response = http.post(sink.url, json=[{"to": "333", "text": "ok"}, {"to": "444"}])
    assert response.status_code == 400
    assert store.messages() == []


def test_wrong_path_is_404_and_other_methods_405(sink: SmsWebhookSink, http: httpx.Client) -> None:
    base = sink.url.removesuffix("/sms")
    assert http.post(f"{base}/email", json={"to": "3", "text": "x"}).status_code == 404
    assert http.get(f"{base}/").status_code == 404
    for method in ("GET", "PUT", "DELETE", "PATCH"):
        response = http.request(method, sink.url)
        assert response.status_code == 405, method
        assert response.headers["allow"] == "POST"
    assert http.head(sink.url).status_code == 405
    assert http.post(f"{sink.url}?source=gw", json={"to": "3", "text": "x"}).status_code == 201


def test_oversized_body_is_413_and_the_sink_keeps_serving(
    sink: SmsWebhookSink, store: MessageStore, http: httpx.Client
) -> None:
    huge = {"to": "3331234567", "text": "x" * MAX_BODY}
    response = http.post(sink.url, json=huge)
    assert response.status_code == 413
    assert "limit" in response.json()["error"]
    assert store.messages() == []
    assert http.post(sink.url, json={"to": "3331234567", "text": "dopo"}).status_code == 201


def test_chunked_body_is_read(sink: SmsWebhookSink, store: MessageStore, http: httpx.Client) -> None:
    def stream() -> Iterator[bytes]:  # no length known up front: httpx sends it chunked
        yield b'{"to": "3331234567", '
        yield '"text": "codice 31415 è qui"}'.encode()

    response = http.post(sink.url, content=stream(), headers={"Content-Type": "application/json"})
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert (response.status_code, response.json()) == (201, {"stored": [1]})
    assert store.messages()[0].body == "codice 31415 è qui"
