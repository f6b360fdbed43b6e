"""Target files and page maps: valid ones load, wrong ones name the file, key and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from portalcert import target
from portalcert.errors import ConfigError

SIMULATOR = target.BUILTIN_DIR / "simulator.yaml"


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = SIMULATOR.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in the bundled target"
    variant = tmp_path / "target.yaml"
    variant.write_text(
        text.replace(old, new)
        .replace(
            "pagemap: simulator/pagemap.yaml", f"pagemap: {target.BUILTIN_DIR / 'simulator' / 'pagemap.yaml'}"
        )
        .replace(
            "data: ../fixtures/cm6.json", f"data: {target.BUILTIN_DIR.parent / 'fixtures' / 'cm6.json'}"
        ),
        encoding="utf-8",
    )
    return variant


def test_bundled_simulator_target_loads() -> None:
    loaded = target.load("simulator")
    assert loaded.embedded
    assert loaded.documents == ("tim-convenzione-mobile-6",)
    assert "registration_step1" in loaded.pagemap.pages
    assert loaded.data.user("user").username
    assert loaded.has_clock


def test_missing_file_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"missing\.yaml: file not found"):
        target.load("missing.yaml")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("engine: http", "engine: telnet", r"target\.yaml:\d+: engine: unknown engine 'telnet'"),
        (
            "base_url: embedded",
            "base_url: ftp://portal",
            r"target\.yaml:\d+: base_url: expected an http\(s\) URL",
        ),
        (
            "documents: [tim-convenzione-mobile-6]",
            "documents: [tim-cm7]",
            r"documents\[0\]: unknown document 'tim-cm7'",
        ),
        ("name: portalcert", "nmae: portalcert", r"target\.yaml:\d+: nmae: unknown key"),
        ("  wait_seconds: 2", "  wait_seconds: soon", r"messages\.wait_seconds: expected a number"),
        (
            '    username: "username è: ([A-Za-z0-9]+)"',
            '    username: "username è: [A-Z"',
            r"patterns\.username: not a valid",
        ),
        (
            '    username: "username è: ([A-Za-z0-9]+)"',
            '    username: "username è"',
            r"exactly one capturing group",
        ),
    ],
)
def test_bad_key_is_named_with_its_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        target.load(str(write_variant(tmp_path, old, new)))


def test_line_number_points_at_the_bad_key(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "engine: http", "engine: telnet")
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("engine:"))
    with pytest.raises(ConfigError) as caught:
        target.load(str(path))
    assert caught.value.line == line
    assert caught.value.key == "engine"


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("schema: portalcert-target/1\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.yaml:\d+: not valid YAML"):
        target.load(str(path))


def test_secrets_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_variant(tmp_path, "test_value: portalcert-captcha-bypass", "test_value: ${PC_TEST_CAPTCHA}")
    monkeypatch.setenv("PC_TEST_CAPTCHA", "s3cret")
    assert target.load(str(path)).captcha_test_value == "s3cret"
    monkeypatch.delenv("PC_TEST_CAPTCHA")
    with pytest.raises(ConfigError, match="PC_TEST_CAPTCHA is not set"):
        target.load(str(path))


def test_page_map_bad_key_is_named(tmp_path: Path) -> None:
    pagemap = tmp_path / "pagemap.yaml"
    text = (target.BUILTIN_DIR / "simulator" / "pagemap.yaml").read_text(encoding="utf-8")
    pagemap.write_text(
        text.replace('    recognise: "[data-page=login]"', '    recognize: "[data-page=login]"')
    )
    path = write_variant(tmp_path, "pagemap: simulator/pagemap.yaml", f"pagemap: {pagemap}")
    with pytest.raises(ConfigError, match=r"pagemap\.yaml:\d+: pages\.login\.recognize: unknown key"):
        target.load(str(path))


def test_data_set_with_dangling_role_is_refused(tmp_path: Path) -> None:
    fixtures = json.loads((target.BUILTIN_DIR.parent / "fixtures" / "cm6.json").read_text(encoding="utf-8"))
    fixtures["accounts"]["user"] = "usr-404"
    data = tmp_path / "data.json"
    data.write_text(json.dumps(fixtures), encoding="utf-8")
    path = write_variant(tmp_path, "data: ../fixtures/cm6.json", f"data: {data}")
    with pytest.raises(ConfigError, match=r"data\.json: invalid data set: .*usr-404"):
        target.load(str(path))


def test_data_set_with_an_invalid_fiscal_code_is_refused(tmp_path: Path) -> None:
    fixtures = json.loads((target.BUILTIN_DIR.parent / "fixtures" / "cm6.json").read_text(encoding="utf-8"))
    fixtures["entities"][0]["partita_iva"] = "01234567890"
    data = tmp_path / "data.json"
    data.write_text(json.dumps(fixtures), encoding="utf-8")
    path = write_variant(tmp_path, "data: ../fixtures/cm6.json", f"data: {data}")
    with pytest.raises(ConfigError, match=r"invalid data set: .*01234567890"):
        target.load(str(path))
