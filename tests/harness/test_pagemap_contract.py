"""Loading a target checks its page map against the contracts of its documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import pagemap, pagemap_contract, target
from portalcert.errors import ConfigError
from portalcert.locator_ledger import Lookups
from portalcert.pagemap_contract import Contract

from ..suite_runs import simulator_variant

PAGE_MAP = """schema: portalcert-pagemap/1
common:
  actions: { continue: "#go" }
pages:
  login:
    recognise: "#login"
    fields: { username: "#user", email: "#mail", nickname: "#nick" }
  menu:
    recognise: "#menu"
    actions: { open_login: "#to-login", help: "#help" }
    path: [menu.open_login]
"""

CONTRACT = Contract(
    "doc",
    {
        "X-01": Lookups(pages={"login"}, fields={"login": {"username"}}, actions={"login": {"continue"}}),
        "X-02": Lookups(open={"login"}, read={"common": {"error"}}),
        "X-03": Lookups(pages={"otp"}, fields={"otp": {"code"}}),
        "X-04": Lookups(fields={"login": {"username"}}, fillable={"login": {"username", "email", "vat"}}),
    },
)


@pytest.fixture
def page_map(tmp_path: Path) -> pagemap.PageMap:
    (tmp_path / "pagemap.yaml").write_text(PAGE_MAP, encoding="utf-8")
    return pagemap.load(tmp_path / "pagemap.yaml")


def test_names_found_on_the_page_or_under_common_are_met(page_map: pagemap.PageMap) -> None:
    assert pagemap_contract.missing(page_map, CONTRACT, lambda rule: rule == "X-01") == {}


def test_each_missing_name_lists_the_rules_in_scope_that_use_it(page_map: pagemap.PageMap) -> None:
    assert pagemap_contract.missing(page_map, CONTRACT, lambda rule: True) == {
        "pages.login.url": ["X-02"],
        "common.read.error": ["X-02"],
        "pages.otp": ["X-03"],  # a missing page is reported once, not with each of its names
    }
    assert pagemap_contract.missing(page_map, CONTRACT, lambda rule: rule != "X-02") == {
        "pages.otp": ["X-03"]
    }


def test_fields_only_offered_to_a_form_are_not_needed(page_map: pagemap.PageMap) -> None:
    # X-04 offers `vat` to the login form: a page map without it is fine, the portal does not ask it.
    assert pagemap_contract.missing(page_map, CONTRACT, lambda rule: rule == "X-04") == {}


def test_mapped_names_no_rule_knows_are_reported(page_map: pagemap.PageMap) -> None:
    # `email` is offered (fillable), `continue` used, `menu.open_login` pressed by a path: all known.
    assert pagemap_contract.unknown_names(page_map, CONTRACT) == [
        "pages.login.fields.nickname",
        "pages.menu.actions.help",
    ]


def test_a_contract_survives_writing_and_reading(tmp_path: Path) -> None:
    path = tmp_path / "contract.yaml"
    path.write_text(pagemap_contract.dump(CONTRACT), encoding="utf-8")
    assert pagemap_contract.load(path).rules == CONTRACT.rules


def test_a_target_missing_a_name_its_rules_use_does_not_load(tmp_path: Path) -> None:
    path = simulator_variant(tmp_path, {"common.read.progress_current": None})
    with pytest.raises(ConfigError) as raised:
        target.load(str(path))
    assert raised.value.key == "common.read.progress_current"
    assert "not in the page map; used by CM6-07" in str(raised.value)


def test_rules_outside_the_targets_scope_do_not_count(tmp_path: Path) -> None:
    path = simulator_variant(tmp_path, {"common.read.progress_current": None}, extra="rules: [CM6-17]\n")
    assert target.load(str(path)).rules == ("CM6-17",)


def test_a_profiles_rules_need_their_names_only_while_the_profile_is_in_scope(tmp_path: Path) -> None:
    # CM6's private home is opened by its address only by the security baseline's session rules.
    edits: dict[str, str | None] = {"pages.private_home.url": None}
    without_profile = target.load(str(simulator_variant(tmp_path / "without", edits)))
    assert without_profile.profiles == ()
    assert not without_profile.needs_names_of("SEC-09") and without_profile.needs_names_of("CM6-07")
    with_profile = simulator_variant(tmp_path / "with", edits)
    text = with_profile.read_text(encoding="utf-8")
    with_profile.write_text(text.replace("documents:\n", "documents:\n  security-baseline: reference\n", 1))
    with pytest.raises(ConfigError) as raised:
        target.load(str(with_profile))
    assert raised.value.key == "pages.private_home.url"
    assert "not in the page map; used by SEC-08, SEC-09, SEC-15" in str(raised.value)


ROUTED = Contract(
    "doc", {"X-05": Lookups(pages={"login"}, routes={"login": ["menu.open_login", "common.continue"]})}
)


def test_a_route_is_needed_unless_the_page_has_a_path(tmp_path: Path, page_map: pagemap.PageMap) -> None:
    assert pagemap_contract.missing(page_map, ROUTED, lambda rule: True) == {}
    without_menu = PAGE_MAP.replace("  menu:\n", "  old_menu:\n").replace(
        "[menu.open_login]", "[old_menu.help]"
    )
    (tmp_path / "other.yaml").write_text(without_menu, encoding="utf-8")
    assert pagemap_contract.missing(pagemap.load(tmp_path / "other.yaml"), ROUTED, lambda rule: True) == {
        "pages.menu.actions.open_login (or pages.login.path)": ["X-05"]
    }
    with_path = without_menu.replace(
        'fields: { username: "#user"', 'path: [old_menu.help]\n    fields: { username: "#user"'
    )
    (tmp_path / "path.yaml").write_text(with_path, encoding="utf-8")
    assert pagemap_contract.missing(pagemap.load(tmp_path / "path.yaml"), ROUTED, lambda rule: True) == {}


def test_routes_and_fillable_names_survive_writing_and_reading(tmp_path: Path) -> None:
    path = tmp_path / "contract.yaml"
    path.write_text(pagemap_contract.dump(ROUTED), encoding="utf-8")
    assert pagemap_contract.load(path).rules == ROUTED.rules
