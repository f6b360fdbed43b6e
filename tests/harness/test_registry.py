"""The document registry: packages found by looking, unknown ids named, locations shown from the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from portalcert import registry
from portalcert.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def test_documents_are_found_in_the_documents_package() -> None:
    spec = registry.get("tim-convenzione-mobile-6")
    assert spec.root == ROOT / "documents" / "tim_convenzione_mobile6"
    assert registry.of_rule("CM6-17") is spec
    assert registry.of_rule("XYZ-01") is None


def test_an_unknown_document_is_a_configuration_error_naming_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown document 'tim-cm7' \(known: [^)]*tim-convenzione"):
        registry.get("tim-cm7")


def test_locations_are_shown_from_the_project_wherever_the_run_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = ROOT / "documents" / "tim_convenzione_mobile6" / "features" / "login.feature"
    monkeypatch.chdir(tmp_path)
    relative = os.path.relpath(feature, tmp_path)
    shown = "documents/tim_convenzione_mobile6/features/login.feature:12"
    assert registry.display_location(f"{relative}:12") == shown
    assert registry.display_location(f"{feature}:12") == shown
    assert registry.display_location("/elsewhere/x.feature:3") == "/elsewhere/x.feature:3"
    assert registry.display_location("no line") == "no line"


def test_a_run_has_a_unit_per_document_and_per_document_a_profile_is_judged_on() -> None:
    from portalcert import runner

    assert runner.units(["tim-convenzione-mobile-6", "security-baseline"]) == [
        "tim-convenzione-mobile-6",
        "security-baseline@tim-convenzione-mobile-6",
    ]
    assert runner.units(["security-baseline"]) == ["security-baseline"]
    assert runner.units(["tim-mybusiness", "security-baseline"]) == [
        "tim-mybusiness",
        "security-baseline@tim-mybusiness",
    ]
