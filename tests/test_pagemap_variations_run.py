"""Page-map variations in a real run of CM6 on the simulator: a `path` of clicks replaces the document's
route to Dati personali, and an interstitial is passed on the way (issue 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .simulator_target import PAGEMAP
from .simulator_target import write as write_target
from .suite_runs import portalcert, run_suite


def _variant(folder: Path, *, with_path: bool) -> Path:
    """The simulator's page map without the document's intermediate pages of CM6-26's route."""
    pagemap: dict[str, Any] = yaml.safe_load(PAGEMAP.read_text(encoding="utf-8"))
    pages = pagemap["pages"]
    update_link = pages.pop("administration")["actions"]["update_your_data"]
    intermediate = pages.pop("update_your_data")
    if with_path:
        pagemap["common"]["actions"]["update_your_data"] = update_link
        pages["personal_data"]["path"] = ["private_home.administration_menu", "common.update_your_data"]
        # The simulator has no interstitial page of its own: "Aggiorna i tuoi dati", which the path
        # stops at, stands in for one, passed by its one link.
        pagemap["interstitials"] = {
            "update_your_data": {
                "recognise": intermediate["recognise"],
                "pass": intermediate["actions"]["personal_data"],
            }
        }
    folder.mkdir(parents=True, exist_ok=True)
    edited = folder / "pagemap.yaml"
    edited.write_text(yaml.safe_dump(pagemap, allow_unicode=True), encoding="utf-8")
    return write_target(folder, f"pagemap: {PAGEMAP}", f"pagemap: {edited}")


def test_a_path_and_an_interstitial_reach_the_page_the_rule_needs(tmp_path: Path) -> None:
    target = _variant(tmp_path / "target", with_path=True)
    run = run_suite(tmp_path / "out", "--target", str(target), "--tags", "@rule:CM6-26", "--evidence", "all")
    assert run.exit_code == 0, run.stderr[-3000:]
    assert run.rule_statuses()["CM6-26"] == "PASS"
    journals = list((tmp_path / "out" / "evidence").glob("*/journal.txt"))
    assert len(journals) == 1
    assert "passed interstitial `update_your_data` at " in journals[0].read_text(encoding="utf-8")


def test_without_a_path_the_documents_route_is_needed(tmp_path: Path) -> None:
    target = _variant(tmp_path / "target", with_path=False)
    done = portalcert("run", "--no-progress", "--target", str(target), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert (
        "pages.administration.actions.update_your_data (or pages.personal_data.path): not in the page map; "
        "used by CM6-26" in done.stderr
    ), done.stderr
