"""HTML report: self-contained, complete (every rule, quote, status), escaped, accessible basics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from portalcert.report import render_html, write_html
from portalcert.report.html_report import format_duration, format_when, headline, local_href
from portalcert.results import DocumentResult, RuleResult, RunResult, ScenarioResult, Status

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
    assert not soup.find(["iframe", "object", "embed", "img", "video", "audio"])
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
    assert links == [
        "evidence/CM6-05/step1-refused.png",
        "evidence/CM6-05/page.html",
        "evidence/CM6-05/trace.zip",
    ]
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


def test_verdict_and_header(run: RunResult) -> None:
    soup = soup_of(run)
    header = soup.find("header", class_="run")
    assert isinstance(header, Tag)
    text = header.get_text(" ")
    expected = ["simulator", "http://127.0.0.1:5000", "playwright", "2025-06-03 09:14:05 UTC", "3 min 7 s"]
    for fact in [*expected, "Verdict: Non-compliant"]:
        assert fact in text
    counts = run.summary()
    rows = {
        row.find(class_="badge").get_text(): int(row.find(class_="n").get_text())
        for row in header.select("table.counts tbody tr")
    }
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
