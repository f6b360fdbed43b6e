"""Rewrite a bundle with one change, as someone editing it after it was made would."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path


def entries(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite(bundle: Path, out: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    files = entries(bundle)
    change(files)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out


def flip_one_byte(data: bytes, at: int | None = None) -> bytes:
    """`data` with the byte at `at` (default: the middle) changed."""
    index = len(data) // 2 if at is None else at
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]
