"""`portalcert bundle`: a report folder, the feature files that ran and the target, in one zip.

Layout (the report keeps its own layout at the top, so compliance.html's evidence links work unzipped):

    manifest.json  manifest.sig              what is inside, and its signature (with --sign)
    compliance.json  compliance.html  junit/portalcert.xml  evidence/...
    cucumber-messages.ndjson  locators.json  when the run wrote them
    features/<document id>/<path>.feature    each document's feature files, as they ran
    target/<target file>                     the target file, secrets redacted
    target/<document id>/<page map>  target/<document id>/<data set>   (the data set redacted)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from portalcert import provenance
from portalcert.bundle import archive, redaction, signing
from portalcert.bundle.manifest import build_manifest, manifest_bytes
from portalcert.errors import ConfigError

REPORT_FILES = ("compliance.json", "compliance.html", "junit/portalcert.xml")
# Rewritten by every run that writes them, so never left over from an earlier run: packed when present.
# locators.json: which page-map entries the run saw match, the ground of its absence checks.
OPTIONAL_REPORT_FILES = ("cucumber-messages.ndjson", "locators.json")
EVIDENCE = "evidence"


def read_report(folder: Path) -> dict[str, Any]:
    path = folder / "compliance.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            str(folder), "", "no compliance.json: not a report folder (`portalcert run --out`)"
        ) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(str(path), "", f"unreadable: {exc}") from None
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("portalcert-compliance/"):
        raise ConfigError(str(path), "schema", "not a portalcert compliance report")
    return data


def report_files(folder: Path, report: dict[str, Any]) -> dict[str, bytes]:
    """The reports and the evidence the report names: a reused --out folder still holds evidence of
    earlier runs, which is not this run's and stays out."""
    files: dict[str, bytes] = {}
    named = sorted(
        {
            str(item)
            for doc in report.get("documents", [])
            for rule in doc.get("rules", [])
            for scenario in rule.get("scenarios", [])
            for item in scenario.get("evidence", [])
        }
    )
    unsafe = [name for name in named if not archive.safe_name(name) or not name.startswith(f"{EVIDENCE}/")]
    if unsafe:
        raise ConfigError(
            str(folder / "compliance.json"), "evidence", f"not in evidence/: {', '.join(unsafe)}"
        )
    missing = [name for name in named if not (folder / name).is_file()]
    if missing:
        raise ConfigError(str(folder), "evidence", f"named by the report but missing: {', '.join(missing)}")
    present = [name for name in OPTIONAL_REPORT_FILES if (folder / name).is_file()]
    for name in [*REPORT_FILES, *present, *named]:
        try:
            files[name] = (folder / name).read_bytes()
        except OSError as exc:
            raise ConfigError(
                str(folder / name), "", f"the report folder lacks it ({exc.strerror})"
            ) from None
    return files


def feature_files(report: dict[str, Any]) -> tuple[dict[str, bytes], dict[str, str]]:
    """The feature files of the report's documents (archive name -> bytes), and each document's digest,
    refusing a document whose feature files changed since the run."""
    files: dict[str, bytes] = {}
    digests: dict[str, str] = {}
    for doc in report.get("documents", []):
        doc_id = str(doc.get("id", ""))
        recorded = str(doc.get("features_sha256", ""))
        if not recorded:
            raise ConfigError(
                "compliance.json",
                f"documents.{doc_id}",
                "no features_sha256 (an older portalcert wrote it): run again",
            )
        current = provenance.feature_files(doc_id)
        digest = provenance.tree_digest(current)
        if digest != recorded:
            raise ConfigError(
                f"documents {doc_id}",
                "features",
                f"the feature files changed since the run (run: {recorded[:12]}, now: {digest[:12]}): "
                "bundle from the checkout that ran, or run again",
            )
        files.update({f"features/{doc_id}/{name}": data for name, data in current.items()})
        digests[doc_id] = digest
    return files, digests


def _redacted(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return redaction.redact_json(text).encode("utf-8")
    if path.suffix in (".yaml", ".yml"):
        return redaction.redact_yaml(text).encode("utf-8")
    raise ConfigError(str(path), "", "a data set must be .json, .yaml or .yml to be redacted")


def target_files(report: dict[str, Any], target_option: str | None) -> dict[str, bytes]:
    """The target file and each document's page map and data set, secrets redacted; refused when they
    are not the files the run read."""
    from portalcert import target

    recorded = report.get("target", {})
    name = target_option or str(recorded.get("file", ""))
    if not name:
        raise ConfigError(
            "compliance.json", "target.file", "the report does not name its target file: pass --target"
        )
    loaded = target.load(name, check_contracts=False)
    documents = [str(doc["id"]) for doc in report.get("documents", [])]
    digest = provenance.target_digest(loaded, documents)
    if digest != recorded.get("sha256"):
        raise ConfigError(
            str(loaded.source),
            "",
            "the target file, a page map or a data set is not what the run read "
            f"(run: {str(recorded.get('sha256'))[:12] or 'not recorded'}, now: {digest[:12]})",
        )
    # page maps name no secrets and are kept byte for byte; the target file and data sets are redacted
    return {
        source.name: source.path.read_bytes() if source.kind == "pagemap" else _redacted(source.path)
        for source in provenance.target_sources(loaded, documents)
    }


def bundle(out: Path, folder: Path, *, key_path: Path | None, target_option: str | None) -> dict[str, Any]:
    """Write the bundle of the report in `folder` to `out`; returns its manifest."""
    key = signing.load_private(key_path) if key_path else None  # a bad key fails before any work
    report = read_report(folder)
    features, digests = feature_files(report)
    files = {**report_files(folder, report), **features, **target_files(report, target_option)}
    manifest = build_manifest(report, files, digests)
    content = manifest_bytes(manifest)
    files[archive.MANIFEST] = content
    if key is not None:
        files[archive.SIGNATURE] = signing.sign(key, content).to_json().encode("utf-8")
    archive.write(out, files)
    return manifest
