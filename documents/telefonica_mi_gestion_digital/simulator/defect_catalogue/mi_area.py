"""Mi Área's first landing: terms of use, access data, the mandatory mobile, its activation (MGD-11..13)."""

from __future__ import annotations

from simulator.defects import Defect

from . import scenarios as S

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "mgd_terms_not_asked",
        "MGD-11",
        "the registration lands in Mi Área's home without asking to accept the terms of use",
        kills=(
            "MGD-11: The security code lands in Mi Área, asking to accept the terms and verify "
            "the access data",
        ),
        breaks=S.LANDED,
    ),
    Defect(
        "mgd_terms_not_required",
        "MGD-11",
        "Mi Área's access data are saved without the terms of use accepted",
        kills=("MGD-11: Mi Área is not entered without accepting the terms of use",),
    ),
    Defect(
        "mgd_mobile_optional",
        "MGD-12",
        "Mi Área's mobile may be left empty",
        kills=("MGD-12: Mi Área with no number as the mobile: refuses the mobile as missing",),
    ),
    Defect(
        "mgd_fixed_number_accepted_as_mobile",
        "MGD-12",
        "Mi Área accepts a fixed number as the mobile",
        kills=(
            "MGD-12: Mi Área with a Spanish fixed number as the mobile: refuses "
            "the mobile as not a national mobile",
        ),
    ),
    Defect(
        "mgd_foreign_mobile_accepted",
        "MGD-12",
        "Mi Área accepts a mobile of any country",
        kills=(
            "MGD-12: Mi Área with a foreign mobile as the mobile: refuses the "
            "mobile as not a national mobile",
        ),
    ),
    Defect(
        "mgd_only_company_mobiles_accepted",
        "MGD-12",
        "Mi Área accepts only the company's own Telefónica mobiles, not any national mobile",
        kills=(S.MGD12_ACCEPTS,),
    ),
    Defect(
        "mgd_changed_mobile_not_activated",
        "MGD-13",
        "a changed mobile counts at once, without a new security code",
        kills=("MGD-13: The new mobile is activated with the code sent to it",),
        breaks=(S.MGD13_WRONG_CODE,),
    ),
    Defect(
        "mgd_activation_asked_for_unchanged_mobile",
        "MGD-13",
        "a new activation code is asked even when the mobile was kept as it was",
        kills=("MGD-13: The mobile kept as it was needs no activation",),
        breaks=(S.MGD14_REGISTRATION,),
    ),
    Defect(
        "mgd_activation_code_not_checked",
        "MGD-13",
        "any activation code activates the new mobile",
        kills=("MGD-13: A wrong activation code does not activate the new mobile",),
    ),
)
