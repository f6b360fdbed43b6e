"""Defects of the login with a phone number and of what a number may reach."""

from __future__ import annotations

from simulator.defects import Defect

_SHOWN = "MTH-11: A number with the {} prefix typed as 9 digits is shown for checking"
_REFUSED = "MTH-11: A number typed as {} is refused"
_COMPANY = "MTH-12: Signed in with a number, the typed address of {} is refused"
_RESTRICTED = "MTH-13: A number whose Egyenleg és forgalom is withheld types the address of {}"

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mth_phone_number_8_digits_accepted",
        "MTH-11",
        "the length check accepts 8 digits (a landline's length) as well as 9",
        kills=(_REFUSED.format("8 digits, the last one left out"),),
    ),
    Defect(
        "mth_phone_number_length_not_capped",
        "MTH-11",
        "the length check accepts any number of digits from 9 up",
        kills=(
            _REFUSED.format("10 digits, a digit added"),
            _REFUSED.format("11 digits with the 06 trunk prefix"),
        ),
    ),
    Defect(
        "mth_phone_number_prefix_not_checked",
        "MTH-11",
        "any 9 digits pass the format check, whatever the prefix",
        kills=(
            _REFUSED.format("9 digits with the VoIP prefix 21"),
            _REFUSED.format("9 digits with the unassigned prefix 60"),
        ),
    ),
    Defect(
        "mth_mobile_prefix_list_outdated",
        "MTH-11",
        "the mobile prefix list knows only 20, 30 and 70: numbers with 31 and 50 are refused",
        kills=(_SHOWN.format("31"), _SHOWN.format("50")),
    ),
    Defect(
        "mth_number_check_page_shows_number_without_prefix",
        "MTH-11",
        "the number shown for checking lacks its prefix",
        kills=(
            *(_SHOWN.format(prefix) for prefix in ("20", "30", "31", "50", "70")),
            'MTH-11: "Kérem az SMS-t" sends the code to the number and Belépek signs in',
        ),
    ),
    Defect(
        "mth_phone_login_code_not_checked",
        "MTH-11",
        "any code signs in with the number once the SMS was asked for",
        kills=("MTH-11: A wrong code does not sign in with the number",),
    ),
    Defect(
        "mth_phone_session_menu_shows_company_functions",
        "MTH-12",
        "the self-service of a phone number also lists the company-level functions",
        kills=("MTH-12: The self-service of a number offers its functions and no company-level function",),
    ),
    Defect(
        "mth_phone_session_reaches_company_pages",
        "MTH-12",
        "company-level pages do not check how the session signed in: a typed address opens them",
        kills=tuple(
            _COMPANY.format(f)
            for f in (
                "Számlák",
                "Előfizetések",
                "Rendelések",
                "Felhasználók kezelése",
                "Felhasználói jogok beállítása",
            )
        ),
    ),
    Defect(
        "mth_number_restrictions_ignored",
        "MTH-13",
        "the functions the main admin withheld from a number stay open to it",
        kills=(
            _RESTRICTED.format("Egyenleg és forgalom"),
            'MTH-13: A function withheld in "Felhasználói jogok beállítása" is closed to the number',
        ),
    ),
    Defect(
        "mth_number_restriction_blocks_every_function",
        "MTH-13",
        "a number with any function withheld is refused every function",
        kills=(_RESTRICTED.format("Szolgáltatások"),),
    ),
    Defect(
        "mth_rights_setting_saves_first_function_only",
        "MTH-13",
        "Felhasználói jogok beállítása saves the setting of the first function only",
        kills=('MTH-13: A function withheld in "Felhasználói jogok beállítása" is closed to the number',),
    ),
)
