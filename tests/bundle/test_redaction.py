"""What a bundle masks in a target file and a data set, and the feature digest anyone can recompute."""

from __future__ import annotations

import hashlib
import json

import yaml

from portalcert import provenance
from portalcert.bundle.redaction import is_secret_key, redact_json, redact_yaml

TARGET = """\
schema: portalcert-target/1
base_url: https://qa:hunter2@portal.example/app?session=abc123
captcha:
  test_value: let-me-in
control:
  url: ${CONTROL_URL}
  token: ${PORTAL_TOKEN}
  reset:
    method: POST
    headers: {Authorization: "Bearer s3cr3t", X-Api-Key: "k-42", Accept: application/json}
rules: [CM6-23]
"""


def test_a_target_keeps_its_shape_and_references_but_not_its_secrets() -> None:
    redacted = redact_yaml(TARGET)
    data = yaml.safe_load(redacted)
    assert redacted.startswith("# Redacted by `portalcert bundle`")
    assert data["base_url"] == "https://qa@portal.example/app?session=***"
    assert data["captcha"]["test_value"] == "***"
    assert data["control"]["token"] == "${PORTAL_TOKEN}"  # names the variable, holds no secret
    assert data["control"]["url"] == "${CONTROL_URL}"
    headers = data["control"]["reset"]["headers"]
    assert headers == {"Authorization": "***", "X-Api-Key": "***", "Accept": "application/json"}
    assert data["rules"] == ["CM6-23"]
    for secret in ("hunter2", "abc123", "let-me-in", "s3cr3t", "k-42"):
        assert secret not in redacted


def test_a_data_set_loses_passwords_and_pins_but_keeps_flags_and_names() -> None:
    dataset = {
        "users": [
            {"username": "mrossi", "password": "Pa55word!", "password_is_temporary": True, "pin": 1234},
            {"username": "lbianchi", "password": "", "otp": "ABC DEF"},
        ]
    }
    data = json.loads(redact_json(json.dumps(dataset)))
    assert data["users"] == [
        {"username": "mrossi", "password": "***", "password_is_temporary": True, "pin": "***"},
        {"username": "lbianchi", "password": "", "otp": "***"},
    ]


def test_secret_key_names() -> None:
    assert all(map(is_secret_key, ["password", "api_key", "X-Auth-Token", "client_secret", "Cookie", "pin"]))
    assert not any(map(is_secret_key, ["username", "pagemap", "pinned_page", "spinner", "keyboard"]))


def test_the_feature_digest_is_sha256sum_of_the_sha256sum_listing() -> None:
    files = {"b.feature": b"Feature: B\n", "a/x.feature": b"Feature: X\n"}
    listing = "".join(
        f"{hashlib.sha256(files[name]).hexdigest()}  {name}\n" for name in ("a/x.feature", "b.feature")
    )
    assert provenance.tree_digest(files) == hashlib.sha256(listing.encode()).hexdigest()
    assert provenance.tree_digest({**files, "b.feature": b"Feature: B!\n"}) != provenance.tree_digest(files)
