"""The myBusiness data set: companies, contracts, lines, sedi, invoices and users by business role.

`portalcert fixtures generate --document tim-mybusiness` writes the simulator's reference set with
:func:`generate`; :func:`validate` checks any set, a vendor's included.
"""

from __future__ import annotations

from .generate import SCHEMA, generate
from .validate import validate

__all__ = ["SCHEMA", "generate", "validate"]
