"""Every `@needs:<name>` tag of the features names a capability a target can declare absent."""

from __future__ import annotations

import re

from portalcert import registry
from portalcert.target import GENERIC_CAPABILITIES

SPEC = registry.get("tim-convenzione-mobile-6")


def test_needs_tags_name_known_capabilities() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SPEC.features.glob("*.feature")))
    needed = set(re.findall(r"@needs:(\S+)", text))
    assert needed == {"clock", "declared_sim"}
    assert needed <= set(GENERIC_CAPABILITIES) | set(SPEC.capabilities)
