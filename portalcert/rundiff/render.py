"""The diff for people: text for the terminal and CI logs, a self-contained HTML page for `--html`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from portalcert.errors import ConfigError
from portalcert.report.console import short

from .compare import RunDiff


def _describe(label: str, path: str, report: dict[str, Any]) -> str:
    verdict = report.get("verdict", {}).get("label") or "verdict not recorded"
    return f"{label} {path}: {report.get('started_at', '?')}, {verdict}"


def counts(diff: RunDiff) -> str:
    parts = [f"{len(items)} {title.lower()}" for title, items in diff.sections()[:5]]
    parts.append(f"{len(diff.scenarios_added)} scenarios added, {len(diff.scenarios_removed)} removed")
    return ", ".join(parts)


def text(diff: RunDiff, old_path: str, new_path: str) -> str:
    lines = [_describe("old", old_path, diff.old), _describe("new", new_path, diff.new)]
    lines += [f"warning: {warning}" for warning in diff.warnings]
    for title, items in diff.sections():
        if not items:
            continue
        lines.append(f"{title} ({len(items)}):")
        for change in items:
            transition = f"{change.old or '(absent)'} -> {change.new or '(absent)'}"
            lines.append(f"  {change.rule}  {transition}  {change.title}  [{change.document}]")
            if change.message and change.new in ("FAIL", "BROKEN"):
                lines.append(f"      {short(change.message, 120)}")
    for title, scenarios in (
        ("Scenarios added", diff.scenarios_added),
        ("Scenarios removed", diff.scenarios_removed),
    ):
        if scenarios:
            lines.append(f"{title} ({len(scenarios)}):")
            lines += [f"  {s.rule}  {s.scenario}" for s in scenarios]
    if diff.unchanged:
        lines.append("No change: every rule has the same status and the same scenarios.")
    lines.append(f"Summary: {counts(diff)}")
    return "\n".join(lines) + "\n"


def html(diff: RunDiff, old_path: str, new_path: str) -> str:
    env = Environment(
        loader=PackageLoader("portalcert.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
    )
    template = env.get_template("run_diff.html.j2")
    return template.render(
        diff=diff,
        old=_describe("old", old_path, diff.old),
        new=_describe("new", new_path, diff.new),
        summary=counts(diff),
        exit_code=diff.exit_code(),
    )


def write_html(diff: RunDiff, old_path: str, new_path: str, out: Path) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html(diff, old_path, new_path), encoding="utf-8")
    except OSError as exc:
        raise ConfigError("--html", "", f"cannot write {out}: {exc.strerror}") from None
