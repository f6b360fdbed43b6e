"""Nominations (MYB-06, MYB-11) and the holding referent (MYB-09)."""

from __future__ import annotations

from simulator.defects import Defect

DEFECTS: tuple[Defect, ...] = (
    Defect(
        "master_profile_saved_first",
        "MYB-06",
        "the nominee's profile is saved before the register's insert, whose refusal is ignored",
        kills=("MYB-06: A second Referente Master for the same contract is refused",),
    ),
    Defect(
        "master_uniqueness_per_company",
        "MYB-06",
        '"one Referente Master" is checked per company instead of per mobile contract',
        kills=("MYB-06: A contract without a Referente Master gets one",),
    ),
    Defect(
        "administrator_profile_saved_first",
        "MYB-11",
        "the Amministratore's profile is saved before the register's insert, whose refusal is ignored",
        kills=("MYB-11: A second Amministratore for the company's fixed lines is refused",),
    ),
    Defect(
        "administrator_check_ignores_company",
        "MYB-11",
        "the existing-Amministratore check lost its company filter: any company's Amministratore counts",
        kills=("MYB-11: The Titolare of a company without an Amministratore nominates one",),
    ),
    Defect(
        "holding_limited_to_own_company",
        "MYB-09",
        "the holding referent sees only the company they registered with",
        kills=("MYB-09: The holding referent sees the lines of every company of the group",),
    ),
    Defect(
        "holding_group_filter_ignored",
        "MYB-09",
        "the holding referent sees every company's lines, in a group or not",
        kills=("MYB-09: The holding referent does not see a company outside the group",),
    ),
)
