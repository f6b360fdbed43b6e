"""Checks of `portalcert` command-line values that argparse cannot make itself."""

from __future__ import annotations

import argparse
import os

from portalcert.errors import ConfigError


def check_tags(tags: str) -> None:
    if not tags:
        return
    from behave.tag_expression import make_tag_expression

    try:
        make_tag_expression(tags)
    except Exception as exc:  # behave raises several parser error types
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError("--tags", "", f"not a valid tag expression: {tags!r} ({reason})") from None


def workers(text: str) -> int:
    if text == "auto":
        return os.cpu_count() or 1
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers (1, 2, ... or auto)")
    return int(text)


def port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a TCP port (0-65535; 0 picks a free one)")
    return port
