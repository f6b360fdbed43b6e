"""The bundle's zip: written whole or not at all, read back refusing names that could escape a folder."""

from __future__ import annotations

import os
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from portalcert.errors import ConfigError

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the same files always make the same zip


def write(path: Path, files: dict[str, bytes]) -> None:
    """`files` (archive name -> bytes) into the zip at `path`, manifest first; an existing file at
    `path` is replaced only once the new zip is complete."""
    order = sorted(files, key=lambda name: (name not in (MANIFEST, SIGNATURE), name))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise ConfigError(str(path), "", f"cannot write the bundle: {exc.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, files[name])
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ConfigError(str(path), "", f"cannot write the bundle: {exc.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ArchiveProblem(Exception):
    """The zip cannot be read as a bundle at all (not a zip, unsafe or repeated names)."""


def safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def read(path: Path) -> dict[str, bytes]:
    """Every file of the zip by name. Raises ArchiveProblem naming what is wrong."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = [info for info in archive.infolist() if not info.is_dir()]
            names = [info.filename for info in entries]
            repeated = sorted({name for name in names if names.count(name) > 1})
            if repeated:
                raise ArchiveProblem(f"file stored more than once: {', '.join(repeated)}")
            unsafe = [name for name in names if not safe_name(name)]
            if unsafe:
                raise ArchiveProblem(f"unsafe file name: {', '.join(unsafe)}")
            return {info.filename: archive.read(info) for info in entries}
    except FileNotFoundError:
        raise ArchiveProblem(f"{path}: no such file") from None
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise ArchiveProblem(f"{path}: not a readable zip ({exc})") from None
