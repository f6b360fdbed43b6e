"""`data:` URIs (RFC 2397), decoded locally by every engine instead of asking the network."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote_to_bytes

from portalcert.engines.base import EngineError, Resource


def data_resource(uri: str) -> Resource:
    """What a data: URI holds, as a Resource (status 200, its media type, decoded size and digest)."""
    header, comma, payload = uri[len("data:") :].partition(",")
    if not comma:
        raise EngineError(f"malformed data: URI {uri[:60]!r}")
    params = [param.strip() for param in header.split(";")]
    is_base64 = len(params) > 1 and params[-1].lower() == "base64"
    media_type = (params[0] or "text/plain").lower()
    raw = unquote_to_bytes(payload)
    if is_base64:
        try:
            compact = b"".join(raw.split())
            raw = base64.b64decode(compact + b"=" * (-len(compact) % 4), validate=True)  # lenient padding
        except (binascii.Error, ValueError) as exc:
            raise EngineError(f"malformed base64 in data: URI {uri[:60]!r}") from exc
    return Resource.of(uri, 200, media_type, raw)
