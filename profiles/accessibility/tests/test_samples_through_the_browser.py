"""Every document that opts in, through the browser, kept to one run of a few scenarios (each walks every
documented flow of the document, six to eighteen pages): the four defects the issue names (a picture
without a text alternative, low contrast, a field without a name, a control only a mouse reaches), on
its portal, each fail exactly the scenarios they declare, naming page, element and axe-core's message
or the control; axe-core's part of 2.1.1 passes. `make sensitivity-browser` measures every
accessibility defect of every portal alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import registry
from portalcert.engines.browser_install import find

from .sample_runs import PROFILE, SAMPLED, run_sample, sample_of

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("accessibility"),
    pytest.mark.skipif(find() is None, reason="no Chromium: `make browser` installs one"),
]

OPTING_IN = sorted(doc for doc, spec in registry.all_documents().items() if PROFILE in spec.profiles)


@pytest.mark.parametrize("document", OPTING_IN)
def test_each_defect_named_in_the_issue_fails_exactly_its_scenario(tmp_path: Path, document: str) -> None:
    sample = sample_of(document)
    assert len(sample) == len(SAMPLED), f"{document}'s portal lacks a sampled defect: {sample}"
    run_sample(tmp_path, document, sample)
