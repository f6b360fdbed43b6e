"""`portalcert verify`: every file against the manifest's digest, each document's feature files against
its digest, nothing missing or added, and the signature (against a given public key with --key)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portalcert import provenance
from portalcert.bundle import archive, signing
from portalcert.bundle.manifest import SCHEMA


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)  # each names a file or the signature
    notes: list[str] = field(default_factory=list)  # what was checked, for the person reading
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _manifest(files: dict[str, bytes], outcome: Outcome) -> dict[str, Any] | None:
    if archive.MANIFEST not in files:
        outcome.problems.append(f"missing file: {archive.MANIFEST} (not a portalcert bundle)")
        return None
    try:
        data = json.loads(files[archive.MANIFEST])
    except ValueError as exc:
        outcome.problems.append(f"changed file: {archive.MANIFEST} is not JSON ({exc})")
        return None
    if not isinstance(data, dict) or not _well_formed(data):
        outcome.problems.append(f"changed file: {archive.MANIFEST} is not a {SCHEMA} manifest")
        return None
    return data


def _well_formed(data: dict[str, Any]) -> bool:
    if data.get("schema") != SCHEMA:
        return False
    files, documents = data.get("files"), data.get("documents")
    return (
        isinstance(files, dict)
        and all(isinstance(digest, str) for digest in files.values())
        and isinstance(documents, list)
        and all(isinstance(doc, dict) and isinstance(doc.get("id"), str) for doc in documents)
    )


def _check_files(files: dict[str, bytes], listed: dict[str, str], outcome: Outcome) -> None:
    present = set(files) - {archive.MANIFEST, archive.SIGNATURE}
    for name in sorted(set(listed) - present):
        outcome.problems.append(f"missing file: {name}")
    for name in sorted(present - set(listed)):
        outcome.problems.append(f"added file: {name} (not in the manifest)")
    for name in sorted(present & set(listed)):
        found = provenance.sha256_bytes(files[name])
        if found != listed[name]:
            outcome.problems.append(
                f"changed file: {name} (sha256 {found[:12]}, manifest {str(listed[name])[:12]})"
            )


def _check_features(files: dict[str, bytes], manifest: dict[str, Any], outcome: Outcome) -> None:
    for doc in manifest.get("documents", []):
        doc_id = doc.get("id", "")
        prefix = f"features/{doc_id}/"
        bundled = {name[len(prefix) :]: data for name, data in files.items() if name.startswith(prefix)}
        digest = provenance.tree_digest(bundled)
        if digest != doc.get("features_sha256"):
            outcome.problems.append(
                f"feature files of {doc_id} do not match their digest "
                f"({digest[:12]}, manifest {str(doc.get('features_sha256'))[:12]})"
            )


def _check_signature(files: dict[str, bytes], key_path: Path | None, outcome: Outcome) -> None:
    if archive.SIGNATURE not in files:
        if key_path is not None:
            outcome.problems.append(f"signature: the bundle is not signed ({archive.SIGNATURE} missing)")
        else:
            outcome.notes.append("not signed")
        return
    try:
        signature = signing.Signature.from_json(files[archive.SIGNATURE])
    except ValueError as exc:
        outcome.problems.append(f"signature: {archive.SIGNATURE} {exc}")
        return
    if not signing.holds(signature, files[archive.MANIFEST]):
        outcome.problems.append(
            f"signature: does not match {archive.MANIFEST} (the manifest or signature changed)"
        )
        return
    signer = signing.fingerprint(signature.public_key)
    if key_path is None:
        outcome.notes.append(f"signed by key {signer} (not checked against a trusted key: pass --key)")
        return
    expected = signing.load_public(key_path)
    if expected != signature.public_key:
        outcome.problems.append(
            f"signature: signed by key {signer}, not by {key_path} ({signing.fingerprint(expected)})"
        )
    else:
        outcome.notes.append(f"signature valid, by {key_path} ({signer})")


def verify(path: Path, key_path: Path | None) -> Outcome:
    """Raises archive.ArchiveProblem when `path` cannot be read as a zip; ConfigError for a bad key file."""
    if key_path is not None:
        signing.load_public(key_path)  # an unreadable key is a usage error, before any verdict
    files = archive.read(path)
    outcome = Outcome()
    manifest = _manifest(files, outcome)
    if manifest is None:
        return outcome
    outcome.manifest = manifest
    _check_files(files, manifest["files"], outcome)
    _check_features(files, manifest, outcome)
    _check_signature(files, key_path, outcome)
    outcome.notes.insert(0, f"{len(manifest['files'])} files checked against their SHA-256")
    return outcome
