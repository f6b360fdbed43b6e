"""The rule catalogue read from the feature files: ids, quotes, review reasons, coverage."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import cast

import pytest

from portalcert import catalog, registry
from portalcert.errors import ConfigError

FEATURES = [path for doc in registry.all_documents().values() for path in catalog.feature_files(doc)]

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "004_7603f61f2d84d1c6.txt"


@pytest.fixture(scope="module")
def cm6() -> catalog.Catalogue:
    return catalog.load(["tim-convenzione-mobile-6"])


def test_cm6_has_at_least_15_rules_with_unique_ids(cm6: catalog.Catalogue) -> None:
    ids = [rule.id for rule in cm6.rules]
    assert len(ids) >= 15
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"CM6-\d{2}", rule_id) for rule_id in ids)


def test_every_rule_quotes_the_italian_document(cm6: catalog.Catalogue) -> None:
    if not SEED.exists():
        pytest.skip("shared/seeds not present beside the checkout")
    text = SEED.read_text(encoding="utf-8").replace("**", "").replace("*", "")
    source = normalise(re.sub(r"(?m)^\s*- ", "", text))  # list bullets are joined in the quotes
    missing = []
    for rule in cm6.rules:
        for fragment in re.split(r"\s*\[\.\.\.\]\s*|\s*…\s*|► ", rule.quote):
            fragment = fragment.strip(" .:")
            if len(fragment) > 12:
                words = normalise(fragment)
                if words not in source:
                    missing.append(f"{rule.id}: {words!r}")
    assert not missing, "quotes not found in the document:\n" + "\n".join(missing)


def normalise(text: str) -> str:
    """Typographic apostrophes and spacing differ between the seed and the feature files."""
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def test_rules_without_scenarios_are_review_rules(cm6: catalog.Catalogue) -> None:
    for rule in cm6.rules:
        if not rule.scenarios:
            assert rule.review_reason, f"{rule.id} has no scenario and no review reason"


def test_review_rules_carry_their_reason(cm6: catalog.Catalogue) -> None:
    reviews = {rule.id: rule.review_reason for rule in cm6.rules if "review" in rule.tags}
    assert "CM6-03" in reviews and "CM6-11" in reviews
    assert all(len(reason) > 20 for reason in reviews.values())


def test_split_description_separates_quote_and_review() -> None:
    quote, review = catalog.split_description(
        ["«Prima frase.» note", "«Seconda»", "Review: a person judges."]
    )
    assert quote == "Prima frase. … Seconda"
    assert review == "a person judges."


def test_a_rule_without_id_tag_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "features"
    folder.mkdir()
    (folder / "x.feature").write_text(
        "@doc:tim-convenzione-mobile-6\nFeature: X\n"
        "  Rule: untagged\n    «testo»\n    Scenario: s\n      Given x\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="has no @rule:<ID> tag"):
        catalog.load_specs([dataclasses.replace(registry.get("tim-convenzione-mobile-6"), root=tmp_path)])


def test_feature_files_speak_business_not_ui() -> None:
    """No selectors, URLs or clicks in feature files (they are read by product owners)."""
    forbidden = re.compile(
        r"(css|xpath|selector|data-testid|https?://|localhost|click|button#|\[name=)", re.I
    )
    for path in FEATURES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip().startswith(("«", "(")) or "«" in line:
                continue  # quotes of the source document may mention clicks ("clicca")
            assert not forbidden.search(line), (
                f"{path.name}:{number}: UI detail in a feature file: {line.strip()}"
            )


def test_feature_files_parse_with_the_official_gherkin_parser() -> None:
    """behave is lenient; the Cucumber grammar is what other tools (IDEs, Allure, CI plugins) use."""
    from gherkin.parser import Parser
    from gherkin.parser_types import Rule
    from gherkin.token_scanner import TokenScanner

    for path in FEATURES:
        document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
        # gherkin types a feature's children as an empty TypedDict; each holds one of background/scenario/rule
        children = cast(list[dict[str, Rule]], document["feature"]["children"])
        rules = [child["rule"] for child in children if "rule" in child]
        assert rules, f"{path.name} has no Rule: blocks"
        assert all(any(tag["name"].startswith("@rule:") for tag in rule["tags"]) for rule in rules), path.name


def test_a_profile_rule_is_catalogued_once_per_document_of_the_run_that_opts_in() -> None:
    alone = catalog.load(["security-baseline"])
    judged = catalog.load(["tim-convenzione-mobile-6", "security-baseline"])
    profile = [rule for rule in judged.rules if rule.document == "security-baseline"]
    assert {rule.id for rule in alone.rules} == {rule.rule_id for rule in profile}
    assert all(rule.subject == "" for rule in alone.rules), "alone, it is judged on no document"
    assert all(rule.id == f"{rule.rule_id}@CM6" for rule in profile)
    assert {rule.subject for rule in profile} == {"tim-convenzione-mobile-6"}
    assert {rule.unit for rule in profile} == {"security-baseline@tim-convenzione-mobile-6"}
    own = [rule for rule in judged.rules if rule.document == "tim-convenzione-mobile-6"]
    assert all(rule.id == rule.rule_id and rule.unit == rule.document for rule in own)
