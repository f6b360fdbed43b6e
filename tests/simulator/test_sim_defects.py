"""Every defect switch changes exactly the behaviour it names: normal first, then switched on.

`test_<defect name>` per catalogue entry, here or in another `test_sim_defects_*.py` module;
`test_every_defect_has_a_test` keeps the list complete.
"""

from __future__ import annotations

import re
from pathlib import Path

from documents.tim_convenzione_mobile6.simulator import PORTAL, texts
from tests.simulator.sim_client import Page, SimClient

DOC = Path(__file__).resolve().parents[2] / "docs" / "simulator.md"


def test_every_defect_has_a_test() -> None:
    sources = "".join(
        p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_sim_defects*.py")
    )
    missing = [d.name for d in PORTAL.defects if f"def test_{d.name}(" not in sources]
    assert missing == []


def test_catalogue_matches_the_documentation() -> None:
    rows = re.findall(
        r"^\| (\w+) \| ((?:CM6|SEC|A11Y)-\d\d) \| (.+?) \|$", DOC.read_text(encoding="utf-8"), re.MULTILINE
    )
    assert [(d.name, d.rule, d.description) for d in PORTAL.defects] == rows


def _error(sim: SimClient) -> str | None:
    assert sim.page is not None
    return sim.page.text("[data-testid=error]")


def test_public_contacts_mistyped(sim: SimClient) -> None:
    contacts = ("contact-phone", "contact-fax", "contact-mailbox")
    page = sim.get("/cm6/")
    assert [page.text(f"[data-testid={c}]") for c in contacts] == list(texts.CONTACTS)
    sim.set_defects("public_contacts_mistyped")
    page = sim.get("/cm6/")
    assert [page.text(f"[data-testid={c}]") for c in contacts] == list(texts.MISTYPED_CONTACTS)


PUBLIC_PAGES = (
    "/cm6/",
    "/cm6/registrazione",
    "/cm6/login",
    "/cm6/recupera-password",
    "/cm6/recupera-username",
)


def test_bottom_band_missing_on_entry_pages(sim: SimClient) -> None:
    _without_band(sim, "bottom_band_missing_on_entry_pages", ["/cm6/", "/cm6/registrazione", "/cm6/login"])


def test_bottom_band_missing_on_recovery_pages(sim: SimClient) -> None:
    recovery = ["/cm6/recupera-password", "/cm6/recupera-username"]
    _without_band(sim, "bottom_band_missing_on_recovery_pages", recovery)


def _without_band(sim: SimClient, defect: str, without: list[str]) -> None:
    band = "[data-testid=band-bottom]"
    assert [sim.get(path).count(band) for path in PUBLIC_PAGES] == [1] * len(PUBLIC_PAGES)
    sim.set_defects(defect)
    assert [sim.get(path).count(band) for path in PUBLIC_PAGES] == [
        0 if path in without else 1 for path in PUBLIC_PAGES
    ]
    assert sim.step1().count(band) == 1  # the later registration steps keep it


def test_registration_links_to_home(sim: SimClient) -> None:
    links = ("[data-testid=menu] [data-testid=menu-registrati]", "[data-testid=link-registrati-ora]")
    hrefs = [sim.get("/cm6/").attr(link, "href") or "" for link in links]
    assert [sim.get(href).name for href in hrefs] == ["registration-step1"] * 2
    sim.set_defects("registration_links_to_home")
    assert [sim.get(href).name for href in hrefs] == ["public-home"] * 2
    assert sim.get("/cm6/registrazione").name == "registration-step1"  # the page itself still works


def test_accepts_entity_outside_convention(sim: SimClient) -> None:
    outside = sim.role("outside_entity")["codice_fiscale"]
    assert sim.step1(outside).text("[data-testid=error]") == texts.ENTITY_OUTSIDE
    sim.set_defects("accepts_entity_outside_convention")
    assert sim.step1(outside).name == "registration-step2"


def test_accepts_ceased_sim(sim: SimClient) -> None:
    ceased = sim.sim_number("ceased_sim")
    assert sim.step2(numero_aziendale=ceased).name == "registration-step2"
    sim.submit({}, button="annulla")
    sim.set_defects("accepts_ceased_sim")
    assert sim.step2(numero_aziendale=ceased).name == "registration-otp"


def test_progress_marks_previous_step(sim: SimClient) -> None:
    current = "[data-testid=progress] [aria-current=step]"
    assert sim.get("/cm6/registrazione").text(current) == "INSERIMENTO DATI"
    assert sim.through_otp().text(current) == "SCELTA USERNAME"
    sim.set_defects("progress_marks_previous_step")
    assert sim.get("/cm6/registrazione").text(current) == "RICONOSCIMENTO CLIENTE"
    sim.submit({}, button="annulla")
    assert sim.get("/cm6/registrazione").text(current) is None


def test_vat_number_kind_ignored(sim: SimClient) -> None:
    vat = sim.role("entity")["partita_iva"]
    assert sim.step1(vat, kind="piva").name == "registration-step2"
    sim.submit({}, button="annulla")
    sim.set_defects("vat_number_kind_ignored")
    page = sim.step1(vat, kind="piva")
    assert page.name == "registration-step1"
    assert page.text("[data-testid=error]") == texts.ENTITY_UNKNOWN
    sim.get("/cm6/registrazione")
    assert sim.step1(sim.role("entity")["codice_fiscale"], kind="piva").name == "registration-step2"
    sim.submit({}, button="annulla")
    wrong = sim.step1(_with_wrong_check_digit(vat), kind="piva")  # validated as a partita IVA first
    assert wrong.text("[data-testid=error]") == texts.PIVA_INVALID


def test_fiscal_code_kind_ignored(sim: SimClient) -> None:
    entity = sim.role("entity")
    assert sim.step1(entity["codice_fiscale"]).name == "registration-step2"
    sim.submit({}, button="annulla")
    sim.set_defects("fiscal_code_kind_ignored")
    page = sim.step1(entity["codice_fiscale"])
    assert page.name == "registration-step1" and page.text("[data-testid=error]") == texts.ENTITY_UNKNOWN
    sim.get("/cm6/registrazione")
    assert sim.step1(entity["partita_iva"]).name == "registration-step2"  # found among the partite IVA


def _with_wrong_check_digit(code: str) -> str:
    return code[:-1] + str((int(code[-1]) + 1) % 10)


def test_check_digit_ignored(sim: SimClient) -> None:
    entity = sim.role("entity")
    wrong_cf, wrong_vat = (_with_wrong_check_digit(entity[k]) for k in ("codice_fiscale", "partita_iva"))
    assert sim.step1(wrong_cf).text("[data-testid=error]") == texts.CF_INVALID
    assert sim.step1(wrong_vat, kind="piva").text("[data-testid=error]") == texts.PIVA_INVALID
    sim.set_defects("check_digit_ignored")
    assert sim.step1(wrong_cf).name == "registration-step2"
    sim.submit({}, button="annulla")
    assert sim.step1(wrong_vat, kind="piva").name == "registration-step2"
    sim.submit({}, button="annulla")
    unknown = _with_wrong_check_digit("12345678903")
    assert sim.step1(unknown).text("[data-testid=error]") == texts.ENTITY_UNKNOWN


def test_captcha_checked_against_previous(sim: SimClient) -> None:
    sim.get("/cm6/registrazione")
    sim.submit({}, button="nuovo_codice")
    assert sim.step1().name == "registration-step2"
    sim.submit({}, button="annulla")
    sim.set_defects("captcha_checked_against_previous")
    sim.get("/cm6/registrazione")
    assert sim.step1().name == "registration-step2"  # without a refresh the code is checked as it should
    sim.submit({}, button="annulla")
    sim.get("/cm6/registrazione")
    sim.submit({}, button="nuovo_codice")
    assert sim.step1().text("[data-testid=error]") == texts.CAPTCHA_WRONG
    assert sim.step1().name == "registration-step2"  # the failed attempt cleared the refresh


def test_captcha_not_checked(sim: SimClient) -> None:
    assert sim.step1(captcha="00000").text("[data-testid=error]") == texts.CAPTCHA_WRONG
    sim.set_defects("captcha_not_checked")
    assert sim.step1(captcha="00000").name == "registration-step2"


def _captcha_shown(page: Page, sim: SimClient) -> tuple[str, bytes]:
    """(address, picture) of the graphic code on `page`."""
    src = page.attr("[data-testid=captcha-image]", "src") or ""
    return src, sim.client.get(src).data


def test_captcha_refresh_same_code(sim: SimClient) -> None:
    before = _captcha_shown(sim.get("/cm6/registrazione"), sim)
    after = _captcha_shown(sim.submit({}, button="nuovo_codice"), sim)
    assert after[0] == before[0] and after[1] != before[1]  # same address, new picture
    sim.set_defects("captcha_refresh_same_code")
    before = _captcha_shown(sim.get("/cm6/registrazione"), sim)
    after = _captcha_shown(sim.submit({}, button="nuovo_codice"), sim)
    assert after[0] != before[0] and after[1] == before[1]  # new address, same picture
    # a failed attempt still draws a new code: only the refresh is broken
    assert _captcha_shown(sim.step1(captcha="00000"), sim)[1] != after[1]


def test_captcha_audio_missing(sim: SimClient) -> None:
    href = sim.get("/cm6/registrazione").attr("[data-testid=captcha-audio]", "href") or ""
    assert sim.client.get(href).status_code == 200
    sim.set_defects("captcha_audio_missing")
    assert sim.get("/cm6/registrazione").attr("[data-testid=captcha-audio]", "href") == href
    assert sim.client.get(href).status_code == 404


def test_accepts_personal_fiscal_code(sim: SimClient) -> None:
    personal = sim.role("registrant")["personal_fiscal_code"]
    assert sim.step1(personal).text("[data-testid=error]") == texts.PERSONAL_CF
    sim.set_defects("accepts_personal_fiscal_code")
    assert sim.step1(personal).name == "registration-step2"


def test_required_fields_not_checked(sim: SimClient) -> None:
    personal = ("nome", "cognome", "cellulare", "codice_fiscale", "email")
    for name in personal:
        assert sim.step2(**{name: ""}).name == "registration-step2"
        sim.submit({}, button="annulla")
    sim.set_defects("required_fields_not_checked")
    for name in personal:
        assert sim.step2(**{name: ""}).name == "registration-otp", name
        sim.submit({}, button="annulla")
    page = sim.step2(numero_aziendale="")  # the business number is still required
    assert page.one("[data-error=required-numero_aziendale]") is not None
    sim.submit({}, button="annulla")
    assert sim.step2(email="not-an-address").name == "registration-step2"  # syntax still checked


def test_personal_data_formats_not_checked(sim: SimClient) -> None:
    invalid = {"codice_fiscale": "RSSMRA80A01H501X", "email": "mario.rossi@", "cellulare": "0612345678"}
    for name, value in invalid.items():
        assert sim.step2(**{name: value}).name == "registration-step2"
        sim.submit({}, button="annulla")
    sim.set_defects("personal_data_formats_not_checked")
    for name, value in invalid.items():
        assert sim.step2(**{name: value}).name == "registration-otp", name
        sim.submit({}, button="annulla")
    assert sim.step2(nome="").name == "registration-step2"  # required fields still checked


def test_apostrophe_in_name_refused(sim: SimClient) -> None:
    assert sim.step2(cognome="D'Alessandro").name == "registration-otp"
    sim.submit({}, button="annulla")
    sim.set_defects("apostrophe_in_name_refused")
    page = sim.step2(cognome="D'Alessandro")
    assert page.one("[data-error=name-invalid-cognome]") is not None
    sim.submit({}, button="annulla")
    assert sim.step2().name == "registration-otp"


def test_business_number_defaults_to_first_line(sim: SimClient) -> None:
    assert sim.step2(numero_aziendale="").one("[data-error=required-numero_aziendale]") is not None
    sim.submit({}, button="annulla")
    sim.set_defects("business_number_defaults_to_first_line")
    assert sim.step2(numero_aziendale="").name == "registration-otp"
    sim.submit({}, button="annulla")
    assert sim.step2(nome="").one("[data-error=required-nome]") is not None  # the others stay required


def test_active_line_refused(sim: SimClient) -> None:
    assert sim.step2().name == "registration-otp"
    sim.submit({}, button="annulla")
    sim.set_defects("active_line_refused")
    assert sim.step2().one("[data-error=sim-not-active]") is not None
    sim.submit({}, button="annulla")
    declared = sim.sim_number("declared_sim")
    assert sim.step2(numero_aziendale=declared).name == "registration-otp"  # declared lines still pass


def test_declared_sim_refused(sim: SimClient) -> None:
    declared = sim.sim_number("declared_sim")
    assert sim.step2(numero_aziendale=declared).name == "registration-otp"
    sim.submit({}, button="annulla")
    sim.set_defects("declared_sim_refused")
    assert sim.step2(numero_aziendale=declared).one("[data-error=sim-not-active]") is not None
    sim.submit({}, button="annulla")
    assert sim.step2().name == "registration-otp"  # active SIMs still pass


def test_accepts_sim_outside_convention(sim: SimClient) -> None:
    outside = sim.sim_number("non_convention_sim")
    assert sim.step2(numero_aziendale=outside).one("[data-error=sim-outside-convention]") is not None
    sim.submit({}, button="annulla")
    sim.set_defects("accepts_sim_outside_convention")
    assert sim.step2(numero_aziendale=outside).name == "registration-otp"
    sim.submit({}, button="annulla")
    assert sim.step2(numero_aziendale="3999999999").name == "registration-step2"  # unknown numbers stay out


def test_accepts_other_entity_sim(sim: SimClient) -> None:
    other = sim.sim_number("other_entity_sim")
    assert sim.step2(numero_aziendale=other).name == "registration-step2"
    sim.submit({}, button="annulla")
    sim.set_defects("accepts_other_entity_sim")
    assert sim.step2(numero_aziendale=other).name == "registration-otp"
