"""Locator strings: the parser, their evaluation by the http engine, and agreement with Playwright.

Engine tests serve small pages through an httpx.MockTransport, so each page is just a string here.
The last test runs the same pages and locators in Chromium through Playwright (when Chromium is
installed) and checks that both engines find exactly the same elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pytest
from bs4 import BeautifulSoup, Tag
from markupsafe import escape

from portalcert import pagemap, registry
from portalcert.engines import EngineError, html_locate
from portalcert.engines.http import HttpEngine, _parse
from portalcert.locators import KINDS, ROLES, Locator, LocatorError, Part, parse

CHROMIUM = Path("/usr/lib/chromium/chromium")
PAGEMAP = registry.get("tim-convenzione-mobile-6").reference_pagemap

# --- parser ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("input[name=otp]", [Part("css", "input[name=otp]")]),
        ("[data-testid=x]", [Part("css", "[data-testid=x]")]),
        ("  label[for=a]  ", [Part("css", "label[for=a]")]),  # `label` without `=` is a tag name
        ("css=a.go", [Part("css", "a.go")]),
        ('css=[title="a >> b"]', [Part("css", '[title="a >> b"]')]),  # no split inside CSS strings
        ("text=  Password   dimenticata? ", [Part("text", "Password dimenticata?")]),
        ("text=Avanti >>", [Part("text", "Avanti >>")]),  # a trailing ">>" is text, not a separator
        ('text="a >> b"', [Part("text", "a >> b")]),
        ('text="say \\"hi\\""', [Part("text", 'say "hi"')]),
        ("label=Codice fiscale", [Part("label", "Codice fiscale")]),
        ("role=button", [Part("role", "button")]),
        ("role=Link", [Part("role", "link")]),
        ('role=link[name="Password dimenticata?"]', [Part("role", "link", "Password dimenticata?")]),
        ("role=link[ name = 'x >> y' ]", [Part("role", "link", "x >> y")]),
        ('role=button[name=""]', [Part("role", "button", "")]),
        ("testid=action-accedi", [Part("testid", "action-accedi")]),
        (
            'css=.login-box footer >> role=link[name="Password dimenticata?"]',
            [Part("css", ".login-box footer"), Part("role", "link", "Password dimenticata?")],
        ),
        (
            "testid=box >> text=Ciao >> css=b",
            [Part("testid", "box"), Part("text", "Ciao"), Part("css", "b")],
        ),
    ],
)
def test_parse_valid(text: str, parts: list[Part]) -> None:
    locator = parse(text)
    assert locator == Locator(text.strip(), tuple(parts))
    assert str(locator) == text.strip()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty locator"),
        ("   ", "empty locator"),
        ("css=", "empty part"),
        ("a >> ", "empty part"),
        (">> a", "empty part"),
        ("a >> >> b", "empty part"),
        ("text=", "empty text"),
        ("text=\u200b ", "empty text"),
        ("label= ", "empty label"),
        ("testid=", "empty test id"),
        ("role=", "empty role"),
        ("role=foo", "unsupported role 'foo'"),
        ("role=group", "supported roles: alert, banner, button"),
        ("role=button[name=Go]", 'expected role=<role> or role=<role>[name="<accessible name>"]'),
        ("role=button[level=2]", "cannot read the role"),
        ('role=button[name="Go"', "cannot read the role"),
        ("role=button Go", "cannot read the role"),
        ('role=button[name="Go', "unterminated quote"),
        ('text="Go', "unterminated quote"),
        ('[title="Go', "unterminated quote in the CSS"),
        ("[data-testid=error", "unclosed '[' in the CSS of locator '[data-testid=error'"),
        ("div:not(.x >> b", "unclosed '('"),
        ("a]", "unexpected ']'"),
        ("[a=b)]", "unexpected ')'"),
        ("form >", "ends with '>'"),
        ("h1,", "ends with ','"),
        ("[data-testid=error", "in YAML an unquoted ' #' starts a comment: quote the locator"),
        ('role=button[name="Accedi', "quote the locator"),
        ('text="Go" now', "unexpected ' now' after a quoted value"),
        ("xpath=//a", "unknown locator kind 'xpath'"),
        ("id=main", "expected one of css, text, label, role, testid"),
    ],
)
def test_parse_invalid(text: str, message: str) -> None:
    with pytest.raises(LocatorError) as caught:
        parse(text)
    assert message in str(caught.value)


def test_constants() -> None:
    assert KINDS == ("css", "text", "label", "role", "testid")
    assert {"button", "link", "textbox", "checkbox", "radio", "combobox", "heading", "menuitem"} <= ROLES
    assert "group" not in ROLES


def test_every_simulator_pagemap_locator_is_plain_css() -> None:
    pages = pagemap.load(PAGEMAP)
    strings: list[str] = []
    for page in (*pages.pages.values(), pages.common):
        strings += [page.recognise] if page.recognise else []
        strings += [spec.selector for spec in page.fields.values()]
        strings += list(page.actions.values())
        strings += [spec.selector for spec in page.read.values()]
    assert len(strings) > 50
    for text in strings:
        assert parse(text).parts == (Part("css", text.strip()),), text


# --- pages -----------------------------------------------------------------------------------

LOGIN = """<!doctype html><html><head><title>Accedi</title></head><body>
<header><nav aria-label="Menu principale"><a href="/">Home</a> <a href="/login">Accedi</a></nav></header>
<main>
<h1>Accedi <small>all'area clienti</small></h1>
<form method="post" action="/echo" aria-label="Accesso">
  <label for="user">Nome utente</label><input id="user" name="username">
  <label>Password <input type="password" name="password"></label>
  <input name="otp" aria-label="Codice OTP" placeholder="123456">
  <span id="cf-label">Codice fiscale</span><span id="cf-hint">del titolare</span>
  <input name="cf" aria-labelledby="cf-label cf-hint">
  <input name="email" placeholder="Email">
  <label>Profilo <select name="profile"><option value="b">Business</option><option value="c">Consumer</option>
    </select></label>
  <label><input type="radio" name="kind" value="cf" checked> Persona fisica</label>
  <label><input type="radio" name="kind" value="piva"> Partita IVA</label>
  <label><input type="checkbox" name="terms" value="ok"> Accetto</label>
  <input type="hidden" name="token" value="t0k">
  <button data-testid="accedi"><span>Accedi</span></button>
  <input type="submit" name="alt" value="Entra">
  <button type="button" data-testid="mostra">Mostra password</button>
  <div role="button" data-testid="aiuto">Aiuto</div>
</form>
<div class="login-box"><footer><a href="/recupera">Password dimenticata?</a></footer></div>
<a href="/recupera" hidden>Password dimenticata?</a>
</main>
<footer>Contatti</footer>
</body></html>"""

TEXTS = """<!doctype html><html><head><title>Testi</title><script>var t = "Ciao";</script></head><body>
<p data-testid="p1">Ciao <b>mondo</b></p>
<div data-testid="box"><span>Ciao mondo</span></div>
<div data-testid="box"><p>Ciao <i>mondo</i></p></div>
<ul data-testid="menu"><li>Uno</li><li>Due</li></ul>
<p style="display:none">Nascosto</p><p hidden>Nascosto</p>
<template><p>Modello</p></template><noscript><p>Senza script</p></noscript>
<p>Riga&nbsp;uno<!-- nota --></p>
<div><input type="submit" value="Invia modulo"></div>
</body></html>"""

ROLES_PAGE = """<!doctype html><html><head><title>Ruoli</title></head><body>
<header>Testata</header>
<article><header>Articolo</header><footer>Fine articolo</footer></article>
<section>Anonima</section><section aria-label="Offerte">Promo</section>
<nav><ul><li>Voce</li></ul></nav><ul role="none"><li>Piatto</li></ul>
<table><tbody><tr><td>Cella</td><td><a href="/x">Apri</a></td></tr></tbody></table>
<img src="/logo.png" alt="Logo TIM"><img src="/spacer.gif" alt="">
<button>Visibile</button><button hidden>Nascosto</button><button style="display: none">Nascosto</button>
<div aria-hidden="true"><button>Nascosto</button></div>
<div style="visibility:hidden"><button>Invisibile</button></div>
<details><summary>Dettagli</summary><button>Nel dettaglio</button></details>
<dialog><p>Chiuso</p></dialog><dialog open aria-label="Conferma"><p>Aperto</p></dialog>
<div role="alert">Errore di rete</div><output>Salvato</output>
<div role="tab" aria-selected="true">Scheda 1</div><span role="menuitem">Esci</span>
<div role="foo button">Primo valido</div>
<a href="/y"><img src="/cart.png" alt="Carrello"></a><a href="/z" title="Suggerimento"></a>
<input type="text" list="cities"><datalist id="cities"><option value="Roma"></datalist>
<input type="number" aria-label="Quantità"><input type="email" title="Posta">
<select><option>Uno</option><option selected>Due</option></select>
<select size="3"><option>Lista</option></select>
</body></html>"""

PAGES = {"/login": LOGIN, "/texts": TEXTS, "/roles": ROLES_PAGE}


def portal(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/echo":
        fields = parse_qsl(request.content.decode(), keep_blank_values=True)
        items = "".join(f'<li data-testid="field">{escape(k)}={escape(v)}</li>' for k, v in fields)
        return httpx.Response(200, html=f"<ul>{items}</ul>")
    page = PAGES.get(request.url.path)
    return httpx.Response(200, html=page) if page else httpx.Response(404, html="<p>no</p>")


@pytest.fixture
def engine() -> Iterator[HttpEngine]:
    with HttpEngine("http://portal.test/", transport=httpx.MockTransport(portal)) as http_engine:
        yield http_engine


def paths(tags: list[Tag]) -> list[str]:
    """An element's address, e.g. html0/body0/form0/input2 (n-th child of that name; tbody skipped)."""
    found = []
    for tag in tags:
        steps: list[str] = []
        node: Tag | None = tag
        while node is not None and not isinstance(node, BeautifulSoup):
            if node.name != "tbody":
                same = [s for s in node.previous_siblings if isinstance(s, Tag) and s.name == node.name]
                steps.append(f"{node.name}{len(same)}")
            node = node.parent
        found.append("/".join(reversed(steps)))
    return found


# --- matching --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locator", "texts"),
    [
        ("testid=box", ["Ciao mondo", "Ciao mondo"]),
        ("css=[data-testid=menu] li", ["Uno", "Due"]),
        ("[data-testid=menu] li", ["Uno", "Due"]),
        # Deepest match only: the <p> and the <span> match, not their <div>s or the <body>.
        ("text=Ciao mondo", ["Ciao mondo", "Ciao mondo", "Ciao mondo"]),
        ("text=ciao mondo", []),  # case-sensitive
        ("text=Ciao", []),  # exact, not a substring; the <script> in <head> does not count
        ("text=mondo", ["mondo", "mondo"]),
        ("text=UnoDue", ["Uno Due"]),  # text content, as in Playwright: no space between <li>s
        ("text=Nascosto", ["Nascosto", "Nascosto"]),  # hidden elements match, as with get_by_text
        ("text=Modello", []),  # <template> content is inert
        ("text=Senza script", []),  # <noscript> content is raw text when scripts run
        ("text=Riga uno", ["Riga uno"]),  # &nbsp; is whitespace; comments are not text
        ("text=Invia modulo", [""]),  # input buttons match by value
        ("testid=box >> text=Ciao mondo", ["Ciao mondo", "Ciao mondo"]),
        ("css=p >> text=Ciao mondo", ["Ciao mondo", "Ciao mondo"]),  # the scope itself can match text
        ("text=Ciao mondo >> css=b", ["mondo"]),
        ("testid=box >> css=p i", ["mondo"]),
    ],
)
def test_texts_and_chaining(engine: HttpEngine, locator: str, texts: list[str]) -> None:
    engine.goto("/texts")
    assert engine.texts(locator) == texts


@pytest.mark.parametrize(
    ("locator", "name"),
    [
        ("label=Nome utente", "username"),  # <label for=id>
        ("label=Password", "password"),  # the label around it
        ("label=Codice OTP", "otp"),  # aria-label
        ("label=Codice fiscale", "cf"),  # each aria-labelledby element is a label of its own
        ("label=del titolare", "cf"),
        ("label=Profilo BusinessConsumer", "profile"),  # a label's text content includes the options
        ("label=Partita IVA", "kind"),
        ("role=textbox[name='Nome utente']", "username"),
        ("role=textbox[name='Password']", "password"),  # Playwright gives password inputs the textbox role
        ("role=textbox[name='Codice fiscale del titolare']", "cf"),  # aria-labelledby names are joined
        ("role=textbox[name='Email']", "email"),  # no label: the placeholder names it
        ("role=combobox[name='Profilo']", "profile"),
        ("role=radio[name='Persona fisica']", "kind"),
        ("role=checkbox[name='Accetto']", "terms"),
        ("role=button[name='Entra']", "alt"),  # an input button is named by its value
    ],
)
def test_labels_and_names_find_controls(engine: HttpEngine, locator: str, name: str) -> None:
    engine.goto("/login")
    assert engine.count(locator) == 1
    assert engine.attribute(locator, "name") == name


@pytest.mark.parametrize(
    "locator",
    ["label=Email", "label=123456", "label=Codice fiscale del titolare", "label=Profilo", "label=Accesso"],
)
def test_placeholders_joined_labels_and_other_texts_are_not_labels(engine: HttpEngine, locator: str) -> None:
    engine.goto("/login")
    assert engine.count(locator) == (1 if locator == "label=Accesso" else 0)  # a form's aria-label is one


@pytest.mark.parametrize(
    ("locator", "texts"),
    [
        ("role=banner", ["Testata"]),  # a <header> inside <article> is no banner
        ("role=contentinfo", []),  # nor is a footer inside <article>/<main>; the page footer is not in main
        ("role=region", ["Promo"]),  # a <section> needs a name to be a region
        ("role=region[name='Offerte']", ["Promo"]),
        ("role=navigation >> role=listitem", ["Voce"]),
        ("role=listitem", ["Voce"]),  # <li> of a role=none list is presentational
        ("role=row", ["Cella Apri"]),
        ("role=cell[name='Cella']", ["Cella"]),
        ("role=row >> role=link[name='Apri']", ["Apri"]),
        ("role=img", ["", ""]),  # alt="" makes an image presentational; the cart image counts
        ("role=img[name='Logo TIM']", [""]),
        ("role=button", ["Visibile", "Primo valido"]),  # hidden ones are not in the accessibility tree
        ("role=dialog", ["Aperto"]),  # a closed <dialog> is not displayed
        ("role=dialog[name='Conferma']", ["Aperto"]),
        ("role=alert", ["Errore di rete"]),
        ("role=status", ["Salvato"]),
        ("role=tab[name='Scheda 1']", ["Scheda 1"]),
        ("role=menuitem[name='Esci']", ["Esci"]),
        ("role=link[name='Carrello']", [""]),  # named by its image's alt
        ("role=link[name='Suggerimento']", [""]),  # by its title
        ("role=combobox", ["", "Uno Due"]),  # an input with a datalist, a drop-down select
        ("role=option[name='Due']", ["Due"]),
        ("role=textbox[name='Posta']", [""]),
    ],
)
def test_roles(engine: HttpEngine, locator: str, texts: list[str]) -> None:
    engine.goto("/roles")
    assert engine.texts(locator) == texts


def test_fill_by_label_then_submit_by_role(engine: HttpEngine) -> None:
    engine.goto("/login")
    engine.fill("label=Nome utente", "mario")
    engine.fill("role=textbox[name='Password']", "s3greta")
    engine.fill("label=Codice fiscale", "RSSMRA80A01H501U")
    engine.choose("label=Profilo BusinessConsumer", "c")
    engine.choose("role=radio[name='Partita IVA']", "piva")
    engine.choose("role=checkbox[name='Accetto']", "ok")
    engine.press("role=button[name='Accedi']")
    assert engine.url == "http://portal.test/echo"
    assert engine.texts("[data-testid=field]") == [
        "username=mario",
        "password=s3greta",
        "otp=",
        "cf=RSSMRA80A01H501U",
        "email=",
        "profile=c",
        "kind=piva",
        "terms=ok",
        "token=t0k",
    ]


def test_choose_among_radios_matched_by_css(engine: HttpEngine) -> None:
    engine.goto("/login")
    engine.choose("css=input[name=kind]", "piva")
    engine.press("role=button[name='Entra']")
    assert "kind=piva" in engine.texts("[data-testid=field]")
    assert "alt=Entra" in engine.texts("[data-testid=field]")


def test_press_on_text_inside_a_button_presses_the_button(engine: HttpEngine) -> None:
    # text= finds the deepest element, the <span>; a click on it activates the enclosing button.
    engine.goto("/login")
    engine.press("css=form >> text=Accedi")
    assert "username=" in engine.texts("[data-testid=field]")


def test_press_follows_a_chained_role_link(engine: HttpEngine) -> None:
    engine.goto("/login")
    engine.press('css=.login-box footer >> role=link[name="Password dimenticata?"]')
    assert (engine.url, engine.status) == ("http://portal.test/recupera", 404)


@pytest.mark.parametrize(
    "locator",
    ["role=button[name='Mostra password']", "testid=aiuto", "role=button[name='Aiuto']", "text=Aiuto"],
)
def test_press_on_scripted_buttons_needs_javascript(engine: HttpEngine, locator: str) -> None:
    engine.goto("/login")
    with pytest.raises(EngineError, match="needs JavaScript"):
        engine.press(locator)


def test_bad_locators_are_engine_errors(engine: HttpEngine) -> None:
    engine.goto("/login")
    with pytest.raises(EngineError, match="unsupported role 'group'"):
        engine.count("role=group")
    with pytest.raises(EngineError, match="invalid CSS selector"):
        engine.count("css=a[=x]")
    with pytest.raises(EngineError, match="invalid CSS selector"):
        engine.count("css=form >> css=a[=x]")
    with pytest.raises(EngineError, match="unclosed '\\[' in the CSS of locator 'css=a\\['"):
        engine.count("css=a[")


def test_missing_label_is_reported_like_a_missing_field(engine: HttpEngine) -> None:
    engine.goto("/login")
    with pytest.raises(EngineError, match="no field matches label=Cognome"):
        engine.fill("label=Cognome", "x")


# --- agreement with Playwright ---------------------------------------------------------------

CROSS_CHECK = {
    "/login": [
        "label=Nome utente",
        "label=Password",
        "label=Codice fiscale",
        "label=del titolare",
        "label=Profilo BusinessConsumer",
        "label=Accesso",
        "label=Email",
        "role=textbox",
        "role=textbox[name='Email']",
        "role=textbox[name='Codice fiscale del titolare']",
        "role=button",
        "role=button[name='Accedi']",
        "role=button[name='Entra']",
        "role=link[name='Password dimenticata?']",
        'css=.login-box footer >> role=link[name="Password dimenticata?"]',
        "role=navigation[name='Menu principale'] >> role=link",
        "role=form[name='Accesso'] >> role=radio",
        'role=heading[name="Accedi all\'area clienti"]',
        "role=main >> text=Accedi",
        "role=contentinfo",
        "role=banner",
        "text=Password dimenticata?",
        "text=Accedi",
        "testid=accedi >> text=Accedi",
        "css=form input[type=radio]",
    ],
    "/texts": [
        "text=Ciao mondo",
        "text=mondo",
        "text=UnoDue",
        "text=Nascosto",
        "text=Modello",
        "text=Senza script",
        "text=Riga uno",
        "text=Invia modulo",
        "testid=box >> text=Ciao mondo",
        "css=p >> text=Ciao mondo",
        "text=Ciao mondo >> css=b",
        "testid=box >> css=div p i",
        "testid=box >> css=p i",
    ],
    "/roles": [
        "role=banner",
        "role=contentinfo",
        "role=region",
        "role=region[name='Offerte']",
        "role=listitem",
        "role=row",
        "role=cell",
        "role=img",
        "role=button",
        "role=dialog",
        "role=alert",
        "role=status",
        "role=tab",
        "role=menuitem",
        "role=link",
        "role=link[name='Carrello']",
        "role=link[name='Suggerimento']",
        "role=combobox",
        "role=option",
        "role=option[name='Due']",
        "role=textbox",
        "label=Quantità",
        "text=Nel dettaglio",
    ],
}


_PATHS_JS = """elements => elements.map(element => {
  const steps = [];
  for (let node = element; node; node = node.parentElement) {
    if (node.tagName === 'TBODY') continue;
    let same = 0;
    for (let s = node.previousElementSibling; s; s = s.previousElementSibling) {
      if (s.tagName === node.tagName) same++;
    }
    steps.unshift(node.tagName.toLowerCase() + same);
  }
  return steps.join('/');
})"""


def browser_paths() -> dict[tuple[str, str], list[str]]:
    """What Chromium finds for every CROSS_CHECK locator, through Playwright's own get_by_* calls."""
    from playwright.sync_api import sync_playwright

    from portalcert.engines.browser import to_playwright  # the browser engine's own translation

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page()
            for path, texts in CROSS_CHECK.items():
                page.set_content(PAGES[path])
                for text in texts:
                    found[path, text] = to_playwright(page, parse(text)).evaluate_all(_PATHS_JS)
        finally:
            browser.close()
    return found


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM}")
def test_playwright_finds_the_same_elements() -> None:
    pytest.importorskip("playwright.sync_api")
    # Own thread: the sync API refuses to start where another test's Playwright loop still runs.
    with ThreadPoolExecutor(max_workers=1) as pool:
        browser = pool.submit(browser_paths).result(timeout=120)
    differences = []
    for path, texts in CROSS_CHECK.items():
        doc = _parse(PAGES[path])
        for text in texts:
            ours = paths(html_locate.select(doc, parse(text)))
            if ours != browser[path, text]:
                differences.append(f"{path} {text}: http {ours} != browser {browser[path, text]}")
    assert differences == []
