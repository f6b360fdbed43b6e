r"""Locator strings: the one parser of what page maps put on the right-hand side.

Every engine takes the same strings, so a vendor's page map works on the http engine and in the
browser alike. The syntax is a small, exact subset of Playwright's locators:

    css=<selector>        a CSS selector; a string with no recognised prefix is CSS too,
                          so `input[name=otp]` and `[data-testid=x]` stay plain CSS
    text=<text>           elements whose text is exactly <text>   (get_by_text(text, exact=True))
    label=<text>          the control labelled exactly <text>     (get_by_label(text, exact=True))
    role=<role>           elements with that ARIA role            (get_by_role(role))
    role=<role>[name="<accessible name>"]
                          ... and exactly that accessible name    (get_by_role(role, name=..., exact=True))
    testid=<id>           [data-testid="<id>"]                    (get_by_test_id(id))
    <part> >> <part>      each part searches inside the matches of the part before it, e.g.
                          css=.login-box footer >> role=link[name="Password dimenticata?"]

Rules:
- A prefix is one of the words above at the very start, followed by `=`. Any other `word=` at the
  start is an error (it cannot be CSS), never a silent CSS fallback.
- Parts are separated by " >> " (space, >>, space) outside quotes.
- Texts, labels and names are compared exactly and case-sensitively after whitespace normalisation
  (runs of whitespace, &nbsp; included, become one space; the ends are trimmed), as Playwright does.
- A text, label or test id that starts with a double quote is a quoted string: the quotes are
  removed and a backslash escapes the next character; nothing may follow the closing quote. Use it
  for values containing " >> " or starting with a quote: text="Avanti >> Fine",
  text="\"Smart\" Business". Role names are always quoted (double or single quotes).
- Roles are limited to those in ROLES; an ARIA role outside it is rejected rather than guessed.

What matches (Playwright's rules, which the http engine reproduces):
- text= reads an element's text content, not its rendered text: <li>Uno</li><li>Due</li> reads
  "UnoDue". Only the deepest elements match (<button><span>Accedi</span></button>: the span).
  Hidden elements match too; pressing a match clicks it, and the click reaches the enclosing
  link or button.
- label= finds controls by <label for>, by the <label> around them, by aria-labelledby (each
  referenced element is a label of its own) and by aria-label, on any element. A placeholder
  is not a label.
- role= skips elements hidden from assistive technology. The accessible name comes from
  aria-labelledby, aria-label, the labels of a control, the content of buttons/links/headings/
  cells, an image's alt, the value of input buttons, then a placeholder or title.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

KINDS = ("css", "text", "label", "role", "testid")
_ROLE_NAMES = (
    "alert banner button cell checkbox combobox contentinfo dialog form heading img link listitem main "
    "menuitem navigation option radio region row status tab textbox"
)
ROLES = frozenset(_ROLE_NAMES.split())
SEPARATOR = " >> "

_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)=")
_ROLE = re.compile(r"([A-Za-z]+)\s*(?:\[\s*name\s*=\s*(?P<quote>[\"'])|$)")
_CLOSING = re.compile(r"\s*\]")
_ROLE_SYNTAX = 'role=<role> or role=<role>[name="<accessible name>"]'
# JavaScript's \s, which Playwright's normalizeWhiteSpace collapses; zero-width space and soft hyphen vanish.
_JS_SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")
_INVISIBLE = str.maketrans("", "", "\u200b\u00ad")


class LocatorError(ValueError):
    """A locator string that cannot be parsed; the message names the locator and what is wrong."""


@dataclass(frozen=True)
class Part:
    kind: str  # one of KINDS
    value: str  # the CSS selector, text, label, role or test id (texts and labels normalised)
    name: str | None = None  # role parts only: the accessible name (normalised), None for any name


@dataclass(frozen=True)
class Locator:
    source: str
    parts: tuple[Part, ...]

    def __str__(self) -> str:
        return self.source


def normalise(text: str) -> str:
    """Whitespace normalisation of exact matching, the same as Playwright's normalizeWhiteSpace."""
    return _JS_SPACE.sub(" ", text.translate(_INVISIBLE)).strip(" ")


@functools.lru_cache(maxsize=1024)
def parse(text: str) -> Locator:
    """Parse a locator string (cached: page maps repeat the same few strings all run long)."""
    source = text.strip()
    if not source:
        raise LocatorError("empty locator")
    parts: list[Part] = []
    position = 0
    while True:
        part, position = _part(source, position)
        parts.append(part)
        if position == len(source):
            return Locator(source, tuple(parts))
        position += len(SEPARATOR)


def _part(source: str, start: int) -> tuple[Part, int]:
    """One part starting at `start`; returns it and where it ends (the end or the next separator)."""
    while source.startswith(" ", start):
        start += 1
    if start == len(source) or source.startswith(">>", start):
        raise LocatorError(f"empty part in locator {source!r}")
    prefix = _PREFIX.match(source, start)
    kind = prefix.group(1) if prefix else "css"
    if prefix and kind not in KINDS:
        raise LocatorError(
            f"unknown locator kind {kind!r} in {source!r}; expected one of {', '.join(KINDS)} "
            "or a CSS selector without prefix"
        )
    body = prefix.end() if prefix else start
    if kind == "css":
        end = _css_end(source, body)
        selector = source[body:end].strip()
        if not selector or selector.endswith(" >>"):  # "a >>" : a separator with nothing after it
            raise LocatorError(f"empty part in locator {source!r}")
        return Part("css", selector), end
    if kind == "role":
        return _role(source, body)
    value, end = _value(source, body)
    if kind == "testid":
        if not value.strip():
            raise LocatorError(f"empty test id in locator {source!r}")
        return Part("testid", value.strip()), end
    if not normalise(value):
        raise LocatorError(f"empty {kind} in locator {source!r}")
    return Part(kind, normalise(value)), end


def _css_end(source: str, start: int) -> int:
    """Where a CSS part ends: the first separator outside CSS strings (">>" is never CSS).

    A part cut short (an unclosed quote or bracket, a trailing combinator) is refused here rather
    than at its first use: it is what a YAML comment makes of an unquoted locator with ` #` in it.
    """
    position, quote, open_brackets = start, "", []
    while position < len(source):
        char = source[position]
        if char == "\\":
            position += 2
            continue
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in _CLOSE:
            open_brackets.append(char)
        elif char in _CLOSE.values():
            if not open_brackets or _CLOSE[open_brackets.pop()] != char:
                raise LocatorError(f"unexpected {char!r} in the CSS of locator {source!r}")
        elif source.startswith(SEPARATOR, position):
            break
        position += 1
    if quote:
        raise LocatorError(f"unterminated quote in the CSS of locator {source!r}{_CUT_SHORT}")
    if open_brackets:
        raise LocatorError(f"unclosed {open_brackets[-1]!r} in the CSS of locator {source!r}{_CUT_SHORT}")
    selector = source[start:position].rstrip()
    dangling = selector[-1:] in (">", "+", "~", ",") and selector[-2:-1] != "\\"
    if dangling and not selector.endswith(" >>"):  # "a >>" is an empty part, said by the caller
        raise LocatorError(f"the CSS of locator {source!r} ends with {selector[-1]!r}{_CUT_SHORT}")
    return position


_CLOSE = {"[": "]", "(": ")"}
# A locator that stops mid-way was usually cut by YAML: an unquoted value ends where " #" begins a comment.
_CUT_SHORT = " (cut short? in YAML an unquoted ' #' starts a comment: quote the locator)"


def _value(source: str, start: int) -> tuple[str, int]:
    """A text, label or test id: a quoted string, or everything up to the next separator."""
    if source.startswith('"', start):
        value, after = _quoted(source, start)
        return value, _part_end(source, after)
    end = source.find(SEPARATOR, start)
    return (source[start:], len(source)) if end < 0 else (source[start:end], end)


def _quoted(source: str, start: int) -> tuple[str, int]:
    """The string quoted at `start` (backslash escapes the next character) and the index after it."""
    quote, chars, position = source[start], [], start + 1
    while position < len(source):
        char = source[position]
        if char == "\\" and position + 1 < len(source):
            chars.append(source[position + 1])
            position += 2
        elif char == quote:
            return "".join(chars), position + 1
        else:
            chars.append(char)
            position += 1
    raise LocatorError(f"unterminated quote in locator {source!r}{_CUT_SHORT}")


def _part_end(source: str, position: int) -> int:
    """Check that a part ends at `position` (spaces allowed): at the end of the string or a separator."""
    end = position
    while end < len(source) and source[end] == " ":
        end += 1
    if end == len(source):
        return end
    if end > position and source.startswith(SEPARATOR, end - 1):
        return end - 1
    raise LocatorError(
        f"unexpected {source[position : position + 20]!r} after a quoted value in locator {source!r}"
    )


def _role(source: str, start: int) -> tuple[Part, int]:
    separator = source.find(SEPARATOR, start)
    segment_end = len(source) if separator < 0 else separator
    match = _ROLE.match(source[:segment_end], start)
    if not match:
        what = "empty role" if start == segment_end else "cannot read the role"
        raise LocatorError(f"{what} in locator {source!r}; expected {_ROLE_SYNTAX}")
    role = match.group(1).lower()
    if role not in ROLES:
        raise LocatorError(
            f"unsupported role {role!r} in locator {source!r}; supported roles: {', '.join(sorted(ROLES))}"
        )
    if not match.group("quote"):
        return Part("role", role), segment_end
    name, after = _quoted(source, match.end() - 1)
    closing = _CLOSING.match(source, after)
    if not closing:
        raise LocatorError(f"cannot read the role in locator {source!r}; expected {_ROLE_SYNTAX}")
    return Part("role", role, normalise(name)), _part_end(source, closing.end())
