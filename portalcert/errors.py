"""Errors the CLI turns into a one-line message and exit code 2."""

from __future__ import annotations


class ConfigError(Exception):
    """A target, page map or data set is wrong. The message names the file, key and line."""

    def __init__(self, source: str, key: str, message: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")
        self.source = source
        self.key = key
        self.line = line


class TargetUnreachable(Exception):
    """The portal under test did not answer before the run started."""
