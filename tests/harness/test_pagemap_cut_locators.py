"""A locator YAML cut short at an unquoted ` #` is refused when the page map loads, naming key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import pagemap
from portalcert.errors import ConfigError

from ..simulator_target import PAGEMAP

SIGN_IN = '      sign_in: "[data-testid=action-accedi]"\n'  # the login page's comes first


@pytest.mark.parametrize(
    "written",
    [
        '      sign_in: role=button[name="Accedi #1"]\n',  # YAML reads: role=button[name="Accedi
        "      sign_in: form[action=/login #main] button\n",  # YAML reads: form[action=/login
        "      sign_in: form.login > #sign-in\n",  # YAML reads: form.login >
    ],
)
def test_a_locator_cut_by_a_yaml_comment_names_key_line_and_the_cause(tmp_path: Path, written: str) -> None:
    text = PAGEMAP.read_text(encoding="utf-8")
    assert "\n  login:\n" in text[: text.index(SIGN_IN)], "test setup: the login page's sign_in moved"
    path = tmp_path / "pagemap.yaml"
    path.write_text(text.replace(SIGN_IN, written, 1), encoding="utf-8")
    line = text[: text.index(SIGN_IN)].count("\n") + 1
    with pytest.raises(ConfigError) as caught:
        pagemap.load(path)
    assert caught.value.line == line
    assert caught.value.key == "pages.login.actions.sign_in"
    assert "in YAML an unquoted ' #' starts a comment: quote the locator" in str(caught.value)
