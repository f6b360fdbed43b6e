"""Secrets out of the target file and data set a bundle carries: it is handed to auditors and mailed around.

A value is masked when its key names a secret (password, token, authorization header, captcha test
value, PIN, ...); an environment reference such as ``${PORTAL_TOKEN}`` names no secret and is kept, as
is every URL with its password and query values masked (`portalcert.report.redact.redact_url`).
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from portalcert.report.redact import MASK, redact_url

# Parts of a key that say its value is a secret ("api_key", "X-Auth-Token", "password_hash", ...).
_SECRET_PARTS = ("password", "passwd", "passphrase", "secret", "token", "apikey", "authorization", "cookie")
_SECRET_WORDS = {"pin", "puk", "otp", "key", "credential", "credentials", "test_value"}
_ENV_REFERENCE = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
YAML_HEADER = "# Redacted by `portalcert bundle`: secret values read ***, environment references are kept.\n"


def is_secret_key(key: str) -> bool:
    lowered = key.lower()
    squashed = re.sub(r"[^a-z]", "", lowered)
    words = set(re.split(r"[^a-z]+", lowered))
    return any(part in squashed for part in _SECRET_PARTS) or bool(({lowered} | words) & _SECRET_WORDS)


def _only_references(value: str) -> bool:
    return _ENV_REFERENCE.sub("", value).strip() == ""


def redact_value(key: str, value: Any) -> Any:
    """`value` as it may be shown under `key`: containers walked, secrets masked, URLs redacted."""
    if isinstance(value, dict):
        return {name: redact_value(str(name), item) for name, item in value.items()}
    if isinstance(value, list):
        return [redact_value(key, item) for item in value]
    if is_secret_key(key) and not isinstance(value, bool) and value not in (None, ""):
        if isinstance(value, str) and _only_references(value):
            return value
        return MASK
    if isinstance(value, str) and _URL.match(value):
        return redact_url(value)
    return value


def redact_yaml(text: str) -> str:
    """A YAML file (the target) with its secrets masked; comments do not survive the round trip."""
    data = yaml.safe_load(text)
    body = yaml.safe_dump(redact_value("", data), sort_keys=False, allow_unicode=True, width=110)
    return YAML_HEADER + body


def redact_json(text: str) -> str:
    """A JSON file (a data set) with its secrets masked."""
    data = json.loads(text)
    return json.dumps(redact_value("", data), indent=2, ensure_ascii=False) + "\n"
