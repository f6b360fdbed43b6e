"""HTML forms without a browser: what typing and choosing change in a parsed page, and what a
browser would send when a submit button is pressed.

The submission follows the WHATWG HTML algorithms "constructing the entry list" and "form
submission" (method/action/enctype, their `form*` overrides on the submitter, urlencoded,
multipart and text/plain encodings). Like mechanize, filled-in values are written into the
parsed DOM (`value` / `checked` / `selected` attributes and textarea text), so the DOM is the
single source of truth for the next submission.

Errors are raised as `FormError` with a message that does not know the page URL; the engine adds it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from portalcert.engines.base import EngineError

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
TEXT_PLAIN = "text/plain"

_INPUT_TYPE_NAMES = (
    "hidden text search tel url email password date month week time datetime-local number range color "
    "checkbox radio file submit image reset button"
)
_INPUT_TYPES = frozenset(_INPUT_TYPE_NAMES.split())
# Input types one cannot type into; `fill` refuses them (radios/checkboxes go through `choose`).
_NOT_TYPEABLE = frozenset({"hidden", "checkbox", "radio", "file", "submit", "image", "reset", "button"})
_BUTTON_INPUT_TYPES = frozenset({"submit", "image", "reset", "button"})


class FormError(EngineError):
    """A form interaction that cannot be done; the engine re-raises it with the page URL."""


class Entry(NamedTuple):
    """One name/value pair of the entry list; a file control contributes an empty, unnamed file."""

    name: str
    value: str
    is_file: bool = False


@dataclass(frozen=True)
class Submission:
    """A form submission resolved against the page, before encoding."""

    method: str  # "GET" or "POST"
    action: str  # absolute URL
    enctype: str
    entries: list[Entry]


@dataclass(frozen=True)
class EncodedRequest:
    """What to send over HTTP for a submission."""

    method: str
    url: str
    body: bytes | None
    content_type: str | None


# --- reading the DOM -------------------------------------------------------------------------


def attr(tag: Tag, name: str) -> str | None:
    """An attribute as a string (parsed with multi_valued_attributes=None, but be safe anyway)."""
    value = tag.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else " ".join(value)


def input_type(tag: Tag) -> str:
    """The input's type state; an unknown or missing type is "text", as in browsers."""
    kind = (attr(tag, "type") or "text").strip().lower()
    return kind if kind in _INPUT_TYPES else "text"


def button_type(tag: Tag) -> str:
    kind = (attr(tag, "type") or "submit").strip().lower()
    return kind if kind in ("submit", "reset", "button") else "submit"


def describe(tag: Tag) -> str:
    """A short start tag for messages, e.g. `<input type=hidden name=token>`."""
    shown = [tag.name]
    for name in ("type", "name", "value", "id", "data-testid", "href"):
        value = attr(tag, name)
        if value is not None:
            shown.append(f"{name}={value[:40]}")
    return "<" + " ".join(shown) + ">"


def normalise_parsed(doc: BeautifulSoup) -> None:
    """Apply the HTML parser rule lxml skips: a newline right after <textarea> is not content."""
    for textarea in doc.select("textarea"):
        text = textarea.get_text()
        if text.startswith("\n"):
            textarea.string = text[1:]


def is_disabled(tag: Tag) -> bool:
    """Disabled by its own attribute, an optgroup/select (options), or a disabled fieldset."""
    if tag.has_attr("disabled"):
        return True
    if tag.name == "option":
        group = tag.find_parent("optgroup")
        select = tag.find_parent("select")
        return (group is not None and group.has_attr("disabled")) or (
            select is not None and is_disabled(select)
        )
    for fieldset in tag.find_parents("fieldset"):
        if fieldset.has_attr("disabled"):
            # Controls inside the fieldset's first <legend> stay enabled.
            legend = fieldset.find("legend", recursive=False)
            if not (isinstance(legend, Tag) and any(parent is legend for parent in tag.parents)):
                return True
    return False


def form_owner(tag: Tag, doc: BeautifulSoup) -> Tag | None:
    """The form a control belongs to: its `form=` attribute (even if it names nothing) or its ancestor."""
    form_id = attr(tag, "form")
    if form_id is not None:
        owner = doc.find(id=form_id)
        return owner if isinstance(owner, Tag) and owner.name == "form" else None
    return tag.find_parent("form")


def option_value(option: Tag) -> str:
    value = attr(option, "value")
    return value if value is not None else " ".join(option.get_text().split())


def selected_options(select: Tag) -> list[Tag]:
    """The options a browser would show as selected, including the implicit default of a drop-down."""
    options = select.select("option")
    chosen = [option for option in options if option.has_attr("selected")]
    if select.has_attr("multiple"):
        return chosen
    if chosen:
        return [chosen[-1]]  # several `selected` on a single select: the last one wins
    size = attr(select, "size") or "1"
    if size.strip().isdigit() and int(size) > 1:
        return []  # a list box selects nothing by default
    first = next((option for option in options if not is_disabled(option)), None)
    return [first] if first is not None else []


def textarea_value(textarea: Tag) -> str:
    return textarea.get_text()


# --- typing and choosing ---------------------------------------------------------------------


def is_form_field(tag: Tag) -> bool:
    """A control that `fill` accepts (whether or not it is disabled/readonly)."""
    if tag.name == "input":
        return input_type(tag) not in _NOT_TYPEABLE
    return tag.name in ("textarea", "select")


def why_not_fillable(tag: Tag) -> str:
    if tag.name == "input":
        kind = input_type(tag)
        if kind in ("radio", "checkbox"):
            return f"a {kind}, which is chosen, not filled"
        if kind == "file":
            return "a file input, which the http engine cannot fill"
        return f"an input of type {kind}, which cannot be filled"
    return "not a form field"


def fill_problem(field: Tag) -> str | None:
    if is_disabled(field):
        return "disabled"
    if field.name != "select" and field.has_attr("readonly"):
        return "read-only"
    return None


def set_text(field: Tag, value: str) -> None:
    """Record typed text where the next submission will read it."""
    if field.name == "textarea":
        field.string = value
    else:
        field["value"] = value


def choices(tags: list[Tag]) -> list[Tag]:
    """Radios, checkboxes and options among the matched elements (a matched select offers its options)."""
    found: list[Tag] = []
    for tag in tags:
        if (tag.name == "input" and input_type(tag) in ("radio", "checkbox")) or tag.name == "option":
            found.append(tag)
        elif tag.name == "select":
            found.extend(tag.select("option"))
    return found


def choice_value(tag: Tag) -> str:
    if tag.name == "option":
        return option_value(tag)
    value = attr(tag, "value")
    return value if value is not None else "on"  # a radio/checkbox without value submits "on"


def check(choice: Tag, doc: BeautifulSoup) -> None:
    """Check a radio/checkbox or select an option, as a click would."""
    if choice.name == "option":
        select = choice.find_parent("select")
        if select is not None and not select.has_attr("multiple"):
            for option in select.select("option"):
                del option["selected"]
        choice["selected"] = ""
        return
    if input_type(choice) == "radio" and attr(choice, "name"):
        owner = form_owner(choice, doc)
        for radio in doc.select("input[type=radio i]"):
            if attr(radio, "name") == attr(choice, "name") and form_owner(radio, doc) is owner:
                del radio["checked"]
    choice["checked"] = ""


# --- submitting ------------------------------------------------------------------------------


def is_submit_button(tag: Tag) -> bool:
    if tag.name == "button":
        return button_type(tag) == "submit"
    return tag.name == "input" and input_type(tag) in ("submit", "image")


def needs_script(tag: Tag) -> bool:
    """A control that does nothing without JavaScript (a plain button, an onclick handler)."""
    if tag.name == "button" and button_type(tag) == "button":
        return True
    if tag.name == "input" and input_type(tag) == "button":
        return True
    return tag.has_attr("onclick")


def entry_list(form: Tag, submitter: Tag, doc: BeautifulSoup) -> list[Entry]:
    """The name/value pairs a browser submits for `form` when `submitter` is pressed, in tree order."""
    entries: list[Entry] = []
    for control in doc.select("button, input, select, textarea"):
        if form_owner(control, doc) is not form:
            continue
        if control.find_parent("datalist") is not None or is_disabled(control):
            continue
        name = attr(control, "name") or ""
        is_button = control.name == "button" or (
            control.name == "input" and input_type(control) in _BUTTON_INPUT_TYPES
        )
        if is_button and control is not submitter:
            continue  # only the pressed button is successful
        if control.name == "input" and input_type(control) == "image":
            prefix = f"{name}." if name else ""
            entries += [Entry(prefix + "x", "0"), Entry(prefix + "y", "0")]  # click position
            continue
        if not name:
            continue
        if control.name == "select":
            entries += [Entry(name, option_value(o)) for o in selected_options(control) if not is_disabled(o)]
        elif control.name == "textarea":
            entries.append(Entry(name, textarea_value(control)))
        elif control.name == "input" and input_type(control) in ("radio", "checkbox"):
            if control.has_attr("checked"):
                entries.append(Entry(name, choice_value(control)))
        elif control.name == "input" and input_type(control) == "file":
            entries.append(Entry(name, "", is_file=True))
        else:
            entries.append(Entry(name, attr(control, "value") or ""))
    return entries


def submission(submitter: Tag, doc: BeautifulSoup, *, document_url: str, base_url: str) -> Submission:
    """Resolve method, action and enctype for pressing `submitter` (its form* attributes win)."""
    form = form_owner(submitter, doc)
    if form is None:
        raise FormError(f"{describe(submitter)} is not part of any form, so pressing it submits nothing")

    def setting(name: str) -> str | None:
        override = attr(submitter, "form" + name)
        return override if override is not None else attr(form, name)

    method = (setting("method") or "get").strip().lower()
    if method == "dialog":
        raise FormError(f"{describe(form)} uses method=dialog, which only closes a dialog (JavaScript)")
    action = (setting("action") or "").strip()
    if action.lower().startswith("javascript:"):
        raise FormError(f"{describe(form)} submits to a javascript: URL, which needs JavaScript")
    enctype = (setting("enctype") or URLENCODED).strip().lower()
    if enctype not in (URLENCODED, MULTIPART, TEXT_PLAIN):
        enctype = URLENCODED
    return Submission(
        method="POST" if method == "post" else "GET",  # invalid methods fall back to GET, as in browsers
        action=urljoin(base_url, action) if action else document_url,
        enctype=enctype,
        entries=entry_list(form, submitter, doc),
    )


def _crlf(text: str) -> str:
    """Browsers normalise every line break in names and values to CRLF before encoding."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def _pairs(entries: list[Entry]) -> list[tuple[str, str]]:
    return [(_crlf(entry.name), _crlf(entry.value)) for entry in entries]


def encode(sub: Submission, charset: str = "utf-8") -> EncodedRequest:
    """Encode a submission; characters the page's charset lacks become &#NNN; as browsers do."""
    if sub.method == "GET":
        parts = urlsplit(sub.action)
        query = urlencode(_pairs(sub.entries), encoding=charset, errors="xmlcharrefreplace")
        return EncodedRequest("GET", urlunsplit(parts._replace(query=query, fragment="")), None, None)
    if sub.enctype == MULTIPART:
        boundary = "----portalcert" + secrets.token_hex(12)
        return EncodedRequest(
            "POST",
            sub.action,
            _multipart(sub.entries, boundary, charset),
            f"{MULTIPART}; boundary={boundary}",
        )
    if sub.enctype == TEXT_PLAIN:
        text = "".join(f"{name}={value}\r\n" for name, value in _pairs(sub.entries))
        body = text.encode(charset, errors="xmlcharrefreplace")
        return EncodedRequest("POST", sub.action, body, f"{TEXT_PLAIN}; charset={charset}")
    body = urlencode(_pairs(sub.entries), encoding=charset, errors="xmlcharrefreplace").encode("ascii")
    return EncodedRequest("POST", sub.action, body, URLENCODED)


def _multipart(entries: list[Entry], boundary: str, charset: str) -> bytes:
    def quoted(text: str) -> str:
        return text.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")

    body = bytearray()
    for entry in entries:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{quoted(_crlf(entry.name))}"'
        if entry.is_file:  # an empty file input: no file chosen
            head += '; filename=""\r\nContent-Type: application/octet-stream'
        body += (head + "\r\n\r\n").encode(charset, errors="xmlcharrefreplace")
        body += _crlf(entry.value).encode(charset, errors="xmlcharrefreplace") + b"\r\n"
    body += f"--{boundary}--\r\n".encode("ascii")
    return bytes(body)
