"""Text of an element as a reader sees it, approximating the browser's `innerText`.

`get_text()` alone glues block elements together ("<li>a</li><li>b</li>" -> "ab") and includes
script bodies; checks compare against visible wording, so blocks and <br> become spaces,
scripts/styles/templates are skipped, and whitespace runs collapse to one space.
"""

from __future__ import annotations

from bs4.element import NavigableString, PreformattedString, Tag

_SKIPPED = frozenset({"script", "style", "template", "noscript", "head", "title"})
# Elements that start on their own line in a browser; their text is separated from neighbours.
_BLOCK_NAMES = (
    "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol optgroup option p pre section "
    "summary table tbody td tfoot th thead tr ul"
)
_BLOCKS = frozenset(_BLOCK_NAMES.split())


def normalise(text: str) -> str:
    """Collapse whitespace runs to one space and strip the ends."""
    return " ".join(text.split())


def visible_text(tag: Tag) -> str:
    parts: list[str] = []
    _collect(tag, parts)
    return normalise("".join(parts))


def _collect(node: Tag, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Tag):
            if child.name in _SKIPPED:
                continue
            block = child.name in _BLOCKS
            if block:
                parts.append(" ")
            _collect(child, parts)
            if block:
                parts.append(" ")
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            parts.append(str(child))  # comments, doctype, CDATA are PreformattedStrings: not text
