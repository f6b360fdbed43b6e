"""Both engines as pytest parameters: the browser one skipped without Chromium, and kept on one
xdist worker (browsers are heavy; two at once on a 2-core machine only slow each other)."""

from __future__ import annotations

import pytest

from portalcert.engines.browser_install import find

ENGINES = [
    pytest.param("http", id="http"),
    pytest.param(
        "browser",
        id="browser",
        marks=[
            pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
            pytest.mark.xdist_group("browser"),
        ],
    ),
]
