"""What a press can activate: one rule for both engines, so a page-map action that points at something
nothing can press (a <span>, a <div> with no role and no handler) is BROKEN on either, never FAIL.

A click lands on the element and bubbles to the nearest element with an activation behaviour: a
link with href, a button or input, a <summary>, a <label> of a control, an element given a widget
role, or one with a click handler. The http engine applies the static part (`activated`, then it
follows or submits); the browser engine also counts handlers that scripts attach, which
`LISTENER_PROBE` records as the page adds them (a handler on the document or window, as frameworks
that delegate events use, makes everything pressable: the engine cannot tell, so it does not refuse).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup, Tag

from portalcert.engines import html_forms as forms
from portalcert.engines.base import EngineError

if TYPE_CHECKING:
    from playwright.sync_api import Locator

# Widgets that only script makes work when they are not a native link or button.
SCRIPTED_ROLES = frozenset(
    {"button", "link", "checkbox", "radio", "switch", "tab", "menuitem", "menuitemcheckbox", "option"}
)
# Elements a click activates natively (a link needs href; a label, a control to forward to).
NATIVE_TAGS = frozenset({"button", "input", "select", "textarea", "summary"})
# Events whose handler makes an element pressable.
PRESS_EVENTS = ("click", "mousedown", "mouseup", "pointerdown", "pointerup", "touchstart", "touchend")
_MARK = "portalcert.listens"  # Symbol.for(...) key set on targets that got a press handler

# Added to every page before its own scripts: remembers which targets get a press handler. Playwright's
# own script adds press listeners to the window when it first looks at the page; those are not the page's.
LISTENER_PROBE = f"""(() => {{
  const add = EventTarget.prototype.addEventListener, mark = Symbol.for({_MARK!r});
  const kinds = new Set({list(PRESS_EVENTS)!r});
  EventTarget.prototype.addEventListener = function (type, ...rest) {{
    if (kinds.has(type) && !/InjectedScript/.test(new Error().stack || "")) {{
      try {{ this[mark] = true; }} catch (e) {{}}
    }}
    return add.call(this, type, ...rest);
  }};
}})()"""

# "" when a press on `el` activates something; else a short start tag of `el` for the message.
_CHECK = """(el, [roles, natives, events, markName]) => {
  const mark = Symbol.for(markName);
  const handled = n => n[mark] || events.some(e => typeof n['on' + e] === 'function');
  const up = n => n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
  if (handled(window) || handled(document)) return '';
  for (let n = el; n; n = up(n)) {
    const tag = n.localName;
    if ((tag === 'a' || tag === 'area') && n.hasAttribute('href')) return '';
    if (natives.includes(tag) && !(tag === 'input' && n.type === 'hidden')) return '';
    if (tag === 'label' && n.control) return '';
    const role = (n.getAttribute('role') || '').toLowerCase().split(/\\s+/);
    if (role.some(r => roles.includes(r)) || handled(n)) return '';
  }
  const shown = [el.localName];
  for (const name of ['type', 'name', 'id', 'data-testid', 'role']) {
    if (el.hasAttribute(name)) shown.push(`${name}=${el.getAttribute(name).slice(0, 40)}`);
  }
  return '<' + shown.join(' ') + '>';
}"""


def activated(tag: Tag) -> Tag:
    """What a click on `tag` activates, as far as HTML alone says: itself or its nearest ancestor
    link, button or input, or a scripted control met first (onclick, a widget role on a div)."""
    for node in (tag, *tag.parents):
        if isinstance(node, BeautifulSoup):
            break
        link = node.name in ("a", "area") and node.has_attr("href")
        if link or node.name in ("button", "input") or forms.needs_script(node) or scripted_role(node):
            return node
    return tag


def scripted_role(tag: Tag) -> bool:
    roles = (forms.attr(tag, "role") or "").lower().split()
    return tag.name not in ("a", "area", "button", "input") and any(role in SCRIPTED_ROLES for role in roles)


def not_pressable(selector: str, description: str, where: str) -> str:
    return (
        f"{selector} matches {description} on {where}, which nothing can press: not a link, button or "
        f"form control, no widget role ({', '.join(sorted(SCRIPTED_ROLES))}) and no click handler"
    )


def require_pressable(target: Locator, selector: str, where: str, timeout_ms: float) -> None:
    """EngineError unless a press on `target` activates something. A handler a script has yet to
    attach gets until `timeout_ms` (the engine's action timeout): only a real mistake waits."""
    deadline = time.monotonic() + timeout_ms / 1000
    arguments = [sorted(SCRIPTED_ROLES), sorted(NATIVE_TAGS), list(PRESS_EVENTS), _MARK]
    while description := str(target.evaluate(_CHECK, arguments, timeout=timeout_ms)):
        if time.monotonic() >= deadline:
            raise EngineError(not_pressable(selector, description, where))
        time.sleep(0.1)
