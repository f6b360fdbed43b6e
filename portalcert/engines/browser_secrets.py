"""What the browser engine typed into password fields (wire.Wire.typed_secrets), as the http engine
knows it from its own form model: the field's type says it is a secret, whatever the field is named."""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator

# Read after typing: the field is then known to be there and to be one (no wait, no strictness error).
_IS_PASSWORD = "e => e.localName === 'input' && e.type === 'password'"


class SecretRecorder:
    """Mixed into the browser engine: the values it typed into `<input type=password>` fields."""

    _typed_secrets: list[str]

    def _note_if_secret(self, field: Locator, value: str) -> None:
        try:
            secret = bool(field.evaluate(_IS_PASSWORD))
        except PlaywrightError:
            # The page moved on as it was typed into (a submit on input): unknown, so not taken for a
            # secret (a username taken for one would fail a page that rightly shows it).
            secret = False
        if secret:
            self._typed_secrets.append(value)

    def typed_secrets(self) -> list[str]:
        return list(self._typed_secrets)
