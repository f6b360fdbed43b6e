"""The public area and the way into the registration (CM6-01 to CM6-04)."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "public_contacts_mistyped",
        "CM6-01",
        "the public area shows mistyped contacts (800.673.637, 800.000.190, a .com mailbox)",
        kills=(
            "CM6-01: The Convenzione mailbox is published in the public area",
            "CM6-01: The fax toll-free number is published in the public area",
            "CM6-01: The voice toll-free number is published in the public area",
        ),
    ),
    Defect(
        "bottom_band_missing_on_entry_pages",
        "CM6-02",
        "the home, registration start and login pages have no bottom band",
        kills=(
            "CM6-02: The login page has the three bands",
            "CM6-02: The public area has the three bands",
            "CM6-02: The registration has the three bands",
        ),
    ),
    Defect(
        "bottom_band_missing_on_recovery_pages",
        "CM6-02",
        "the password and username recovery pages have no bottom band",
        kills=(
            "CM6-02: The password recovery page has the three bands",
            "CM6-02: The username recovery page has the three bands",
        ),
    ),
    Defect(
        "registration_links_to_home",
        "CM6-04",
        '"Registrati Ora" and the top-menu "Registrati" lead back to the public home',
        kills=(
            'CM6-04: Registration starts from the "Registrati Ora" link in the REGISTRATI box',
            'CM6-04: Registration starts from the "Registrati" link in the top menu',
        ),
    ),
)
