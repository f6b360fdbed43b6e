"""What a page says with speechSynthesis: a speaker button that speaks instead of linking an audio file.

An init script wraps `speechSynthesis.speak` in every page so each utterance's text is recorded
(the real speak still runs, for a page that waits for its events); `listen` presses the button and
returns what was said. A headless browser may have no voices: the text is what matters to a check.
"""

from __future__ import annotations

from typing import Protocol

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from portalcert.engines.base import EngineError

SPEECH_SCRIPT = """(() => {
  if (window.__portalcertSpeech) return;
  const heard = window.__portalcertSpeech = [];
  const record = (utterance) => heard.push(String((utterance && utterance.text) || ""));
  if (window.SpeechSynthesis && window.speechSynthesis) {
    const speak = SpeechSynthesis.prototype.speak;
    SpeechSynthesis.prototype.speak = function (utterance) {
      record(utterance);
      try { return speak.call(this, utterance); } catch (error) { return undefined; }
    };
  } else {  // a browser built without speech: still hear what the page asks to say
    window.speechSynthesis = {speak: record, cancel() {}, pause() {}, resume() {}, getVoices: () => [],
                              speaking: false, pending: false, paused: false};
    window.SpeechSynthesisUtterance =
      window.SpeechSynthesisUtterance || function (text) { this.text = text; };
  }
})();"""
_COUNT = "() => (window.__portalcertSpeech || []).length"
_SAID_SINCE = "n => (window.__portalcertSpeech || []).length > n"
_SAID = "n => (window.__portalcertSpeech || []).slice(n).join(' ')"


class _Host(Protocol):
    """The parts of the browser engine listening uses."""

    _page: Page
    _action_ms: float

    def _first(self, selector: str, doing: str) -> Locator: ...


class SpeechListener:
    """Mixed into the browser engine: `listen` (see portalcert.engines.base.Listener)."""

    def listen(self: _Host, selector: str) -> str:
        """Press the speaker and return what the page said ('' when it said nothing in time)."""
        target = self._first(selector, "listen to")
        try:
            before = self._page.evaluate(_COUNT)
            target.click(timeout=self._action_ms)
            self._page.wait_for_function(_SAID_SINCE, arg=before, timeout=self._action_ms)
        except PlaywrightTimeout:
            return ""
        except PlaywrightError as exc:
            raise EngineError(f"cannot listen to {selector}: {str(exc).splitlines()[0]}") from None
        said: str = self._page.evaluate(_SAID, before)
        return said
