"""manifest.json: what a bundle holds and where its verdict came from (schema ``portalcert-bundle/1``)."""

from __future__ import annotations

import json
from typing import Any

import portalcert
from portalcert import provenance

SCHEMA = "portalcert-bundle/1"


def build_manifest(
    report: dict[str, Any], files: dict[str, bytes], digests: dict[str, str]
) -> dict[str, Any]:
    """`report`: the run's compliance.json; `files`: every file of the bundle but the manifest and
    signature; `digests`: each document's feature-file digest."""
    tool = report.get("tool", {})
    target = report.get("target", {})
    return {
        "schema": SCHEMA,
        "portalcert": {"version": tool.get("version", ""), "commit": tool.get("commit", "")},
        "bundled_by": {"version": portalcert.__version__, "commit": provenance.commit()},
        "run": {
            "target": target.get("name", ""),
            "base_url": target.get("base_url", ""),
            "engine": target.get("engine", ""),
            "browser": target.get("browser", ""),
            "started_at": report.get("started_at", ""),
            "finished_at": report.get("finished_at", ""),
            "interrupted": report.get("interrupted", False),
            "verdict": report.get("verdict", {}),
            "summary": report.get("summary", {}),
        },
        "documents": [
            {
                "id": doc_id,
                "features_sha256": digest,
                "features": sorted(name for name in files if name.startswith(f"features/{doc_id}/")),
            }
            for doc_id, digest in digests.items()
        ],
        "files": {name: provenance.sha256_bytes(files[name]) for name in sorted(files)},
    }


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
