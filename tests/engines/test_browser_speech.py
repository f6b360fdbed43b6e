"""A speaker that speaks with speechSynthesis instead of linking an audio file, heard on a real Chromium
through the Portal (page map `speaks: true`); the http engine cannot hear it and says so."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from flask import Flask

from portalcert import pagemap
from portalcert.engines.base import EngineError, Spoken
from portalcert.engines.browser import BrowserEngine
from portalcert.engines.browser_install import find
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.http import HttpEngine
from portalcert.locator_ledger import LocatorLedger
from portalcert.portal import Portal

pytestmark = [
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
    pytest.mark.xdist_group("browser"),
]

SPEAKER_PAGE = """<!doctype html><html><body data-page="captcha">
<button type="button" id="speak">🔊</button><button type="button" id="mute">🔇</button>
<a id="file" href="/audio">audio</a>
<script>
document.getElementById("speak").addEventListener("click", () => {
  for (const part of ["A 7", "K 2"]) speechSynthesis.speak(new SpeechSynthesisUtterance(part));
});
</script></body></html>"""

PAGE_MAP = """schema: portalcert-pagemap/1
pages:
  captcha:
    url: /
    recognise: "[data-page=captcha]"
    actions:
      speaker: {selector: "#speak", speaks: true}
      silent: {selector: "#mute", speaks: true}
      file: "#file"
"""


@pytest.fixture(scope="module")
def speaker_url(serving: Callable[[Flask], AbstractContextManager[str]]) -> Iterator[str]:
    app = Flask("speaker")
    app.add_url_rule("/", "page", lambda: SPEAKER_PAGE)
    app.add_url_rule("/audio", "audio", lambda: ("RIFF", 200, {"Content-Type": "audio/wav"}))
    with serving(app) as url:
        yield url


def _portal(engine: BrowserEngine | HttpEngine, tmp_path: Path) -> Portal:
    (tmp_path / "pagemap.yaml").write_text(PAGE_MAP, encoding="utf-8")
    portal = Portal(engine, pagemap.load(tmp_path / "pagemap.yaml"), LocatorLedger().for_scenario("X-01"))
    portal.step_type = "given"
    portal.open("captcha")
    portal.step_type = "then"  # listening is observing, like fetching the file
    return portal


def test_the_browser_hears_what_a_speaker_says(speaker_url: str, tmp_path: Path) -> None:
    # A short action time: the silent speaker is given that long to say something.
    engine = BrowserEngine(speaker_url, settings=BrowserSettings(action_seconds=1.0))
    try:
        portal = _portal(engine, tmp_path)
        assert portal.listen("captcha", "speaker") == Spoken("A 7 K 2")
        assert portal.listen("captcha", "silent") == Spoken("")
        linked = portal.listen("captcha", "file")  # not marked `speaks`: the file it links
        assert not isinstance(linked, Spoken) and linked.content_type == "audio/wav"
    finally:
        engine.close()


def test_the_http_engine_cannot_hear_a_speaker(speaker_url: str, tmp_path: Path) -> None:
    with HttpEngine(speaker_url) as engine:
        portal = _portal(engine, tmp_path)
        with pytest.raises(
            EngineError, match=r"speaker` speaks: it needs the browser engine \(speechSynthesis\)"
        ):
            portal.listen("captcha", "speaker")
