"""Target files and page maps: valid ones load, wrong ones name the file, key and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from portalcert import registry, target, target_messages
from portalcert.errors import ConfigError

from .. import simulator_target

CM6, PAGEMAP, DATASET = simulator_target.CM6, simulator_target.PAGEMAP, simulator_target.DATASET


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    return simulator_target.write(tmp_path, old, new)


def reference_data() -> dict[str, Any]:
    """The simulator's data set, to edit one thing in."""
    data: dict[str, Any] = json.loads(DATASET.read_text(encoding="utf-8"))
    return data


def write_data(tmp_path: Path, fixtures: dict[str, Any]) -> Path:
    data = tmp_path / "data.json"
    data.write_text(json.dumps(fixtures), encoding="utf-8")
    return data


def test_bundled_simulator_target_loads() -> None:
    loaded = target.load("simulator")
    assert loaded.embedded
    assert set(loaded.documents) == set(registry.all_documents())  # `documents: all`: every package
    assert "registration_step1" in loaded.binding(CM6).pagemap.pages
    assert loaded.binding(CM6).data.user("user").username
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
            "  tim-convenzione-mobile-6:\n",
            "  tim-cm7:\n",
            r"documents\.tim-cm7: unknown document 'tim-cm7'",
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
    text = PAGEMAP.read_text(encoding="utf-8")
    pagemap.write_text(
        text.replace('    recognise: "[data-page=login]"', '    recognize: "[data-page=login]"')
    )
    path = write_variant(tmp_path, f"pagemap: {PAGEMAP}", f"pagemap: {pagemap}")
    with pytest.raises(ConfigError, match=r"pagemap\.yaml:\d+: pages\.login\.recognize: unknown key"):
        target.load(str(path))


def test_data_set_with_dangling_role_is_refused(tmp_path: Path) -> None:
    fixtures = reference_data()
    fixtures["accounts"]["user"] = "usr-404"
    data = write_data(tmp_path, fixtures)
    path = write_variant(tmp_path, f"data: {DATASET}", f"data: {data}")
    with pytest.raises(ConfigError, match=r"data\.json: invalid data set for the rules in scope:\n.*usr-404"):
        target.load(str(path))


def test_data_set_with_an_invalid_fiscal_code_is_refused(tmp_path: Path) -> None:
    fixtures = reference_data()
    fixtures["entities"][0]["partita_iva"] = "01234567890"
    data = write_data(tmp_path, fixtures)
    path = write_variant(tmp_path, f"data: {DATASET}", f"data: {data}")
    with pytest.raises(ConfigError, match=r"invalid data set for the rules in scope:\n.*01234567890"):
        target.load(str(path))


# --- the sections a vendor's portal needs (browser, sinks, scope, expected failures) ----------

ACME = Path(__file__).resolve().parent.parent / "independent_portal" / "target.yaml"
SINKS = """messages:
  wait_seconds: 3
  sms: { source: webhook, listen: "127.0.0.1:8026", path: /hooks/sms }
  email: { source: smtp, listen: "localhost:2525" }
  patterns:
    login_otp: "codice ([0-9]+)"
control:"""


def test_the_independent_portal_target_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_PORTAL_URL", "http://127.0.0.1:5999")
    acme = target.load(str(ACME))
    assert acme.engine == "browser"
    assert acme.base_url == "http://127.0.0.1:5999"
    assert acme.rules == ("CM6-23", "CM6-24", "CM6-25", "CM6-27", "CM6-28")
    assert acme.in_scope("CM6-24") and not acme.in_scope("CM6-20")
    assert acme.control is None and not acme.has_clock
    assert (acme.messages.sms.source, acme.messages.email.source) == ("webhook", "smtp")
    assert acme.binding(CM6).pagemap.field("login", "username").selector == "label=Nome utente"


def test_sinks_are_configured_per_channel(tmp_path: Path) -> None:
    text = simulator_target.explicit_text()
    start, end = text.index("messages:"), text.index("control:")
    path = write_variant(tmp_path, text[start : end + len("control:")], SINKS)
    messages = target.load(str(path)).messages
    assert messages.sms == target_messages.Channel("webhook", "127.0.0.1", 8026, "/hooks/sms")
    assert messages.email == target_messages.Channel("smtp", "localhost", 2525, "")
    assert not messages.uses_outbox


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("source: webhook", "source: carrier-pigeon", r"messages\.sms\.source: unknown sms source"),
        ("source: smtp", "source: webhook", r"messages\.email\.source: unknown email source"),
        ('listen: "127.0.0.1:8026"', 'listen: "127.0.0.1"', r"messages\.sms\.listen: expected host:port"),
        ('listen: "localhost:2525"', 'listen: "localhost:99999"', r"messages\.email\.listen: expected"),
        ("path: /hooks/sms", "path: hooks", r"messages\.sms\.path: must start with '/'"),
        ("path: /hooks/sms", "paht: /hooks/sms", r"messages\.sms\.paht: unknown key"),
    ],
)
def test_bad_sink_settings_are_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = simulator_target.explicit_text()
    start, end = text.index("messages:"), text.index("control:")
    path = write_variant(tmp_path, text[start : end + len("control:")], SINKS.replace(old, new))
    with pytest.raises(ConfigError, match=message):
        target.load(str(path))


def test_browser_section_and_its_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = "engine: browser\nbrowser:\n  connect: ${PC_GRID}\n  headed: true\n  slow_mo_ms: 250\n"
    path = write_variant(tmp_path, "engine: http\n", browser)
    monkeypatch.setenv("PC_GRID", "ws://grid.example:3000/playwright")
    settings = target.load(str(path)).browser
    assert settings.connect == "ws://grid.example:3000/playwright"
    assert settings.headed and settings.slow_mo_ms == 250 and settings.trace
    bad = write_variant(tmp_path, "engine: http\n", "engine: browser\nbrowser:\n  headless: true\n")
    with pytest.raises(ConfigError, match=r"target\.yaml:\d+: browser\.headless: unknown key"):
        target.load(str(bad))


def test_rules_in_scope_must_look_like_rule_ids(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "engine: http\n", "engine: http\nrules: [CM6-20, cm6 20]\n")
    with pytest.raises(ConfigError, match=r"rules\[1\]: 'cm6 20' is not a rule id"):
        target.load(str(path))


def test_a_locator_typo_is_named_with_its_key(tmp_path: Path) -> None:
    pagemap = tmp_path / "pagemap.yaml"
    text = PAGEMAP.read_text(encoding="utf-8")
    pagemap.write_text(text.replace('username: "input[name=username]"', 'username: "lable=Username"', 1))
    path = write_variant(tmp_path, f"pagemap: {PAGEMAP}", f"pagemap: {pagemap}")
    with pytest.raises(
        ConfigError, match=r"pagemap\.yaml:\d+: pages\.\w+\.fields\.username: invalid locator"
    ):
        target.load(str(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "schema: portalcert-expected-failures/1\nfailures:\n  - rule: CM6-17\n",
            r"expected\.yaml:\d+: failures\[0\]\.reason: is required",
        ),
        (
            "schema: portalcert-expected-failures/1\nfailures:\n  - {rule: CM6 17, reason: x}\n",
            r"failures\[0\]\.rule: 'CM6 17' is not a rule id",
        ),
        (
            "schema: portalcert-expected-failures/1\nfailures:\n"
            "  - {rule: CM6-17, reason: a}\n  - {rule: CM6-17, reason: b}\n",
            r"CM6-17 is declared twice",
        ),
        ("schema: portalcert-expected-failures/2\nfailures: []\n", r"schema: unsupported schema"),
    ],
)
def test_bad_expected_failures_are_named(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "expected.yaml").write_text(content, encoding="utf-8")
    path = write_variant(
        tmp_path, "engine: http\n", f"engine: http\nexpected_failures: {tmp_path / 'expected.yaml'}\n"
    )
    with pytest.raises(ConfigError, match=message):
        target.load(str(path))


def test_a_key_left_empty_is_null_not_a_crash(tmp_path: Path) -> None:
    # `key:` with nothing after it is YAML null: an empty section, or "required" where a value is.
    path = write_variant(tmp_path, "timeouts:\n  request_seconds: 15", "timeouts:\n  request_seconds:")
    assert target.load(str(path)).request_timeout == 15.0
    bad = write_variant(tmp_path, "name: portalcert reference simulator", "name:")
    with pytest.raises(ConfigError, match=r"target\.yaml:\d+: name: is required"):
        target.load(str(bad))


def test_a_vendor_data_set_may_leave_out_roles_its_scope_does_not_use(tmp_path: Path) -> None:
    fixtures = reference_data()
    del fixtures["accounts"]["cm5_user"], fixtures["accounts"]["cm5_user_outside"]
    data = write_data(tmp_path, fixtures)
    path = write_variant(tmp_path, f"data: {DATASET}", f"data: {data}")
    loaded = target.load(str(path)).binding(CM6).data
    assert loaded.user("user").username  # the roles that are there work
    with pytest.raises(ConfigError, match=r"accounts\.cm5_user: this scenario needs the role"):
        loaded.user("cm5_user")  # a scenario asking for one left out is BROKEN, naming it


def test_the_roles_that_are_there_are_still_checked(tmp_path: Path) -> None:
    fixtures = reference_data()
    del fixtures["accounts"]["cm5_user_outside"]
    fixtures["accounts"]["ceased_user"] = fixtures["accounts"]["user"]  # an active SIM, not a ceased one
    data = write_data(tmp_path, fixtures)
    path = write_variant(tmp_path, f"data: {DATASET}", f"data: {data}")
    with pytest.raises(ConfigError, match=r"ceased_user\[0\] = usr-1: business SIM status 'active'"):
        target.load(str(path))


def test_a_run_refuses_only_what_the_rules_in_scope_use(tmp_path: Path) -> None:
    fixtures = reference_data()
    fixtures["accounts"]["ceased_user"] = fixtures["accounts"]["user"][0]  # an active SIM, not a ceased one
    data = write_data(tmp_path, fixtures)
    scoped = simulator_target.write(
        tmp_path, f"data: {DATASET}", f"data: {data}", extra="rules: [CM6-23, CM6-24]"
    )
    assert target.load(str(scoped)).rules == ("CM6-23", "CM6-24")  # ceased_user is CM6-25's only
    refused = simulator_target.write(
        tmp_path, f"data: {DATASET}", f"data: {data}", extra="rules: [CM6-23, CM6-25]"
    )
    with pytest.raises(ConfigError, match=r"ceased_user = usr-1: .*, but CM6-25 needs a user whose line is"):
        target.load(str(refused))


def test_a_profiles_rules_hold_the_data_set_to_their_roles_while_the_profile_is_in_scope(
    tmp_path: Path,
) -> None:
    fixtures = reference_data()
    fixtures["accounts"]["temp_user"] = fixtures["accounts"]["user"]  # a permanent password
    data = write_data(tmp_path, fixtures)
    without_profile = simulator_target.write(
        tmp_path, f"data: {DATASET}", f"data: {data}", extra="rules: [CM6-24, SEC-14]"
    )
    assert target.load(str(without_profile)).profiles == ()  # SEC-14 is not judged: nothing to hold
    text = without_profile.read_text(encoding="utf-8")
    with_profile = tmp_path / "with-profile.yaml"
    with_profile.write_text(text.replace("documents:\n", "documents:\n  security-baseline: reference\n", 1))
    with pytest.raises(ConfigError, match=r"temp_user.*, but SEC-14 needs a user with a temporary password"):
        target.load(str(with_profile))


def test_a_role_no_rule_in_scope_uses_may_be_anything(tmp_path: Path) -> None:
    fixtures = reference_data()
    fixtures["accounts"]["cm5_user"] = "usr-404"
    data = write_data(tmp_path, fixtures)
    path = simulator_target.write(tmp_path, f"data: {DATASET}", f"data: {data}", extra="rules: [CM6-23]")
    loaded = target.load(str(path)).binding(CM6).data
    with pytest.raises(ConfigError, match=r"accounts\.cm5_user: refers to unknown record 'usr-404'"):
        loaded.user("cm5_user")  # only a scenario of CM6-29 would ask, and it is BROKEN naming it


def test_a_target_may_declare_clock_and_reset_absent(tmp_path: Path) -> None:
    extra = 'absent:\n  clock: "the staging clock is the real one"\n  reset: "shared with manual testers"\n'
    declared = target.load(str(simulator_target.write(tmp_path, extra=extra)))
    assert not declared.has_clock and not declared.has_reset  # though its control API has both
    assert (
        declared.absent_reason({"clock"})
        == "the target declares clock absent: the staging clock is the real one"
    )
    assert declared.absent_reason({"declared_sim"}) == ""
    assert declared.accounts_state == Path(".portalcert/state/target.json")
