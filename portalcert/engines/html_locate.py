"""Evaluate a parsed Locator on a BeautifulSoup page the way Playwright evaluates it in a browser.

The same page map runs on the http engine and in Chromium, so a locator must find the same
elements on both. The rules below are ported from Playwright's injected script (selector engines
`internal:text`, `internal:label`, `internal:role`, `internal:testid` and roleUtils.ts), minus what
needs a layout engine; where the http engine can only approximate, the approximation is named.

- css: soupsieve. On the whole page exactly as before; inside a previous match the selector is
  scoped like Playwright's (`.box >> div a` needs the div inside .box, not merely an ancestor).
- text: Playwright's element text is textContent (not innerText): no spaces between blocks, hidden
  elements included, <script>/<style>/<noscript> and <head> skipped, input buttons read by value.
  An element matches when its normalised text equals the value and no child element matches too
  (the deepest match wins). Inside a previous match the scope element itself can match.
- label: aria-labelledby (each referenced element's text is one label) > aria-label (any element)
  > the <label>s of a labelable control (label for=id, or the label around it; the label's text
  content, so a <select>'s option texts count). Placeholder is not a label. Hidden elements count.
- role: explicit role attribute (first valid token), else the HTML-AAM implicit role as Playwright
  computes it (input type=password is a textbox; a section or form needs aria-label(ledby)).
  Elements hidden from the accessibility tree never match; "hidden" is judged from the markup:
  the hidden attribute, inline display:none / visibility:hidden, aria-hidden=true, closed <details>
  and <dialog>, elements hidden by the browser's default stylesheet. Stylesheets are not read.
  The accessible name follows accname as Playwright implements it, without CSS generated content.
- testid: the data-testid attribute, compared exactly.

Elements inside <template> and <noscript> do not exist for text/label/role/testid: in a browser
running JavaScript the former is an inert fragment and the latter is raw text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import soupsieve
from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PreformattedString

from portalcert.engines import html_forms as forms
from portalcert.locators import Locator, Part, normalise


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_OPAQUE = frozenset({"template", "noscript"})  # their content is not part of a live, scripted DOM
_NOT_CONTENT = frozenset({"script", "noscript", "style", "template"})  # no text, not in the a11y tree
_LABELABLE = frozenset({"button", "meter", "output", "progress", "select", "textarea"})
# Elements the browser's default stylesheet does not display.
_DISPLAY_NONE = _words(
    "area base basefont datalist head link meta noembed noframes noscript param rp script style template "
    "title"
)
# Default display other than `inline`: a text alternative puts spaces around these.
_NOT_INLINE = _words(
    "address article aside blockquote body br button caption center col colgroup dd details dialog dir div "
    "dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html "
    "iframe input legend li listing main marquee menu meter nav ol optgroup option p plaintext pre progress "
    "search section select summary table tbody td textarea tfoot th thead tr ul xmp"
)
_ARIA_ROLES = _words(
    "alert alertdialog application article banner blockquote button caption cell checkbox code columnheader "
    "combobox complementary contentinfo definition deletion dialog directory document emphasis feed figure "
    "form generic grid gridcell group heading img insertion link list listbox listitem log main mark marquee "
    "math meter menu menubar menuitem menuitemcheckbox menuitemradio navigation none note option paragraph "
    "presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox "
    "separator slider spinbutton status strong subscript superscript switch tab table tablist tabpanel term "
    "textbox time timer toolbar tooltip tree treegrid treeitem"
)
_SIMPLE_ROLES = {
    "article": "article", "aside": "complementary", "blockquote": "blockquote", "button": "button",
    "caption": "caption", "code": "code", "datalist": "listbox", "dd": "definition", "del": "deletion",
    "details": "group", "dfn": "term", "dialog": "dialog", "dt": "term", "em": "emphasis",
    "fieldset": "group", "figure": "figure", "h1": "heading", "h2": "heading", "h3": "heading",
    "h4": "heading", "h5": "heading", "h6": "heading", "hr": "separator", "html": "document",
    "ins": "insertion", "li": "listitem", "main": "main", "mark": "mark", "math": "math", "menu": "list",
    "meter": "meter", "nav": "navigation", "ol": "list", "optgroup": "group", "option": "option",
    "output": "status", "p": "paragraph", "progress": "progressbar", "search": "search", "strong": "strong",
    "sub": "subscript", "sup": "superscript", "svg": "img", "table": "table", "tbody": "rowgroup",
    "textarea": "textbox", "tfoot": "rowgroup", "thead": "rowgroup", "time": "time", "tr": "row",
    "ul": "list",
}  # fmt: skip
_INPUT_ROLES = {
    "button": "button", "checkbox": "checkbox", "image": "button", "number": "spinbutton", "radio": "radio",
    "range": "slider", "reset": "button", "submit": "button", "file": "button",
}  # fmt: skip
_PRESENTATION_PARENTS = {
    "dd": ("dl", "div"), "div": ("dl",), "dt": ("dl", "div"), "li": ("ol", "ul"), "tbody": ("table",),
    "td": ("tr",), "tfoot": ("table",), "th": ("tr",), "thead": ("table",),
    "tr": ("thead", "tbody", "tfoot", "table"),
}  # fmt: skip
_LANDMARK_BLOCKERS = soupsieve.compile(
    "article:not([role]), aside:not([role]), main:not([role]), nav:not([role]), section:not([role]), "
    "[role=article], [role=complementary], [role=main], [role=navigation], [role=region]"
)
_NAMING_PROHIBITED = _words(
    "caption code definition deletion emphasis generic insertion mark paragraph presentation strong "
    "subscript suggestion superscript term time"
)
_NAME_FROM_CONTENT = _words(
    "button cell checkbox columnheader gridcell heading link menuitem menuitemcheckbox menuitemradio option "
    "radio row rowheader switch tab tooltip treeitem"
)
_NAME_FROM_CONTENT_INSIDE = _words(
    "caption code contentinfo definition deletion emphasis insertion list listitem mark none paragraph "
    "presentation region row rowgroup section strong subscript superscript table term time"
) | {""}
_NAMING_ATTRIBUTE_ROLES = _words(
    "caption code deletion emphasis generic insertion paragraph presentation strong subscript superscript"
)
_GLOBAL_ARIA = _words(
    "aria-atomic aria-busy aria-controls aria-current aria-describedby aria-details aria-dropeffect "
    "aria-flowto aria-grabbed aria-hidden aria-keyshortcuts aria-label aria-labelledby aria-live aria-owns "
    "aria-relevant aria-roledescription"
)
_NAMED_BY_LABELS = frozenset({"button", "output", "textarea", "select", "input", "meter", "progress"})
_PLACEHOLDER_TYPES = frozenset({"text", "password", "number", "search", "tel", "email", "url"})
_IDREF_SPLIT = re.compile(r"[ \t\n\f\r]+")
_LEADING_INTEGER = re.compile(r"\s*\+?(\d+)")
# What JavaScript's Number() accepts (tabindex="" is 0, so a number too).
_JS_NUMBER = re.compile(
    r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[+-]?Infinity|"
)


def select(doc: Tag, locator: Locator) -> list[Tag]:
    """The elements `locator` matches in `doc`, in document order, each once.

    Each part after the first searches inside every match of the part before it.
    Raises soupsieve.SelectorSyntaxError for invalid CSS.
    """
    page = _Page(doc)
    found = page.query(locator.parts[0], None)
    for part in locator.parts[1:]:
        unique: dict[int, Tag] = {}
        for scope in found:
            for tag in page.query(part, scope):
                unique.setdefault(id(tag), tag)
        found = sorted(unique.values(), key=page.order)
    return found


@dataclass
class _Naming:
    """Where the accessible-name traversal is (accname's "embedded in ..." states); None = not embedded.

    The booleans say whether the referencing element is hidden: hidden content is then named anyway.
    """

    visited: set[int] = field(default_factory=set)
    target: str | None = "self"  # "self" for the element being named, "descendant" below it
    labelled_by: bool | None = None
    label: bool | None = None
    native: bool | None = None

    def in_hidden_reference(self) -> bool:
        return bool(self.labelled_by or self.label or self.native)


class _Page:
    """One evaluation over one parsed page; the tree walk and per-element answers are computed lazily."""

    def __init__(self, doc: Tag) -> None:
        self.doc = doc
        self._elements: list[Tag] | None = None
        self._index: dict[int, int] = {}
        self._end: dict[int, int] = {}
        self._ids: dict[str, Tag] = {}
        self._in_head: set[int] = set()
        self._order: dict[int, int] | None = None
        self._texts: dict[int, str] = {}
        self._normalised: dict[int, str] = {}
        self._labels: dict[int, list[Tag]] | None = None
        self._roles: dict[int, str | None] = {}
        self._hidden: dict[int, bool] = {}
        self._styles: dict[int, dict[str, str]] = {}

    # --- the tree ----------------------------------------------------------------------------

    def elements(self) -> list[Tag]:
        """Every live element in document order (not inside template/noscript); built on first use."""
        if self._elements is not None:
            return self._elements
        elements: list[Tag] = []
        stack: list[tuple[Tag, bool, bool]] = [(child, False, False) for child in _child_tags(self.doc)][::-1]
        while stack:
            tag, leaving, in_head = stack.pop()
            if leaving:
                self._end[id(tag)] = len(elements)
                continue
            self._index[id(tag)] = len(elements)
            elements.append(tag)
            in_head = in_head or tag.name == "head"
            if in_head:
                self._in_head.add(id(tag))
            element_id = forms.attr(tag, "id")
            if element_id is not None:
                self._ids.setdefault(element_id, tag)
            stack.append((tag, True, in_head))
            if tag.name not in _OPAQUE:
                stack.extend((child, False, in_head) for child in reversed(_child_tags(tag)))
        self._elements = elements
        return elements

    def descendants(self, scope: Tag | None) -> list[Tag]:
        elements = self.elements()
        if scope is None:
            return elements
        start = self._index.get(id(scope))
        return [] if start is None else elements[start + 1 : self._end[id(scope)]]

    def order(self, tag: Tag) -> int:
        """Document position of any tag (CSS can match inside template/noscript, so not `_index`)."""
        if self._order is None:
            self._order = {id(each): position for position, each in enumerate(self.doc.find_all(True))}
        return self._order.get(id(tag), -1)

    def by_id(self, element_id: str) -> Tag | None:
        self.elements()
        return self._ids.get(element_id)

    def idrefs(self, tag: Tag, name: str) -> list[Tag]:
        found: list[Tag] = []
        for element_id in _IDREF_SPLIT.split(forms.attr(tag, name) or ""):
            target = self.by_id(element_id) if element_id else None
            if target is not None and target not in found:
                found.append(target)
        return found

    # --- parts -------------------------------------------------------------------------------

    def query(self, part: Part, scope: Tag | None) -> list[Tag]:
        if part.kind == "css":
            return self._css(part.value, scope)
        if part.kind == "text":
            candidates = self.descendants(scope)
            if scope is not None and id(scope) in self._index:
                candidates = [scope, *candidates]  # Playwright's text engine tests the scope too
            return [tag for tag in candidates if self._deepest_text_match(tag, part.value)]
        if part.kind == "label":
            return [tag for tag in self.descendants(scope) if part.value in self.label_texts(tag)]
        if part.kind == "role":
            return [tag for tag in self.descendants(scope) if self._role_matches(tag, part)]
        return [tag for tag in self.descendants(scope) if forms.attr(tag, "data-testid") == part.value]

    def _css(self, selector: str, scope: Tag | None) -> list[Tag]:
        if scope is None:
            return list(self.doc.select(selector))
        soupsieve.compile(selector)  # report syntax errors against the selector as written
        if ":scope" not in selector:
            selector = ", ".join(f":scope {each}" for each in _split_selector_list(selector))
        return list(scope.select(selector))

    def _deepest_text_match(self, tag: Tag, value: str) -> bool:
        if not self._text_matches(tag, value):
            return False
        return not any(self._text_matches(child, value) for child in _child_tags(tag))

    def _text_matches(self, tag: Tag, value: str) -> bool:
        if tag.name in _NOT_CONTENT or id(tag) in self._in_head:
            return False
        normalised = self._normalised.get(id(tag))
        if normalised is None:
            normalised = self._normalised[id(tag)] = normalise(self.text_content(tag))
        return normalised == value

    def _role_matches(self, tag: Tag, part: Part) -> bool:
        if self.role(tag) != part.value or self.hidden_for_aria(tag):
            return False
        return part.name is None or self.accessible_name(tag) == part.name

    # --- text and labels ---------------------------------------------------------------------

    def text_content(self, tag: Tag) -> str:
        """Playwright's elementText().full: textContent, skipping scripts, styles and <head>."""
        cached = self._texts.get(id(tag))
        if cached is not None:
            return cached
        if tag.name in _NOT_CONTENT or id(tag) in self._in_head:
            text = ""
        elif tag.name == "input" and forms.input_type(tag) in ("submit", "button", "reset"):
            text = forms.attr(tag, "value") or ""
        else:
            parts: list[str] = []
            for child in tag.children:
                if isinstance(child, Tag):
                    parts.append(self.text_content(child))
                elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                    parts.append(str(child))
            text = "".join(parts)
        self._texts[id(tag)] = text
        return text

    def label_texts(self, tag: Tag) -> list[str]:
        """Playwright's getElementLabels, normalised: what `label=` compares against."""
        labelled_by = self.idrefs(tag, "aria-labelledby")
        if labelled_by:
            return [normalise(self.text_content(label)) for label in labelled_by]
        aria_label = normalise(forms.attr(tag, "aria-label") or "")
        if aria_label:
            return [aria_label]
        if _is_labelable(tag):
            return [normalise(self.text_content(label)) for label in self.labels(tag)]
        return []

    def labels(self, control: Tag) -> list[Tag]:
        """The control's `labels`: <label for=its id> and the label it sits in, in document order."""
        if self._labels is None:
            self._labels = {}
            for label in self.elements():
                if label.name == "label" and (target := self._labelled_control(label)) is not None:
                    self._labels.setdefault(id(target), []).append(label)
        return self._labels.get(id(control), [])

    def _labelled_control(self, label: Tag) -> Tag | None:
        target = forms.attr(label, "for")
        if target is not None:
            control = self.by_id(target)
            return control if control is not None and _is_labelable(control) else None
        return next((tag for tag in self.descendants(label) if _is_labelable(tag)), None)

    # --- roles and visibility ----------------------------------------------------------------

    def role(self, tag: Tag) -> str | None:
        if id(tag) not in self._roles:
            explicit = _explicit_role(tag)
            role = explicit
            if explicit is None:
                role = self._implicit_role(tag)
            elif explicit in ("none", "presentation"):
                implicit = self._implicit_role(tag)
                if self._presentation_conflict(tag, implicit):
                    role = implicit
            self._roles[id(tag)] = role
        return self._roles[id(tag)]

    def _implicit_role(self, tag: Tag) -> str | None:
        role = self._tag_role(tag)
        if not role:
            return None
        ancestor = tag
        # An <li> of a presentational <ul> (and alike) is presentational too.
        while (parents := _PRESENTATION_PARENTS.get(ancestor.name or "")) is not None:
            parent = _parent(ancestor)
            if parent is None or parent.name not in parents:
                break
            explicit = _explicit_role(parent)
            if explicit in ("none", "presentation") and not self._presentation_conflict(parent, explicit):
                return explicit
            ancestor = parent
        return role

    def _tag_role(self, tag: Tag) -> str | None:
        name = tag.name
        if name in ("a", "area"):
            return "link" if tag.has_attr("href") else None
        if name in ("header", "footer"):
            if _LANDMARK_BLOCKERS.closest(tag) is not None:
                return None
            return "banner" if name == "header" else "contentinfo"
        if name in ("form", "section"):
            named = tag.has_attr("aria-label") or tag.has_attr("aria-labelledby")
            return ("form" if name == "form" else "region") if named else None
        if name == "img":
            plain = forms.attr(tag, "alt") == "" and not forms.attr(tag, "title")
            presentational = plain and not _has_global_aria(tag, None) and not _has_tabindex(tag)
            return "presentation" if presentational else "img"
        if name == "input":
            return self._input_role(tag)
        if name == "select":
            return "listbox" if tag.has_attr("multiple") or _select_size(tag) > 1 else "combobox"
        if name == "td":
            table = tag.find_parent("table")
            grid = table is not None and _explicit_role(table) in ("grid", "treegrid")
            return "gridcell" if grid else "cell"
        if name == "th":
            return _header_cell_role(tag)
        return _SIMPLE_ROLES.get(name or "")

    def _input_role(self, tag: Tag) -> str | None:
        kind = forms.input_type(tag)
        if kind in ("email", "search", "tel", "text", "url"):
            listed = self.idrefs(tag, "list")
            if listed and listed[0].name == "datalist":
                return "combobox"
            return "searchbox" if kind == "search" else "textbox"
        if kind == "hidden":
            return None
        return _INPUT_ROLES.get(kind, "textbox")  # password, date, color...: textbox, as in Playwright

    def _presentation_conflict(self, tag: Tag, role: str | None) -> bool:
        """role=none/presentation is ignored on focusable elements or ones with global ARIA attributes."""
        return _has_global_aria(tag, role) or _is_focusable(tag)

    def hidden_for_aria(self, tag: Tag) -> bool:
        """Playwright's isElementHiddenForAria, judged from the markup and inline styles."""
        hidden = self._hidden.get(id(tag))
        if hidden is None:
            option_in_select = tag.name == "option" and tag.find_parent("select") is not None
            hidden = (
                tag.name in _NOT_CONTENT
                or (not option_in_select and not self._style_visible(tag))
                or self._display_none_or_aria_hidden(tag)
            )
            self._hidden[id(tag)] = hidden
        return hidden

    def _style_visible(self, tag: Tag) -> bool:
        """Not inside unrendered content (closed <details>, hidden=until-found) and visibility:visible."""
        child = tag
        for ancestor in _ancestors(tag):
            if ancestor.name == "details" and not ancestor.has_attr("open"):
                summary = next((each for each in _child_tags(ancestor) if each.name == "summary"), None)
                if child is not summary:
                    return False
            if (forms.attr(ancestor, "hidden") or "").strip().lower() == "until-found":
                return False
            child = ancestor
        for each in (tag, *_ancestors(tag)):  # visibility is inherited
            visibility = self._style(each).get("visibility")
            if visibility in ("visible", "hidden", "collapse"):
                return visibility == "visible"
        return True

    def _display_none_or_aria_hidden(self, tag: Tag) -> bool:
        for each in (tag, *_ancestors(tag)):
            if self._display(each) == "none":
                return True
            if (forms.attr(each, "aria-hidden") or "").strip().lower() == "true":
                return True
        return False

    def _display(self, tag: Tag) -> str:
        name = tag.name or ""
        if name == "input" and forms.input_type(tag) == "hidden":
            return "none"  # an !important rule of the browser's stylesheet
        declared = self._style(tag).get("display")
        if declared:
            return declared.split()[0]
        if tag.has_attr("hidden") and (forms.attr(tag, "hidden") or "").strip().lower() != "until-found":
            return "none"
        if name in _DISPLAY_NONE or (name == "dialog" and not tag.has_attr("open")):
            return "none"
        return "block" if name in _NOT_INLINE else "inline"

    def _style(self, tag: Tag) -> dict[str, str]:
        cached = self._styles.get(id(tag))
        if cached is None:
            cached = {}
            for declaration in (forms.attr(tag, "style") or "").split(";"):
                prop, colon, value = declaration.partition(":")
                if colon:
                    value = value.lower().replace("!important", "").strip()
                    cached[prop.strip().lower()] = value
            self._styles[id(tag)] = cached
        return cached

    # --- accessible name ---------------------------------------------------------------------

    def accessible_name(self, tag: Tag) -> str:
        """The normalised accessible name, as Playwright's getElementAccessibleName computes it."""
        if (self.role(tag) or "") in _NAMING_PROHIBITED:
            return ""
        return normalise(self._alternative(tag, _Naming()))

    def _alternative(self, tag: Tag, state: _Naming) -> str:
        """accname's text alternative of `tag` (getTextAlternativeInternal, minus CSS content)."""
        if id(tag) in state.visited:
            return ""
        inner = replace(state, target="descendant" if state.target == "self" else state.target)
        if tag.name in _NOT_CONTENT or (not state.in_hidden_reference() and self.hidden_for_aria(tag)):
            state.visited.add(id(tag))
            return ""
        labelled_by = self.idrefs(tag, "aria-labelledby")
        if state.labelled_by is None:
            text = " ".join(
                self._alternative(ref, _Naming(state.visited, None, labelled_by=self.hidden_for_aria(ref)))
                for ref in labelled_by
            )
            if text:
                return text
        role = self.role(tag) or ""
        name = tag.name or ""
        embedded = state.label is not None or state.labelled_by is not None or state.target == "descendant"
        if embedded and tag not in labelled_by:
            value = self._embedded_control_value(tag, role, inner)
            if value is not None:
                state.visited.add(id(tag))
                return value
        state.visited.add(id(tag))
        aria_label = forms.attr(tag, "aria-label") or ""
        if aria_label.strip():
            return aria_label
        if role not in ("presentation", "none"):
            native = self._native_alternative(tag, labelled_by, state, inner)
            if native is not None:
                return native
        from_content = role in _NAME_FROM_CONTENT or (
            state.target == "descendant" and role in _NAME_FROM_CONTENT_INSIDE
        )
        if (
            from_content
            or (name == "summary" and role not in ("presentation", "none"))
            or state.labelled_by is not None
            or state.label is not None
            or state.native is not None
        ):
            text = self._content_text(tag, inner)
            if text.strip() if state.target == "self" else text:
                return text
        title = forms.attr(tag, "title") or ""
        if (role not in ("presentation", "none") or name in ("iframe", "frame")) and title.strip():
            return title
        return ""

    def _embedded_control_value(self, tag: Tag, role: str, inner: _Naming) -> str | None:
        """A control inside a label or a named element contributes its value, not its name."""
        name = tag.name or ""
        if role in ("textbox", "searchbox"):
            if name == "textarea":
                return forms.textarea_value(tag)
            return (forms.attr(tag, "value") or "") if name == "input" else tag.get_text()
        if role in ("combobox", "listbox"):
            if name == "select":
                options = forms.selected_options(tag) or tag.select("option")[:1]
            else:
                box: Tag | None = tag
                if role == "combobox":
                    box = next((each for each in self.descendants(tag) if self.role(each) == "listbox"), None)
                options = [
                    each
                    for each in (self.descendants(box) if box is not None else [])
                    if self.role(each) == "option"
                    and (forms.attr(each, "aria-selected") or "").lower() == "true"
                ]
            if not options and name == "input":
                return forms.attr(tag, "value") or ""
            return " ".join(self._alternative(option, inner) for option in options)
        if role in ("progressbar", "scrollbar", "slider", "spinbutton", "meter"):
            for attribute in ("aria-valuetext", "aria-valuenow", "value"):
                if tag.has_attr(attribute):
                    return forms.attr(tag, attribute) or ""
            return ""
        if role == "menu":
            return ""
        return None

    def _native_alternative(
        self, tag: Tag, labelled_by: list[Tag], state: _Naming, inner: _Naming
    ) -> str | None:
        """Names from HTML itself: input values, associated labels, alt, legend, caption... (None: none)."""
        name = tag.name or ""
        kind = forms.input_type(tag) if name == "input" else ""
        title = forms.attr(tag, "title") or ""
        if kind in ("button", "submit", "reset"):
            value = forms.attr(tag, "value") or ""
            return value if value.strip() else {"submit": "Submit", "reset": "Reset"}.get(kind, title)
        if kind in ("file", "image"):
            labels = self.labels(tag)
            if labels and state.labelled_by is None:
                return self._from_labels(labels, state)
            if kind == "file":
                return "Choose File"
            alt = forms.attr(tag, "alt") or ""
            return alt if alt.strip() else (title if title.strip() else "Submit")
        if not labelled_by and name in _NAMED_BY_LABELS:
            labels = self.labels(tag)
            if labels:
                return self._from_labels(labels, state)
            if name == "button":
                return None  # falls through to its content
            if name == "output":
                return title
            use_placeholder = kind in _PLACEHOLDER_TYPES or name == "textarea"
            if not use_placeholder or title:
                return title
            return forms.attr(tag, "placeholder") or ""
        for container, caption in (("fieldset", "legend"), ("figure", "figcaption"), ("table", "caption")):
            if name == container and (name == "table" or not labelled_by):
                first = next((each for each in _child_tags(tag) if each.name == caption), None)
                if first is not None:
                    return self._alternative(first, replace(inner, native=self.hidden_for_aria(first)))
                if name == "table":
                    summary = forms.attr(tag, "summary") or ""
                    return summary or None
                return title
        if name in ("img", "area"):
            alt = forms.attr(tag, "alt") or ""
            return alt if alt.strip() else title
        return None

    def _from_labels(self, labels: Iterable[Tag], state: _Naming) -> str:
        texts = (
            self._alternative(label, _Naming(state.visited, None, label=self.hidden_for_aria(label)))
            for label in labels
        )
        return " ".join(text for text in texts if text)

    def _content_text(self, tag: Tag, state: _Naming) -> str:
        """Name from content: the children's text alternatives, blocks padded with spaces."""
        tokens: list[str] = []
        skip_unrendered = not state.in_hidden_reference()
        for child in tag.children:
            if isinstance(child, Tag):
                token = self._alternative(child, state)
                if self._display(child) != "inline" or child.name == "br":
                    token = f" {token} "
                tokens.append(token)
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                if skip_unrendered and tag.name == "details" and not tag.has_attr("open"):
                    continue
                tokens.append(str(child))
        return "".join(tokens)


# --- helpers ---------------------------------------------------------------------------------


def _child_tags(tag: Tag) -> list[Tag]:
    return [child for child in tag.children if isinstance(child, Tag)]


def _parent(tag: Tag) -> Tag | None:
    """The parent element; the BeautifulSoup object above <html> is the document, not an element."""
    parent = tag.parent
    return None if parent is None or isinstance(parent, BeautifulSoup) else parent


def _ancestors(tag: Tag) -> list[Tag]:
    return [parent for parent in tag.parents if not isinstance(parent, BeautifulSoup)]


def _is_labelable(tag: Tag) -> bool:
    if tag.name == "input":
        return forms.input_type(tag) != "hidden"
    return tag.name in _LABELABLE


def _explicit_role(tag: Tag) -> str | None:
    tokens = (forms.attr(tag, "role") or "").lower().split(" ")
    return next((token.strip() for token in tokens if token.strip() in _ARIA_ROLES), None)


def _has_global_aria(tag: Tag, role: str | None) -> bool:
    for attribute in _GLOBAL_ARIA:
        if not tag.has_attr(attribute):
            continue
        if attribute in ("aria-label", "aria-labelledby") and role in _NAMING_ATTRIBUTE_ROLES:
            continue
        if attribute == "aria-roledescription" and role == "generic":
            continue
        return True
    return False


def _has_tabindex(tag: Tag) -> bool:
    value = forms.attr(tag, "tabindex")
    return value is not None and _JS_NUMBER.fullmatch(value.strip()) is not None


def _is_focusable(tag: Tag) -> bool:
    if _natively_disabled(tag):
        return False
    name = tag.name
    if name in ("button", "details", "select", "textarea"):
        return True
    if name in ("a", "area") and tag.has_attr("href"):
        return True
    if name == "input" and not tag.has_attr("hidden"):
        return True
    return _has_tabindex(tag)


def _natively_disabled(tag: Tag) -> bool:
    if tag.name not in ("button", "input", "select", "textarea", "option", "optgroup"):
        return False
    if tag.has_attr("disabled"):
        return True
    if tag.name == "option" and any(group.has_attr("disabled") for group in tag.find_parents("optgroup")):
        return True
    fieldset = next((each for each in tag.find_parents("fieldset") if each.has_attr("disabled")), None)
    if fieldset is None:
        return False
    legend = next((each for each in _child_tags(fieldset) if each.name == "legend"), None)
    return legend is None or not any(parent is legend for parent in tag.parents)


def _select_size(select: Tag) -> int:
    match = _LEADING_INTEGER.match(forms.attr(select, "size") or "")
    return int(match.group(1)) if match else 0


def _header_cell_role(cell: Tag) -> str | None:
    scope = (forms.attr(cell, "scope") or "").lower()
    if scope in ("col", "colgroup"):
        return "columnheader"
    if scope in ("row", "rowgroup"):
        return "rowheader"
    after, before = cell.find_next_sibling(), cell.find_previous_sibling()
    if after is None and before is None:
        row = cell.parent if cell.parent is not None and cell.parent.name == "tr" else None
        table = row.find_parent("table") if row is not None else None
        if table is not None and len(table.find_all("tr")) <= 1:
            return None
        return "columnheader"
    if _is_header(after) and _is_header(before):
        return "columnheader"
    if _is_data(after) or _is_data(before):
        return "rowheader"
    return "columnheader"


def _is_header(tag: Tag | None) -> bool:
    return tag is not None and tag.name == "th"


def _is_data(tag: Tag | None) -> bool:
    return tag is not None and tag.name == "td" and bool(tag.get_text().strip() or _child_tags(tag))


def _split_selector_list(selector: str) -> list[str]:
    """Split a CSS selector list on its top-level commas (not inside strings, () or [])."""
    parts: list[str] = []
    depth, quote, start, position = 0, "", 0, 0
    while position < len(selector):
        char = selector[position]
        if char == "\\":
            position += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selector[start:position].strip())
            start = position + 1
        position += 1
    parts.append(selector[start:].strip())
    return parts
