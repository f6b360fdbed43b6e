"""A document is a package: the generic harness and simulator core import none, and none imports another.

That is what lets a new document be added by adding its folder, without touching generic code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from portalcert import registry

ROOT = Path(__file__).resolve().parents[2]
GENERIC = ("portalcert", "simulator")


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


@pytest.mark.parametrize("package", GENERIC)
def test_generic_code_imports_no_document(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in python_files(ROOT / package)
        for module in imported_modules(path)
        # `documents` itself is the folder both discover packages in; a document is `documents.<name>`,
        # a baseline profile `profiles.<name>`.
        if module.startswith(("documents.", "profiles."))
    ]
    assert offenders == []


def test_no_document_imports_another() -> None:
    packages = {spec.root.name for spec in registry.all_documents().values()}
    assert packages, "no document package found"
    offenders = []
    for name in packages:
        for path in python_files(ROOT / "documents" / name):
            for module in imported_modules(path):
                parts = module.split(".")
                if parts[0] == "documents" and len(parts) > 1 and parts[1] != name:
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_no_profile_imports_a_document() -> None:
    """A profile reaches a document only through what the document declares (DocumentSpec.profiles)."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in python_files(ROOT / "profiles")
        for module in imported_modules(path)
        if module.startswith("documents.")
    ]
    assert offenders == []


def test_every_document_package_is_complete() -> None:
    """What docs/adding-a-document.md asks of a package, checked for each one found."""
    for spec in registry.all_documents().values():
        # A profile has no portal of its own: no page map, no data set (docs/profiles.md).
        assert spec.root.parent == ROOT / ("profiles" if spec.profile else "documents")
        assert list(spec.features.glob("*.feature")), f"{spec.id}: no feature files"
        assert list((spec.root / "steps").glob("*.py")), f"{spec.id}: no step modules"
        assert (spec.root / "environment.py").is_file(), f"{spec.id}: no environment.py"
        if not spec.profile:
            assert spec.reference_pagemap.is_file() and spec.reference_dataset.is_file(), spec.id
