"""Interstitial pages a flow may pass through: a forced password change after the first sign-in, a
cookie or consent banner, an account prompt (page map `interstitials:`).

The Portal looks for them whenever it decides which page it is on, and after each navigation. In a
Given or When step it passes them (fills the fields the harness knows, presses `pass`); a Then step
never acts, so there an interstitial that `counts_as` a page counts, and any other one simply means
the page the check expects is not what is shown. Passing is bounded: an interstitial still shown
after its `pass`, or more of them in a row than a flow plausibly has, is an EngineError (BROKEN).
"""

from __future__ import annotations

import secrets
from typing import Protocol, runtime_checkable

from portalcert.engines.base import Engine, EngineError
from portalcert.locator_ledger import ScenarioLocators
from portalcert.pagemap import Interstitial, PageMap

MAX_IN_A_ROW = 5  # a banner, a forced change and a prompt in a row is already a lot


@runtime_checkable
class PasswordMemory(Protocol):
    """An actor memory that knows the user's current password and learns the ones set for it."""

    current_password: str

    def remember_password(self, password: str) -> None: ...


def fresh_password() -> str:
    """Upper and lower case, digits and a symbol: what common password policies ask for."""
    return f"Pc{secrets.token_hex(4)}#7"  # 12 characters: within common length limits


class InterstitialPasser:
    """Recognises and passes one scenario's interstitials; `journal` says which were passed where."""

    def __init__(self, engine: Engine, pagemap: PageMap, locators: ScenarioLocators) -> None:
        self.engine = engine
        self.map = pagemap
        self.locators = locators
        self.passwords: PasswordMemory | None = None
        self.journal: list[str] = []

    def shown(self) -> Interstitial | None:
        """The first interstitial the current page is (its absence decides no verdict: not recorded)."""
        for name, stop in self.map.interstitials.items():
            if self.engine.count(stop.recognise):
                self.locators.saw(f"interstitials.{name}.recognise", stop.recognise, matched=True)
                return stop
        return None

    def pass_all(self) -> Interstitial | None:
        """Pass every interstitial shown, one after the other; the one left that counts as a page."""
        if not self.map.interstitials:
            return None
        passed: list[str] = []
        while (stop := self.shown()) is not None and not stop.counts_as:
            if stop.name in passed[-1:]:
                raise EngineError(f"interstitial `{stop.name}` is still shown after pressing its `pass`")
            if len(passed) == MAX_IN_A_ROW:
                raise EngineError(f"more than {MAX_IN_A_ROW} interstitials in a row: {', '.join(passed)}")
            self._pass(stop)
            passed.append(stop.name)
        return stop

    def _pass(self, stop: Interstitial) -> None:
        where = self.engine.url
        new = fresh_password()
        for field, selector in stop.fields.items():
            self._use(f"interstitials.{stop.name}.fields.{field}", selector, self._value(stop, field, new))
        self._use(f"interstitials.{stop.name}.pass", stop.pass_action, None)
        if {"new_password", "confirm_password"} & set(stop.fields) and self.passwords is not None:
            self.passwords.remember_password(new)
        self.journal.append(f"passed interstitial `{stop.name}` at {where}")

    def _value(self, stop: Interstitial, field: str, new: str) -> str:
        if field != "current_password":
            return new
        if self.passwords is None or not self.passwords.current_password:
            raise EngineError(
                f"interstitial `{stop.name}` asks the current password, which this scenario does not know"
            )
        return self.passwords.current_password

    def _use(self, key: str, selector: str, value: str | None) -> None:
        try:
            if value is None:
                self.engine.press(selector)
            else:
                self.engine.fill(selector, value)
        except EngineError as exc:
            raise type(exc)(f"{exc} (page map `{key}`)") from exc
        self.locators.saw(key, selector, matched=True)
