"""The page-map contract of each document is what a run really looks up, and the docs show it."""

from __future__ import annotations

from portalcert import pagemap_contract, pagemap_tools

from .suite_runs import portalcert

CM6 = "tim-convenzione-mobile-6"


def test_the_committed_contract_is_what_a_run_on_the_simulator_looks_up() -> None:
    done = portalcert("pagemap", "contract", "--document", CM6)
    assert done.returncode == 0, done.stderr[-3000:]
    path = pagemap_contract.contract_path(CM6)
    assert path is not None
    assert done.stdout == path.read_text(encoding="utf-8"), (
        f"{path} is stale: run `portalcert pagemap contract --document {CM6} --write`"
    )


def test_the_reference_tables_in_the_docs_are_generated_from_the_contract() -> None:
    path = pagemap_contract.contract_path(CM6)
    assert path is not None
    tables = pagemap_contract.markdown(pagemap_contract.load(path))
    text = pagemap_tools.REFERENCE_DOC.read_text(encoding="utf-8")
    start, stop = pagemap_tools.reference_section(CM6, text)
    assert text[start:stop] == tables, (
        f"run `portalcert pagemap reference --document {CM6} --write` to update {pagemap_tools.REFERENCE_DOC}"
    )
