"""HTML report: self-contained, complete (every rule, quote, status), escaped, accessible basics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from portalcert.report import render_html, write_html
from portalcert.report.html_report import evidence_kind, format_duration, format_when, headline, local_href
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status
from tests.report.sample_run import (
    CM6_05_EVIDENCE,
    KNOWN_DEVIATION_REASON,
    OUT_OF_SCOPE_REASON,
    STALE_DECLARATION_REASON,
)

CM6 = "tim-convenzione-mobile-6"
STALE_WARNING = "declared as an expected failure but now passes: remove it from the expected-failures file"

URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "poster",
    "data",
    "xlink:href",
    "background",
)


def soup_of(run: RunResult) -> BeautifulSoup:
    return BeautifulSoup(render_html(run), "html.parser")


def rule_item(soup: BeautifulSoup, doc_id: str, rule_id: str) -> Tag:
    item = soup.find("li", id=f"{doc_id}--{rule_id}")
    assert isinstance(item, Tag), rule_id
    return item


def test_self_contained(run: RunResult) -> None:
    page = render_html(run)
    soup = BeautifulSoup(page, "html.parser")
    for tag in soup.find_all(True):
        for attr in URL_ATTRIBUTES:
            value = tag.get(attr)
            if value is None:
                continue
            value = " ".join(value) if isinstance(value, list) else value
            assert not re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", value, re.I), f"<{tag.name} {attr}={value!r}>"
    assert not soup.find("link"), "no <link> of any kind (stylesheets, icons, preload)"
    assert all(not s.get("src") for s in soup.find_all("script"))
    assert not soup.find(["iframe", "object", "embed", "video", "audio"])
    # images are evidence thumbnails only: a relative file of the report folder (checked above), lazy
    images = soup.find_all("img")
    assert images, "the sample has screenshots"
    for img in images:
        assert img["loading"] == "lazy"
        assert isinstance(img.parent, Tag) and img.parent.name == "a" and img.parent["href"] == img["src"]
    for style in soup.find_all("style"):
        assert "url(" not in style.text and "@import" not in style.text and "@font-face" not in style.text
    assert soup.find("style") is not None  # the CSS is inline


def test_every_rule_quote_and_status(run: RunResult) -> None:
    soup = soup_of(run)
    for doc in run.documents:
        section = soup.find("section", id=f"doc-{doc.id}")
        assert isinstance(section, Tag)
        assert doc.title in section.get_text()
        for rule in doc.rules:
            item = rule_item(soup, doc.id, rule.id)
            assert item["data-status"] == rule.status.value
            text = item.get_text(" ")
            assert rule.id in text and rule.title in text
            badge = item.find(class_="badge")
            assert isinstance(badge, Tag) and badge.get_text() == rule.status.value  # status in words
            quote = item.find("blockquote")
            assert isinstance(quote, Tag)
            assert quote["lang"] == doc.language
            assert rule.quote in quote.get_text()


def test_italian_accents_survive(run: RunResult) -> None:
    page = render_html(run)
    assert "è ora attiva in Convenzione Mobile 6" in page
    assert "già in tuo possesso" in page
    assert '<meta charset="utf-8">' in page


def test_rules_without_scenarios_appear(run: RunResult) -> None:
    soup = soup_of(run)
    not_covered = rule_item(soup, "tim-convenzione-mobile-6", "CM6-29")
    assert not_covered["data-status"] == "NOT_COVERED"
    assert "No scenario covers this rule" in not_covered.get_text()
    assert not_covered.find("details") is None
    review = rule_item(soup, "tim-convenzione-mobile-6", "CM6-30")
    assert review["data-status"] == "REVIEW"
    assert "Browser support cannot be shown" in review.get_text()


def test_failing_and_broken_open_by_default(run: RunResult) -> None:
    soup = soup_of(run)
    for doc in run.documents:
        for rule in doc.rules:
            details = rule_item(soup, doc.id, rule.id).find("details")
            if not rule.scenarios:
                continue
            assert isinstance(details, Tag)
            assert details.has_attr("open") == (rule.status in (Status.FAIL, Status.BROKEN)), rule.id


def test_scenario_details(run: RunResult) -> None:
    soup = soup_of(run)
    item = rule_item(soup, "tim-convenzione-mobile-6", "CM6-05")
    text = item.get_text(" ")
    assert "An entity outside the Convention is refused at step 1" in text
    assert 'Then the portal refuses the identifier with "Ente non in Convenzione"' in text
    assert "Journal: GET /registrazione" in text  # the full message, not only its headline
    assert "1.87 s" in text
    assert "registration.feature:38" in text.replace(" ", "")
    links = [a["href"] for a in item.find_all("a")]
    assert links == CM6_05_EVIDENCE
    summary = item.find("summary")
    assert isinstance(summary, Tag) and "(1 FAIL, 1 PASS)" in summary.get_text()


def _hostile_run() -> RunResult:
    evil = '<script>alert("x")</script>'
    rule = RuleResult(
        "X-1",
        f"title {evil}",
        f"quote {evil}",
        scenarios=[
            ScenarioResult(
                f"scenario {evil}",
                Status.FAIL,
                message=f"portal answered {evil} & more",
                failed_step=evil,
                evidence=["javascript:alert(1)", "https://evil.example/x.png", "/etc/passwd", "ok/shot.png"],
            )
        ],
    )
    doc = DocumentResult("doc", f"doc {evil}", "it", "x.txt", rules=[rule])
    return RunResult(f"target {evil}", "http://x", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc])


def test_escaping() -> None:
    page = render_html(_hostile_run())
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    soup = BeautifulSoup(page, "html.parser")
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text  # only the filter script
    hrefs = [a["href"] for a in soup.find_all("a") if a["href"] != "#documents"]
    assert hrefs == ["ok/shot.png"]  # absolute and scheme links are shown as text, never linked
    assert "https://evil.example/x.png" in soup.get_text()
    assert [img["src"] for img in soup.find_all("img")] == ["ok/shot.png"]  # never an image from outside
    img = soup.find("img")
    assert isinstance(img, Tag) and img["alt"] == 'Screenshot: scenario <script>alert("x")</script>'


def test_verdict_and_header(run: RunResult) -> None:
    soup = soup_of(run)
    header = soup.find("header", class_="run")
    assert isinstance(header, Tag)
    text = header.get_text(" ")
    expected = ["simulator", "http://127.0.0.1:5000", "playwright", "2025-06-03 09:14:05 UTC", "3 min 7 s"]
    for fact in [*expected, "Verdict: Non-compliant"]:
        assert fact in text
    counts = run.summary()
    rows = _status_counts(header)
    assert rows == {s.value: counts[s.value] for s in Status}


def test_filter_buttons_hidden_without_js(run: RunResult) -> None:
    bar = soup_of(run).find(id="filters")
    assert isinstance(bar, Tag) and bar.has_attr("hidden")


def test_write_html(run: RunResult, tmp_path: Path) -> None:
    path = tmp_path / "r" / "compliance.html"
    write_html(run, path)
    assert path.read_text(encoding="utf-8") == render_html(run)


def test_status_colours_have_contrast() -> None:
    css = (Path(__file__).resolve().parents[2] / "portalcert/report/templates/compliance.html.j2").read_text()
    colours = dict(re.findall(r"--(fail|broken|review|not-applicable|pass): (#[0-9a-f]{6})", css))
    assert len(colours) == 5

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for name, colour in colours.items():
        assert 1.05 / (luminance(colour) + 0.05) >= 4.5, f"white on {name} {colour}"
    assert len(set(colours.values())) == 5  # distinct colours


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0.00 s"), (1.874, "1.87 s"), (42.4, "42 s"), (187.456, "3 min 7 s")]
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_helpers() -> None:
    assert format_when("2025-06-03T09:14:05+02:00") == "2025-06-03 09:14:05 +02:00"
    assert format_when("not a date") == "not a date"
    assert headline("first\nsecond") == "first …"
    assert len(headline("word " * 200)) < 250
    assert local_href("evidence/a b#1.png") == "evidence/a%20b%231.png"
    assert local_href("evidence\\CM6-05\\shot.png") == "evidence/CM6-05/shot.png"
    assert local_href("C:\\x") is None and local_href("//host/x") is None and local_href("") is None


def _status_counts(root: Tag) -> dict[str, int]:
    """The header's counts table: status badge -> number of scenarios."""
    counts: dict[str, int] = {}
    for row in root.select("table.counts tbody tr"):
        badge, number = row.select_one(".badge"), row.select_one(".n")
        assert badge is not None and number is not None
        counts[badge.get_text()] = int(number.get_text())
    return counts


def _markers(item: Tag) -> list[str]:
    return [m.get_text(" ", strip=True) for m in item.select(".rule-head .marker")]


def test_known_deviation_marker(run: RunResult) -> None:
    soup = soup_of(run)
    item = rule_item(soup, CM6, "CM6-17")
    assert item["data-status"] == "FAIL"
    assert _markers(item) == ["known deviation"]
    note = item.find(class_="expected")
    assert isinstance(note, Tag)
    assert KNOWN_DEVIATION_REASON in note.get_text() and "does not make the run fail" in note.get_text()
    # an undeclared FAIL gets no marker and no note
    undeclared = rule_item(soup, CM6, "CM6-05")
    assert _markers(undeclared) == [] and undeclared.find(class_="expected") is None
    # the header explains that the FAIL count includes it
    fail_row = soup.select_one("table.counts tbody tr")
    assert isinstance(fail_row, Tag)
    assert "1 of them is a known deviation the target declared" in fail_row.get_text(" ", strip=True)


def test_stale_declaration_warning(run: RunResult) -> None:
    soup = soup_of(run)
    item = rule_item(soup, CM6, "CM6-16")
    assert item["data-status"] == "PASS"
    assert _markers(item) == ["expected failure now passes"]
    warning = item.find(class_="warning")
    assert isinstance(warning, Tag)
    assert STALE_WARNING in warning.get_text() and STALE_DECLARATION_REASON in warning.get_text()
    assert item.find(class_="expected") is None  # not presented as a deviation any more
    header = soup.find("p", class_="stale-declarations")
    assert isinstance(header, Tag) and "remove it from the expected-failures file" in header.get_text()
    assert [a["href"] for a in header.find_all("a")] == [f"#{CM6}--CM6-16"]  # a link to the rule itself
    assert soup.find(id=f"{CM6}--CM6-16") is not None


def test_out_of_scope_reason(run: RunResult) -> None:
    soup = soup_of(run)
    item = rule_item(soup, CM6, "CM6-33")
    assert item["data-status"] == "NOT_APPLICABLE"
    assert _markers(item) == ["out of scope"]
    note = item.find(class_="out-of-scope")
    assert isinstance(note, Tag) and note.get_text(" ", strip=True) == f"Out of scope: {OUT_OF_SCOPE_REASON}"
    # NOT_APPLICABLE for another reason (the target lacks the feature) is not called out of scope
    other = rule_item(soup, CM6, "CM6-11")
    assert other["data-status"] == "NOT_APPLICABLE"
    assert _markers(other) == [] and other.find(class_="out-of-scope") is None
    assert "Not applicable: the target declares no audio captcha" in other.get_text(" ", strip=True)


def test_markers_only_where_declared(run: RunResult) -> None:
    soup = soup_of(run)
    marked = {
        rule.id: _markers(rule_item(soup, doc.id, rule.id))
        for doc in run.documents
        for rule in doc.rules
        if _markers(rule_item(soup, doc.id, rule.id))
    }
    assert marked == {
        "CM6-16": ["expected failure now passes"],
        "CM6-17": ["known deviation"],
        "CM6-33": ["out of scope"],
    }
    assert len(soup.select(".rule .warning")) == 1


def test_no_deviation_text_without_declarations(run: RunResult) -> None:
    for rule in run.rules():
        rule.expected_failure = ""
        rule.out_of_scope = ""
    soup = soup_of(run)
    text = soup.get_text(" ")
    assert "known deviation" not in text.lower()
    assert "expected failure" not in text.lower() and "expected-failures" not in text
    assert "Out of scope" not in text
    assert not soup.select(".marker, .warning, .expected")


def test_declared_but_broken_is_neither() -> None:
    rule = RuleResult(
        "X-1",
        "t",
        "q",
        expected_failure="vendor CR-9",
        scenarios=[ScenarioResult("s", Status.BROKEN, message="locator matched nothing")],
    )
    doc = DocumentResult("d", "D", "it", "x.txt", rules=[rule])
    soup = soup_of(RunResult("t", "http://x", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc]))
    item = rule_item(soup, "d", "X-1")
    assert _markers(item) == []
    note = item.find(class_="expected")
    assert isinstance(note, Tag) and note.get_text(" ", strip=True) == "Declared deviation: vendor CR-9"
    assert soup.find(class_="stale-declarations") is None


def test_declared_broken_is_a_known_deviation() -> None:
    rule = RuleResult(
        "X-1",
        "t",
        "q",
        expected_failure="no clock on staging",
        expected_status=Status.BROKEN,
        scenarios=[ScenarioResult("s", Status.BROKEN, message="the target has no clock")],
    )
    doc = DocumentResult("d", "D", "it", "x.txt", rules=[rule])
    soup = soup_of(RunResult("t", "http://x", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc]))
    item = rule_item(soup, "d", "X-1")
    assert _markers(item) == ["known deviation"]
    note = item.find(class_="expected")
    assert (
        isinstance(note, Tag) and "reported as BROKEN, but it does not make the run fail" in note.get_text()
    )
    rows = {row.get_text(" ", strip=True).split(" ")[0]: row for row in soup.select("table.counts tbody tr")}
    assert "1 of them is a known deviation" in rows["BROKEN"].get_text(" ", strip=True)
    assert "known deviation" not in rows["FAIL"].get_text(" ", strip=True)


def test_screenshot_thumbnail(run: RunResult) -> None:
    item = rule_item(soup_of(run), CM6, "CM6-05")
    images = item.find_all("img")
    assert len(images) == 1
    img = images[0]
    assert img["src"] == "evidence/registration-38-entity-outside/screenshot.png"
    assert img["loading"] == "lazy"
    assert img["alt"] == "Screenshot: An entity outside the Convention is refused at step 1"
    link = img.parent
    assert isinstance(link, Tag) and link.name == "a" and link["href"] == img["src"]
    assert "screenshot.png" in link.get_text()  # the file name is still written out
    # the other evidence files are plain links, no image
    for a in item.find_all("a"):
        href = a["href"]
        assert isinstance(href, str)
        assert (a.find("img") is not None) == href.endswith(".png")


def test_playwright_trace_label_and_hint(run: RunResult) -> None:
    item = rule_item(soup_of(run), CM6, "CM6-05")
    trace = item.find("li", class_="trace")
    assert isinstance(trace, Tag)
    link = trace.find("a")
    assert isinstance(link, Tag)
    assert link.get_text() == "Playwright trace" and link["href"] == CM6_05_EVIDENCE[3]
    hint = trace.find(class_="hint")
    assert isinstance(hint, Tag)
    text = hint.get_text(" ", strip=True)
    assert f"playwright show-trace {CM6_05_EVIDENCE[3]}" in text and "trace.playwright.dev" in text
    assert not hint.find("a")  # named, never linked: the page points nowhere outside itself
    assert len(item.find_all(class_="trace")) == 1  # only the trace gets the label
    page_link = item.find("a", href=CM6_05_EVIDENCE[0])
    assert isinstance(page_link, Tag) and page_link.get_text() == CM6_05_EVIDENCE[0]


def test_trace_hint_quotes_odd_paths() -> None:
    scenario = ScenarioResult("s", Status.FAIL, evidence=["evidence/a b/trace.zip"])
    doc = DocumentResult("d", "D", "it", "x.txt", rules=[RuleResult("X-1", "t", "q", scenarios=[scenario])])
    soup = soup_of(RunResult("t", "http://x", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc]))
    hint = soup.find(class_="hint")
    assert isinstance(hint, Tag) and "playwright show-trace 'evidence/a b/trace.zip'" in hint.get_text()
    link = soup.find("li", class_="trace")
    assert isinstance(link, Tag) and link.a is not None and link.a["href"] == "evidence/a%20b/trace.zip"


def test_only_declared_deviations_fail() -> None:
    rules = [
        RuleResult("X-1", "t", "q", expected_failure="CR-1", scenarios=[ScenarioResult("s", Status.FAIL)]),
        RuleResult("X-2", "t", "q", scenarios=[ScenarioResult("s", Status.PASS)]),
    ]
    doc = DocumentResult("d", "D", "it", "x.txt", rules=rules)
    run = RunResult("t", "http://x", "http", "2025-01-01T00:00:00Z", 1.0, documents=[doc])
    soup = soup_of(run)
    verdict = soup.find(class_="verdict")
    assert isinstance(verdict, Tag) and "verdict-deviations" in verdict["class"]
    assert "Compliant except declared deviations" in verdict.get_text()
    style = soup.find("style")
    assert isinstance(style, Tag) and ".verdict-deviations {" in style.text  # the key has its own style
    rows = _status_counts(soup)
    assert rows[Status.FAIL.value] == 1 and rows[Status.PASS.value] == 1  # still reported as FAIL


def test_header_base_url_is_redacted(run: RunResult) -> None:
    run.base_url = "https://cert:s3cret@portal.example/self-care?apikey=s3cret"
    page = render_html(run)
    assert "s3cret" not in page
    header = BeautifulSoup(page, "html.parser").find("header", class_="run")
    assert isinstance(header, Tag)
    assert "https://cert@portal.example/self-care?apikey=***" in header.get_text()


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("evidence/x/screenshot.png", "image"),
        ("evidence/x/SHOT.JPG", "image"),
        ("evidence\\x\\step.webp", "image"),
        ("evidence/x/drawing.svg", "file"),  # never inlined
        ("evidence/x/trace.zip", "trace"),
        ("evidence/x/login.trace.zip", "trace"),
        ("evidence/x/page.html", "file"),
        ("evidence/x/journal.txt", "file"),
        ("evidence/png/archive.zip", "file"),
    ],
)
def test_evidence_kind(path: str, kind: str) -> None:
    assert evidence_kind(path) == kind
