"""The Telekom business data set: companies, business users and mobile numbers by business role.

`portalcert fixtures generate --document telekom-hu-business-login` writes the simulator's reference set
with :func:`generate`; :func:`validate` checks any set, a vendor's included (see reference/README.md).
"""

from __future__ import annotations

from .generate import SCHEMA, generate
from .validate import validate

__all__ = ["SCHEMA", "generate", "validate"]
