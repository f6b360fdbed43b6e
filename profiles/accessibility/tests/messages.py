"""What a FAIL of the profile tells a person, per defect measured through the browser (read by
tests/test_sensitivity.py, which measures every accessibility defect of every portal): an axe-core
scenario names the document and flow, the page, the element and axe-core's message; the keyboard
scenario names the flow and the control a keyboard user could not reach with Tab."""

from __future__ import annotations

KEYBOARD = "Each documented flow is completed with the keyboard alone"
SCANNER = "axe-core 4.12.1"  # pinned with axe-playwright-python (pyproject.toml)
UNLABELLED = "label: Form elements must have labels"
MGD_REGISTER = "[telefonica-mi-gestion-digital · register (to the security code)]"

# defect -> what its FAIL messages hold, beyond what every FAIL of the profile names
NAMED = {
    "a11y_picture_without_alt": ("/cm6/recupera-username",),
    "a11y_instructions_low_contrast": ("/cm6/recupera-username",),
    "a11y_email_field_unlabelled": ("/cm6/recupera-username", f"#email — {UNLABELLED}"),
    "a11y_continue_mouse_only": ("action-prosegui",),
    "tis_a11y_email_field_unlabelled": ("/impresa/reinvio-email",),
    "tis_a11y_send_mouse_only": ("action-invia",),
    "myb_a11y_email_field_unlabelled": ("/mybusiness/recupera-username",),
    "myb_a11y_mobile_lines_mouse_only": ("link-telefonia-mobile",),
    "mgd_a11y_email_field_unlabelled": (f"{MGD_REGISTER} /mgd/registro: #email — {UNLABELLED}",),
    "mgd_a11y_continue_mouse_only": (
        MGD_REGISTER,
        "action-continuar",
    ),
    "mth_a11y_number_field_unlabelled": (f"/telekom-hu/belepes/telefonszam: #telefonszam — {UNLABELLED}",),
    "mth_a11y_next_mouse_only": ("sign in with a mobile number", "action-tovabb"),
}


def expected_in(defect: str, key: str, document: str) -> list[str]:
    """What the FAIL message of scenario `key` ("A11Y-14@CM6: ...") that `defect` of `document`'s portal
    caused must hold."""
    named = [f"[{document} · ", *NAMED.get(defect, ())]
    if key.endswith(f": {KEYBOARD}"):
        return [*named, "Tab"]
    return [*named, SCANNER, " — "]  # "element — rule: help (message)"
