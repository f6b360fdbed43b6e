"""redact_url: no password and no query value of the target URL ever reaches a report."""

from __future__ import annotations

import pytest

from portalcert.report.redact import redact_url


@pytest.mark.parametrize(
    ("url", "redacted"),
    [
        # nothing to hide: the text is kept byte for byte
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
        ("https://portal.example/app/", "https://portal.example/app/"),
        ("https://portal.example/app#top", "https://portal.example/app#top"),
        ("embedded", "embedded"),
        ("", ""),
        # userinfo: the user name stays, the password goes
        ("https://alice:s3cret@portal.example:8443/app", "https://alice@portal.example:8443/app"),
        ("https://alice@portal.example/", "https://alice@portal.example/"),
        ("https://:s3cret@portal.example/", "https://portal.example/"),
        ("https://alice:pa:s3cret@portal.example/", "https://alice@portal.example/"),
        ("https://alice:p@s3cret@portal.example/", "https://alice@portal.example/"),  # raw "@" in it
        ("http://alice:pa%40s3cret@[::1]:8080/", "http://alice@[::1]:8080/"),
        # query: every value masked, names kept
        ("https://portal.example/?token=s3cret&lang=it", "https://portal.example/?token=***&lang=***"),
        ("https://portal.example/?next=https://x/?token=s3cret", "https://portal.example/?next=***"),
        ("https://portal.example/?s3cret", "https://portal.example/?***"),  # a bare item may be the secret
        ("https://portal.example/?token=&a=s3cret&&b", "https://portal.example/?token=&a=***&&***"),
        # both, with a path and a fragment that stay
        (
            "https://bob:s3cret@portal.example/x/y?key=s3cret#frag",
            "https://bob@portal.example/x/y?key=***#frag",
        ),
        # unparseable: nothing can be kept safely
        ("http://alice:s3cret@[::1/x", "***"),
    ],
)
def test_redact_url(url: str, redacted: str) -> None:
    assert redact_url(url) == redacted
    assert "s3cret" not in redact_url(url)
    assert redact_url(redacted) == redacted  # idempotent: redacting a report's URL again changes nothing
