"""`portalcert report cucumber|allure` on bad input: exit 2, one line naming what is wrong, no page left."""

from __future__ import annotations

from pathlib import Path

from ..suite_runs import portalcert


def test_a_folder_without_messages_or_results_is_named(tmp_path: Path) -> None:
    cucumber = portalcert("report", "cucumber", "--from", str(tmp_path))
    assert cucumber.returncode == 2
    assert f"{tmp_path / 'cucumber-messages.ndjson'}: no such file" in cucumber.stderr
    allure = portalcert("report", "allure", "--from", str(tmp_path))
    assert allure.returncode == 2
    assert f"{tmp_path / 'allure-results'}: no Allure result files" in allure.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_message_that_is_not_json_is_named_by_its_line_and_no_page_is_left(tmp_path: Path) -> None:
    messages = tmp_path / "cucumber-messages.ndjson"
    messages.write_text(
        '{"testRunStarted": {"timestamp": {"seconds": 1, "nanos": 0}}}\n{"oops\n', encoding="utf-8"
    )
    done = portalcert("report", "cucumber", "--from", str(tmp_path))
    assert done.returncode == 2
    assert (
        "the Cucumber HTML formatter failed" in done.stderr
        and f"{messages}:2: not a JSON message" in done.stderr
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cucumber-messages.ndjson"]


def test_missing_npm_tools_say_how_to_install_them(tmp_path: Path) -> None:
    (tmp_path / "cucumber-messages.ndjson").write_text("\n", encoding="utf-8")
    env = {"PORTALCERT_NODE_MODULES": str(tmp_path / "node_modules")}
    done = portalcert("report", "cucumber", "--from", str(tmp_path), env=env)
    assert done.returncode == 2
    assert f"{tmp_path / 'node_modules'}: no node_modules; run `make setup`" in done.stderr
