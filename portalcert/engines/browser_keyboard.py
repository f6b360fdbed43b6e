"""The browser engine's keyboard mode: reach each control with Tab and work it with keys, never the mouse.

A person who cannot use a mouse moves through a page with Tab and works what has the focus with
Enter, Space, arrows and typing. In this mode the browser engine does the same: a control the
sequential focus order never reaches raises `KeyboardUnreachable`, which says what a keyboard user
could not get to (an accessibility check may judge it; anything else treats it as any EngineError).
"""

from __future__ import annotations

import json

from playwright.sync_api import Locator, Page

from portalcert.engines.base import EngineError

# Tab presses allowed to reach a control: a whole lap of a large form (focus wraps at the end).
MAX_TABS = 120
# Arrow presses allowed to move to a radio button or an option: a long list of choices.
MAX_ARROWS = 60

_IS_FOCUSED = "e => e === document.activeElement"
# The focused element, briefly, for messages ("<input name=username>", "<body>").
_DESCRIBE_FOCUS = """() => {
  const e = document.activeElement;
  if (!e) return 'nothing';
  const shown = [e.localName];
  for (const n of ['name', 'id', 'data-testid', 'type']) {
    if (e.hasAttribute(n)) shown.push(`${n}=${e.getAttribute(n)}`);
  }
  return '<' + shown.join(' ') + '>';
}"""
# A token for "the element with the focus", so that a lap of the page can tell it came back.
_FOCUS_TOKEN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return '';
  if (!e.__portalcertFocusId) e.__portalcertFocusId = String(Math.random()).slice(2);
  return e.__portalcertFocusId;
}"""


class KeyboardUnreachable(EngineError):
    """A control cannot be reached or worked with the keyboard alone."""


def focus(page: Page, target: Locator, selector: str, where: str) -> None:
    """Tab from wherever the focus is until `target` has it; a full lap without it is unreachable."""
    if target.evaluate(_IS_FOCUSED):
        return
    seen: set[str] = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate(_IS_FOCUSED):
            return
        token = str(page.evaluate(_FOCUS_TOKEN))
        if token and token in seen:
            break  # back where the lap began: Tab visits everything else but never this control
        if token:
            seen.add(token)
    raise KeyboardUnreachable(
        f"{selector} on {where} cannot be reached with the Tab key "
        f"(a lap of the page's focus order never gets there; {len(seen)} stops visited)"
    )


def activate(page: Page, target: Locator, selector: str, where: str) -> None:
    """Reach `target` with Tab and press Enter (links, buttons) or Space (check boxes)."""
    focus(page, target, selector, where)
    kind = str(target.evaluate("e => e.localName === 'input' ? e.type : e.localName"))
    # The focused control's own press (not the page keyboard's): like a click, Playwright then waits for
    # a navigation the key starts, so a busy machine cannot judge the page before the form was sent.
    target.press("Space" if kind in ("checkbox", "radio") else "Enter")


def type_into(page: Page, target: Locator, selector: str, where: str, value: str) -> None:
    """Reach the field with Tab, select what it holds and type `value` over it."""
    focus(page, target, selector, where)
    page.keyboard.press("ControlOrMeta+A")
    if value:
        page.keyboard.type(value)
    else:
        page.keyboard.press("Delete")


def pick(page: Page, target: Locator, selector: str, where: str, value: str) -> None:
    """Choose `value` in a <select> (arrows on the focused list) or a radio group / check box."""
    tag = str(target.evaluate("e => e.localName === 'input' ? e.type : e.localName"))
    if tag == "checkbox":
        focus(page, target, selector, where)
        if not target.is_checked():
            page.keyboard.press("Space")
        return
    if tag == "radio":
        _pick_radio(page, target, selector, where)
        return
    if tag != "select":
        raise EngineError(f"cannot choose {value!r} with the keyboard in {selector} on {where}: a <{tag}>")
    focus(page, target, selector, where)
    for _ in range(MAX_ARROWS):
        current, wanted = target.evaluate(
            "(e, v) => [e.selectedIndex, [...e.options].findIndex(o => o.value === v)]", value
        )
        if current == wanted:
            return
        page.keyboard.press("ArrowDown" if wanted > current else "ArrowUp")
    raise KeyboardUnreachable(
        f"option {value!r} of {selector} on {where} cannot be chosen with the arrow keys"
    )


def _pick_radio(page: Page, target: Locator, selector: str, where: str) -> None:
    """Tab enters a radio group once (on its checked button, or its first); arrows move within it."""
    group = str(target.evaluate("e => e.name"))
    in_group = f"() => !!document.activeElement && document.activeElement.name === {json.dumps(group)}"
    if not page.evaluate(in_group):
        seen: set[str] = set()
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            if page.evaluate(in_group):
                break
            token = str(page.evaluate(_FOCUS_TOKEN))
            if token and token in seen:
                raise KeyboardUnreachable(
                    f"the radio group of {selector} on {where} cannot be reached with Tab"
                )
            if token:
                seen.add(token)
    for _ in range(MAX_ARROWS):
        if target.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise KeyboardUnreachable(f"{selector} on {where} cannot be chosen with the arrow keys")


def describe_focus(page: Page) -> str:
    return str(page.evaluate(_DESCRIBE_FOCUS))
