"""The Cucumber and Allure pages of a real run, opened in headless Chromium with no network: their counts
are the compliance report's (issue 16, must-show 3); a BROKEN scenario is broken in Allure, not failed;
rules sit under their document; the environment names target, engine and version."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from ..suite_runs import SuiteRun, portalcert
from .runs import expected_cucumber_counts, scenario_statuses

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("dashboards")]
CHROMIUM = Path("/usr/lib/chromium/chromium")
ALLURE_STATUS = {"PASS": "passed", "FAIL": "failed", "BROKEN": "broken", "NOT_APPLICABLE": "skipped"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def browser_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page that may load files only: any request to the network is refused and recorded."""
    outside: list[str] = []

    def offline(route: Route) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context = browser.new_context()
    page = context.new_page()
    page.route("**/*", offline)
    yield page, outside
    context.close()


@pytest.fixture(scope="module")
def allure_page(defect_run: SuiteRun) -> Path:
    return _render(defect_run, "allure")


def _render(run: SuiteRun, kind: str) -> Path:
    done = portalcert("report", kind, "--from", str(run.out_dir))
    assert done.returncode == 0, done.stderr[-3000:]
    page = run.out_dir / f"{kind}.html"
    assert done.stdout.strip() == f"report: {page}"
    return page


def test_the_cucumber_page_counts_what_the_compliance_report_counts(
    defect_run: SuiteRun, browser_page: tuple[Page, list[str]]
) -> None:
    page, _ = browser_page
    page.goto(_render(defect_run, "cucumber").as_uri())
    page.get_by_role("heading", name="Scenarios").wait_for()
    shown = {
        str(item.get_attribute("data-status")): int(item.locator("strong").inner_text())
        for item in page.locator("label [data-status]").all()
    }
    assert Counter(shown) == expected_cucumber_counts(defect_run.report)
    ran = [status for status in scenario_statuses(defect_run.report).values() if status != "NOT_COVERED"]
    passed = ran.count("PASS")
    assert page.get_by_text(f"({passed} / {len(ran)}) passed").is_visible()
    assert page.get_by_text("@rule:CM6-17").first.is_visible()  # rule ids are tags


def test_the_allure_page_counts_broken_apart_from_failed(
    defect_run: SuiteRun, allure_page: Path, browser_page: tuple[Page, list[str]]
) -> None:
    page, outside = browser_page
    page.goto(allure_page.as_uri())
    page.get_by_test_id("metadata-item-total").wait_for()
    statuses = Counter(scenario_statuses(defect_run.report).values())
    expected = {ALLURE_STATUS[status]: count for status, count in statuses.items() if status in ALLURE_STATUS}
    assert expected["broken"] and expected["failed"]
    shown = {}
    for name in ["total", *expected]:
        item = page.get_by_test_id(f"metadata-item-{name}")
        shown[name] = int(item.get_by_test_id("metadata-value").inner_text())
    assert shown == {"total": sum(expected.values()), **expected}
    assert all("googletagmanager" in url for url in outside), outside  # only Allure's analytics is refused


def test_the_allure_tree_puts_rules_under_their_document_and_names_the_run(
    defect_run: SuiteRun, allure_page: Path, browser_page: tuple[Page, list[str]]
) -> None:
    page, _ = browser_page
    page.goto(allure_page.as_uri())
    page.get_by_test_id("metadata-item-total").wait_for()
    for document in defect_run.report["documents"]:
        title = page.get_by_test_id("tree-section-title").filter(has_text=f"({document['id']})")
        section = title.locator("xpath=ancestor::*[@data-testid='tree-section'][1]/..")
        under = set(section.get_by_test_id("tree-section-title").all_inner_texts()) - {title.inner_text()}
        ran = [rule for rule in document["rules"] if rule["scenarios"]]
        assert under == {f"{rule['id']} {rule['title']}" for rule in ran}
    metadata = {
        item.get_by_test_id("metadata-item-key").inner_text(): item.get_by_test_id(
            "metadata-item-value"
        ).inner_text()
        for item in page.get_by_test_id("metadata-item").all()
    }
    report = defect_run.report
    assert metadata["target"] == report["target"]["name"]
    assert metadata["engine"] == report["target"]["engine"]
    assert metadata["portalcert.version"] == report["tool"]["version"]
    executor = f"{report['target']['name']} on the {report['target']['engine']} engine"
    assert executor in page.locator("body").inner_text()
