"""`portalcert rules` and `portalcert fixtures`: what the documents hold, and their data sets."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.table import Table

from portalcert import catalog, datasets, registry
from portalcert.docspec import DocumentSpec
from portalcert.errors import ConfigError


def rules(documents: list[str] | None) -> int:
    """Every rule with its coverage: scenarios, kind, and the simulator defects that make it FAIL."""
    from portalcert.sensitivity import declared_key
    from simulator import portals

    proven: dict[str, list[str]] = {}
    for portal in portals.discover():
        for defect in portal.defects:
            keys = (declared_key(key, portal.document) for key in defect.kills)
            for rule_id in dict.fromkeys(key.split(":", 1)[0] for key in keys):
                proven.setdefault(rule_id, []).append(defect.name)
    cat = catalog.load(documents)
    console = Console(width=None if sys.stdout.isatty() else 160)
    for doc in cat.documents:
        table = Table(title=f"{doc.title} ({doc.id})", title_justify="left")
        for column in ("rule", "kind", "scenarios", "shown to fail by defect", "title"):
            table.add_column(column, no_wrap=column in ("rule", "kind", "scenarios"))
        for rule in cat.rules_of(doc.id):
            kind = (
                "review"
                if rule.review_reason
                else ("needs clock" if "needs:clock" in rule.tags else "automated")
            )
            table.add_row(
                rule.id, kind, str(len(rule.scenarios)), ", ".join(proven.get(rule.id, [])) or "-", rule.title
            )
        console.print(table)
    return 0


def _document(name: str | None) -> DocumentSpec:
    """The named document, or the only one there is with a data set of its own (a profile has none)."""
    if name:
        return registry.get(name)
    every = [spec for spec in registry.all_documents().values() if not spec.profile]  # profiles: no data
    if len(every) != 1:
        raise ConfigError("--document", "", f"say which document: {', '.join(registry.ids())}")
    return every[0]


def fixtures(args: argparse.Namespace, console: Console) -> int:
    spec = _document(args.document)
    if args.fixtures_command == "generate":
        out = args.out or spec.reference_dataset
        seed = spec.dataset.reference_seed if args.seed is None else args.seed
        datasets.write_reference(spec, out, seed)
        console.print(f"wrote {out} ({spec.id}, seed {seed})")
        return 0
    path = args.path or spec.reference_dataset
    scope = datasets.every_rule if args.partial else None
    problems = datasets.problems(spec, datasets.read_json(path), scope)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return 1 if problems else 0
