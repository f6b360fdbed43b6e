"""`${NAME}` references in target files: secrets stay in the environment, out of files and reports."""

from __future__ import annotations

import os
import re

from portalcert.yamlsource import Node

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_env(node: Node) -> str:
    """The node's text with every `${NAME}` replaced; an unset variable is an error naming key and line."""
    text = node.string(required=False)

    def substitute(match: re.Match[str]) -> str:
        value = os.environ.get(match.group(1))
        if value is None:
            raise node.fail(f"environment variable {match.group(1)} is not set")
        return value

    return _ENV_REF.sub(substitute, text)
