"""Keep secrets a target URL may carry out of the reports, which get attached to tickets and mailed around.

``redact_url`` drops the password of ``user:password@`` and replaces every query value with ``***``;
anything else (scheme, user name, host, port, path, fragment) is left exactly as written.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

MASK = "***"


def _redact_query(query: str) -> str:
    parts = []
    for part in query.split("&"):
        name, equals, value = part.partition("=")
        if equals:
            parts.append(f"{name}={MASK}" if value else part)
        else:
            # a bare item ("?s3cr3t-token") has no name to keep: the whole item may be the secret
            parts.append(MASK if part else part)
    return "&".join(parts)


def redact_url(url: str) -> str:
    """``url`` without the password of its userinfo and with its query values masked.

    >>> redact_url("https://alice:s3cret@portal.example:8443/app?token=abc&lang=it")
    'https://alice@portal.example:8443/app?token=***&lang=***'
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host: nothing can be said about where secrets sit
        return MASK
    userinfo, at, host = parts.netloc.rpartition("@")
    if not at and not parts.query:
        return url  # nothing to hide: keep the text byte for byte
    user = userinfo.partition(":")[0]
    netloc = (f"{user}@{host}" if user else host) if at else parts.netloc
    return urlunsplit(parts._replace(netloc=netloc, query=_redact_query(parts.query)))
