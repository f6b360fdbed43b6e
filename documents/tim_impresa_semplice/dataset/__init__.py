"""TIM Impresa Semplice's data set: companies, contracts, lines, Referenti and employees by business role.

`portalcert fixtures generate --document tim-impresa-semplice` writes the simulator's reference set with
:func:`generate`; :func:`validate` checks any set, a vendor's included (reference/README.md).
"""

from __future__ import annotations

from .generate import SCHEMA, generate
from .validate import validate

__all__ = ["SCHEMA", "generate", "validate"]
