"""Defects of who reaches what: the main admin, the declaration form, business users' permissions."""

from __future__ import annotations

from simulator.defects import Defect

_ADMIN_ROWS = (
    "Számlák",
    "Előfizetések",
    "Rendelések",
    "Felhasználók kezelése",
    "Felhasználói jogok beállítása",
)
_DECLARATION = "MTH-03: The declaration sets up admin@<cégnév> and notifies the address on the form"
_RIGHTS_SETTING = 'MTH-13: A function withheld in "Felhasználói jogok beállítása" is closed to the number'
_CREATED_USER = "MTH-04: A business user the main admin creates signs in as <felhasználónév>@<cégnév>"
_GRANTED = ("Számlák", "Előfizetések", "Rendelések")


def _user_row(holding: str, function: str, outcome: str) -> str:
    return f"MTH-04: A business user {holding} the {function} permission types its address: {outcome}"


DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mth_main_admin_rights_from_permission_list",
        "MTH-02",
        "the main admin's access is read from the permission list of further users, which is empty for it",
        kills=tuple(f"MTH-02: The main admin reaches {function} from the menu" for function in _ADMIN_ROWS),
        breaks=(  # their Given or When walks through the main admin's functions
            "MTH-06: Each new business user gets a temporary password of their own by e-mail",
            _RIGHTS_SETTING,
            _CREATED_USER,
        ),
    ),
    Defect(
        "mth_declaration_notice_to_company_address",
        "MTH-03",
        "the main admin's notice goes to the company's contract e-mail address, not the one on the form",
        kills=(_DECLARATION,),
    ),
    Defect(
        "mth_declaration_admin_id_is_company_name",
        "MTH-03",
        "the declaration sets up the main admin with the company name alone as login id, without admin@",
        kills=(_DECLARATION,),
    ),
    Defect(
        "mth_new_user_login_id_without_company",
        "MTH-04",
        "Felhasználók kezelése creates further users with the bare <felhasználónév> as login id",
        kills=(_CREATED_USER,),
    ),
    Defect(
        "mth_business_users_refused_every_function",
        "MTH-04",
        "function pages let in the main admin only: business users are refused what they were granted",
        kills=tuple(_user_row("with", f, f"sees {f}") for f in _GRANTED),
    ),
    Defect(
        "mth_function_pages_skip_permission_check",
        "MTH-04",
        "function pages check only that someone is signed in: the permissions just hide menu items",
        kills=tuple(
            _user_row("without", f, "is refused for lacking the permission")
            for f in (*_GRANTED, "Felhasználók kezelése", "Felhasználói jogok beállítása")
        ),
    ),
)
