"""The end-of-run summary in the terminal: one rich table per document and the verdict."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from portalcert.results import RunResult, Status

from .verdict import verdict

STYLES = {
    Status.PASS: "bold green",
    Status.FAIL: "bold red",
    Status.BROKEN: "bold dark_orange",
    Status.NOT_APPLICABLE: "dim",
    Status.REVIEW: "bold magenta",
    Status.NOT_COVERED: "yellow",
}
VERDICT_STYLES = {
    "fail": "bold red",
    "broken": "bold dark_orange",
    "deviations": "bold yellow",
    "pass": "bold green",
}
KNOWN_DEVIATION = "[known deviation]"
DEVIATION_RESOLVED = "[expected failure now passes]"
_MESSAGE_CHARS = 90


def short(message: str, limit: int = _MESSAGE_CHARS) -> str:
    """First line of ``message``, cut at ``limit`` characters: the full text is in the JSON/HTML reports."""
    first = message.strip().splitlines()[0] if message.strip() else ""
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def print_summary(run: RunResult, console: Console) -> None:
    for doc in run.documents:
        # Text everywhere, never markup strings: messages hold "[data-testid=...]" that rich would swallow.
        judged_on = f", on {doc.on}" if doc.on else ""
        table = Table(title=Text(f"{doc.title} ({doc.id}{judged_on})", style="bold"), title_justify="left")
        table.add_column("Rule", no_wrap=True)
        table.add_column("Status", no_wrap=True)
        table.add_column("Title")
        table.add_column("Message")
        for rule in doc.rules:
            status = rule.status
            message = short(rule.message)
            if rule.known_deviation:  # a declared deviation is still reported, but flagged as known
                message = f"{KNOWN_DEVIATION} {message}".strip()
            elif rule.deviation_resolved:  # the declaration is stale: it would hide the next regression
                message = f"{DEVIATION_RESOLVED} {message}".strip()
            table.add_row(
                Text(rule.id), Text(status.value, style=STYLES[status]), Text(rule.title), Text(message)
            )
        console.print(table)

    counts = run.summary()
    parts = [f"{counts[s.value]} {s.value}" for s in Status if counts[s.value]]
    result = verdict(run)
    line = Text("Verdict: ", style="bold")
    line.append(result.label, style=VERDICT_STYLES.get(result.key, "bold magenta"))
    line.append(f" – {result.detail}. {counts['rules']} rules, {counts['scenarios']} scenarios: ")
    line.append(", ".join(parts) or "nothing ran")
    console.print(line)
    # Repeat the FAIL and BROKEN ids, so a narrow terminal that wraps the tables still shows them; a known
    # deviation is listed with its FAIL status, marked, since it does not make the run fail.
    for status in (Status.FAIL, Status.BROKEN):
        ids = [
            f"{rule.id} (known deviation)" if rule.known_deviation else rule.id
            for rule in run.rules()
            if rule.status is status
        ]
        if ids:
            console.print(Text(f"{status.value}: ", style=STYLES[status]) + Text(", ".join(ids)))
    stale = [rule.id for rule in run.rules() if rule.deviation_resolved]
    if stale:
        console.print(
            Text("Expected failures now passing ", style="bold yellow")
            + Text(f"(remove them from the expected-failures file): {', '.join(stale)}")
        )
