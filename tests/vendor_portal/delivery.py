"""Sending SMS (an HTTP gateway webhook, JSON) and e-mail (SMTP) where the run's sinks.json says.

The file is read at every send: a portalcert run writes it after the portal has started.
Config keys SMS_GATEWAY_URL / SMTP_RELAY ("host:port") override it.
"""

from __future__ import annotations

import json
import smtplib
import urllib.error
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from flask import current_app

SMTP_HELO = "mail.borealis.example"  # a fixed name: the default (getfqdn) may wait for DNS


class NotDelivered(Exception):
    """The gateway or the relay refused the message, or could not be reached."""


def _sinks() -> dict[str, Any]:
    path = current_app.config.get("SINKS_FILE")
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NotDelivered(f"no usable sinks file {path}: {exc}") from None
    return data if isinstance(data, dict) else {}


def _gateway_url() -> str:
    url = current_app.config.get("SMS_GATEWAY_URL") or (_sinks().get("sms") or {}).get("url")
    if not url:
        raise NotDelivered("no SMS gateway configured")
    return str(url)


def _relay() -> tuple[str, int]:
    configured = current_app.config.get("SMTP_RELAY")
    if configured:
        host, _, port = str(configured).rpartition(":")
        return host, int(port)
    email = _sinks().get("email") or {}
    if not email.get("host") or not email.get("port"):
        raise NotDelivered("no SMTP relay configured")
    return str(email["host"]), int(email["port"])


def send_sms(number: str, sender: str, text: str) -> None:
    body = json.dumps({"to": f"+39{number}", "from": sender, "text": text}).encode()
    request = urllib.request.Request(
        _gateway_url(), data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            answer.read()
    except (urllib.error.URLError, OSError) as exc:
        raise NotDelivered(f"SMS gateway: {exc}") from None


def send_email(to: str, sender: str, subject: str, text: str) -> None:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="borealis.example")
    message.set_content(text)
    html = "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
    message.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    host, port = _relay()
    try:
        with smtplib.SMTP(host, port, local_hostname=SMTP_HELO, timeout=5) as smtp:
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise NotDelivered(f"SMTP relay {host}:{port}: {exc}") from None
