"""The Telekom business portal's defect switches: realistic bugs, each declaring the scenarios it changes.

The code asks `simulator.defects.enabled(name)` only where the behaviour differs. `kills`: the scenarios
it makes FAIL; `breaks`: those it leaves unjudgeable. tests/test_sensitivity.py checks each declaration.
"""

from __future__ import annotations

from simulator.defects import Defect

from . import access, accessibility, login, phone, security

DEFECTS: tuple[Defect, ...] = (
    *login.DEFECTS,
    *access.DEFECTS,
    *phone.DEFECTS,
    *security.DEFECTS,
    *accessibility.DEFECTS,
)
