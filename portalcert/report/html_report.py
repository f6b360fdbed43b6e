"""The human compliance report: one self-contained HTML page (inline CSS/JS, no URL to anything outside).

The page renders the same dictionary as the JSON report, so both always say the same thing.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from portalcert.results import RunResult, Status

from .json_report import to_dict
from .verdict import verdict

# Display order: what needs attention first.
STATUS_ORDER = [
    Status.FAIL,
    Status.BROKEN,
    Status.REVIEW,
    Status.NOT_COVERED,
    Status.NOT_APPLICABLE,
    Status.PASS,
]
STATUS_MEANING = {
    Status.FAIL: "a scenario shows the portal violating the rule",
    Status.BROKEN: "a scenario could not reach a verdict (test or infrastructure problem)",
    Status.REVIEW: "a person must judge the rule, or part of it",
    Status.NOT_COVERED: "no scenario ran for the rule",
    Status.NOT_APPLICABLE: "the rule does not apply to this target",
    Status.PASS: "every scenario passed",
}
MESSAGE_LABEL = {
    Status.FAIL: "Violation",
    Status.BROKEN: "Could not check",
    Status.REVIEW: "To review",
    Status.NOT_APPLICABLE: "Not applicable",
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Evidence shown as an inline thumbnail (local files only, see local_href); never SVG, which can hold script.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def format_duration(seconds: float) -> str:
    if seconds >= 60:
        minutes, rest = divmod(round(seconds), 60)
        return f"{minutes} min {rest} s"
    if seconds >= 10:
        return f"{seconds:.0f} s"
    return f"{seconds:.2f} s"


def format_when(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso  # show what the runner wrote rather than nothing
    offset = moment.strftime("%z")
    zone = {"": "", "+0000": " UTC"}.get(offset, f" {offset[:3]}:{offset[3:]}")
    return moment.strftime("%Y-%m-%d %H:%M:%S") + zone


def headline(message: str, limit: int = 240) -> str:
    """First line of a message, cut at a word near ``limit``: the full text sits in the scenario table."""
    lines = [line for line in message.strip().splitlines() if line.strip()]
    first = lines[0].strip() if lines else ""
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    elif len(lines) > 1:
        first += " …"
    return first


def count_statuses(scenarios: list[dict[str, Any]]) -> str:
    """'1 FAIL, 2 PASS' in display order."""
    counts = Counter(s["status"] for s in scenarios)
    return ", ".join(f"{counts[s.value]} {s.value}" for s in STATUS_ORDER if counts[s.value])


def local_href(path: str) -> str | None:
    """``path`` when it is a relative link inside the report folder, else None (rendered as plain text).

    Evidence should be relative already; refusing schemes and absolute paths keeps the page from ever
    pointing outside itself (and rules out ``javascript:`` links from a hostile message).
    """
    if not path or _SCHEME.match(path) or path.startswith(("/", "\\")):
        return None
    # percent-encode so names with spaces, '#' or '?' still open the file; Windows separators become '/'
    return quote(path.replace("\\", "/"), safe="/")


def evidence_kind(path: str) -> str:
    """How an evidence file is shown: "image" (a thumbnail), "trace" (a Playwright trace) or "file"."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if name.endswith(IMAGE_SUFFIXES):
        return "image"
    if name.endswith("trace.zip"):  # trace.zip as the runner writes it, or e.g. login.trace.zip
        return "trace"
    return "file"


def stale_declarations(report: dict[str, Any]) -> list[dict[str, str]]:
    """Rules that PASS although the target still declares them expected failures, with their page anchor."""
    return [
        {"id": rule["id"], "anchor": f"{doc['id']}--{rule['id']}"}
        for doc in report["documents"]
        for rule in doc["rules"]
        if rule["deviation_resolved"]
    ]


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("portalcert.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["duration"] = format_duration
    env.filters["when"] = format_when
    env.filters["local_href"] = local_href
    env.filters["headline"] = headline
    env.filters["count_statuses"] = count_statuses
    env.filters["evidence_kind"] = evidence_kind
    env.filters["shell_quote"] = shlex.quote
    env.filters["css"] = lambda status: str(status).lower().replace("_", "-")
    return env


def render_html(run: RunResult) -> str:
    report = to_dict(run)
    return (
        _environment()
        .get_template("compliance.html.j2")
        .render(
            report=report,
            verdict=verdict(run),
            statuses=[s.value for s in STATUS_ORDER],
            meaning={s.value: text for s, text in STATUS_MEANING.items()},
            message_label={s.value: text for s, text in MESSAGE_LABEL.items()},
            open_statuses=(Status.FAIL.value, Status.BROKEN.value),
            stale=stale_declarations(report),
            known={s.value: sum(r.known_deviation and r.status is s for r in run.rules()) for s in Status},
        )
    )


def write_html(run: RunResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(run), encoding="utf-8", newline="\n")
