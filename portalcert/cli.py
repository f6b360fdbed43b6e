"""The `portalcert` command: run the suite, list rules, make test data, serve the simulator."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from portalcert import __version__, cli_catalog, cli_dashboards, cli_simulator, registry
from portalcert.cli_options import check_tags, port, workers
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.factory import ENGINES
from portalcert.errors import ConfigError, TargetUnreachable

if TYPE_CHECKING:
    from portalcert.results import RunResult

EXIT_CONFIG = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portalcert", description=__doc__)
    parser.add_argument("--version", action="version", version=f"portalcert {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the conformance suite against a target and write reports")
    run.add_argument(
        "--target", default="simulator", help="bundled target name or path to a target YAML file"
    )
    run.add_argument("--engine", choices=list(ENGINES), help="override the target's engine")
    run.add_argument(
        "--document", action="append", help="limit to a document (repeatable; `portalcert rules` lists them)"
    )
    run.add_argument("--tags", default="", help="behave tag expression, e.g. '@rule:CM6-17 or @rule:CM6-20'")
    run.add_argument("--out", type=Path, default=Path("reports"), help="report folder (default: reports)")
    run.add_argument(
        "--defect", action="append", default=[], help="switch on a simulator defect (repeatable)"
    )
    run.add_argument(
        "--evidence", choices=["failures", "all"], default="failures", help="when to keep evidence"
    )
    run.add_argument("--no-progress", action="store_true", help="no live progress line")
    run.add_argument(
        "--workers",
        type=workers,
        default=1,
        metavar="N|auto",
        help="run rules in N processes side by side (auto: one per core); default 1",
    )
    run.add_argument(
        "--shard",
        metavar="I/N",
        help="run only the I-th of N balanced slices of the rules; `portalcert merge` joins the N outputs",
    )
    run.add_argument(
        "--locators-from",
        type=Path,
        metavar="DIR",
        help="an earlier run's report folder on this target: its matched page-map entries (locators"
        " unchanged) prove the absences a narrowed run's checks rely on",
    )
    browser = run.add_argument_group("browser engine (override the target's `browser` section)")
    browser.add_argument("--headed", action="store_true", help="show the browser window (debugging)")
    browser.add_argument("--slow-mo", type=float, metavar="MS", help="pause after each browser operation")
    browser.add_argument("--browser-executable", metavar="PATH", help="the Chromium binary to launch")
    browser.add_argument("--browser-channel", metavar="NAME", help="a Playwright channel, e.g. chrome")
    browser.add_argument(
        "--browser-connect", metavar="WS_URL", help="use a remote browser (Playwright server)"
    )
    browser.add_argument("--no-trace", action="store_true", help="record no Playwright trace")
    browser.add_argument(
        "--keyboard-only",
        action="store_true",
        help="reach every control with Tab and work it with Enter/Space/arrows/typing, never a click",
    )

    merge = sub.add_parser("merge", help="merge the outputs of `run --shard I/N` into one report set")
    merge.add_argument("out", type=Path, metavar="OUT", help="folder for the merged reports")
    merge.add_argument("dirs", type=Path, nargs="+", metavar="DIR", help="the shards' report folders")

    rules = sub.add_parser("rules", help="list the rules of the documents and their coverage")
    rules.add_argument("--document", action="append", help="limit to a document (repeatable)")

    fixtures = sub.add_parser("fixtures", help="deterministic test data")
    fixtures_sub = fixtures.add_subparsers(dest="fixtures_command", required=True)
    generate = fixtures_sub.add_parser("generate", help="write a document's reference data set")
    generate.add_argument("--document", help="needed when there are several")
    generate.add_argument("--seed", type=int, help="default: the seed of the committed reference set")
    generate.add_argument("--out", type=Path, help="default: the document's reference/dataset.json")
    validate = fixtures_sub.add_parser("validate", help="check a data set (codes, numbers, roles)")
    validate.add_argument("--document", help="needed when there are several")
    validate.add_argument("path", type=Path, nargs="?", help="default: the document's reference set")
    validate.add_argument(
        "--partial",
        action="store_true",
        help="a vendor's set: roles its rules in scope do not use may be left out",
    )

    defects = sub.add_parser(
        "defects", help="list the simulator's defect switches, or measure what they kill"
    )
    defects.add_argument(
        "--coverage",
        action="store_true",
        help="run each defect on the scenarios that reach its switch; list scenarios no defect kills",
    )
    defects.add_argument("--document", action="append", help="limit to a document (repeatable)")
    defects.add_argument("--engine", choices=list(ENGINES), default="http")
    defects.add_argument("--json", type=Path, metavar="FILE", help="write the measurement as JSON")
    defects.add_argument(
        "--of",
        metavar="PROFILE",
        help="with --coverage: measure only the defects that break the rules of this profile (one of the"
        " --document), and list only its scenarios no defect kills; the baseline still runs every"
        " --document (e.g. --document tim-impresa-semplice --document accessibility --of accessibility"
        " --engine browser)",
    )

    pagemap = sub.add_parser("pagemap", help="page-map contracts and locator checks")
    pagemap_sub = pagemap.add_subparsers(dest="pagemap_command", required=True)
    check = pagemap_sub.add_parser("check", help="report, per locator of a target's page map, matched or not")
    check.add_argument("--target", required=True, help="bundled target name or path to a target YAML file")
    check.add_argument("--document", action="append", help="limit the flow walk to a document")
    check.add_argument(
        "--out",
        type=Path,
        help="folder for the flow walk's reports and the sinks' sinks.json (default: a temporary one)",
    )
    contract = pagemap_sub.add_parser(
        "contract", help="the page-map names each rule uses, from a simulator run"
    )
    contract.add_argument("--document", required=True)
    contract.add_argument("--write", action="store_true", help="write the document's contract file")
    reference = pagemap_sub.add_parser("reference", help="markdown tables of a document's page-map names")
    reference.add_argument("--document", required=True)
    reference.add_argument("--write", action="store_true", help="update docs/certify-your-portal.md")

    cli_dashboards.add_parser(sub)

    serve = sub.add_parser("serve", help="start the reference simulator for a person to use")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=port, default=5000, help="0 picks a free port")
    serve.add_argument("--control-token", default="", help="default: $PORTALCERT_SIM_TOKEN or a random token")
    serve.add_argument(
        "--database",
        default="",
        help="SQLAlchemy URL (default: SQLite file in instance/); the data set is loaded only if it is empty",
    )
    serve.add_argument("--reset", action="store_true", help="empty the database and load the data set again")
    serve.add_argument("--defect", action="append", default=[])
    serve.add_argument(
        "--noisy",
        action="store_true",
        help="pages that never go quiet: long poll, analytics, delayed fetch (not a defect; browser only)",
    )
    from portalcert import cli_bundle  # keygen, bundle, verify, diff

    cli_bundle.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # CI logs are not terminals: give them a width that keeps the summary table readable.
    console = Console(stderr=True, width=None if sys.stderr.isatty() else 140)
    try:
        if args.command == "run":
            return _run(args, console)
        if args.command == "merge":
            return _merge(args, console)
        from portalcert import cli_bundle  # keygen, bundle, verify, diff

        if args.command in cli_bundle.COMMANDS:
            return cli_bundle.main(args)
        if args.command == "rules":
            return cli_catalog.rules(args.document)
        if args.command == "fixtures":
            return cli_catalog.fixtures(args, console)
        if args.command == "defects":
            return cli_simulator.defects(args) if args.coverage else cli_simulator.list_defects()
        if args.command == "pagemap":
            from portalcert.pagemap_cli import pagemap_command

            return pagemap_command(args)
        if args.command == "serve":
            return cli_simulator.serve(args)
        if args.command == "report":
            return cli_dashboards.report(args)
    except (ConfigError, TargetUnreachable) as exc:
        print(f"portalcert: error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    return EXIT_CONFIG


def _run(args: argparse.Namespace, console: Console) -> int:
    from portalcert import locator_proof, runner, target
    from portalcert.parallel import partial
    from portalcert.parallel.shards import Shard
    from portalcert.session import RunSettings

    loaded = target.load(args.target)
    documents = tuple(registry.get(doc).id for doc in args.document or loaded.documents)
    outside = [doc for doc in documents if doc not in loaded.documents]
    if outside:
        raise ConfigError(
            str(loaded.source), "documents", f"not in this target's scope: {', '.join(outside)}"
        )
    check_tags(args.tags)
    earlier = locator_proof.load(args.locators_from, loaded.name) if args.locators_from else None
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError("--out", "", f"cannot create {args.out}: {exc.strerror}") from None
    settings = RunSettings(
        target=loaded,
        out_dir=args.out,
        engine=args.engine or loaded.engine,
        defects=tuple(args.defect),
        evidence=args.evidence,
        browser=_browser_settings(args, loaded.browser),
    )
    shard = Shard.parse(args.shard) if args.shard else None
    request = runner.RunRequest(
        settings,
        documents,
        tags=args.tags,
        progress=not args.no_progress,
        workers=args.workers,
        shard=shard,
        earlier=earlier,
    )
    result, part = runner.run_with_part(request)
    if shard is not None:
        partial.write(part, args.out)
    locator_proof.write(part.ledger, loaded.name, result.started_at, args.out)
    _write_reports(result, args.out, console)
    return 130 if result.interrupted else result.exit_code()


def _merge(args: argparse.Namespace, console: Console) -> int:
    from portalcert import locator_proof
    from portalcert.parallel import merge

    result, total = merge.merge_shards(args.dirs)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError("OUT", "", f"cannot create {args.out}: {exc.strerror}") from None
    merge.copy_outputs(args.dirs, args.out)
    locator_proof.write(total.ledger, result.target, result.started_at, args.out)
    _write_reports(result, args.out, console)
    return 130 if result.interrupted else result.exit_code()


def _write_reports(result: RunResult, out: Path, console: Console) -> None:
    from portalcert.report import allure_results
    from portalcert.report import console as console_report
    from portalcert.report.cucumber_ndjson import write_messages
    from portalcert.report.html_report import write_html
    from portalcert.report.json_report import write_json
    from portalcert.report.junit import write_junit

    write_json(result, out / "compliance.json")
    write_html(result, out / "compliance.html")
    write_junit(result, out / "junit" / "portalcert.xml")
    write_messages(result, out)
    allure_results.finish(result, out)
    console_report.print_summary(result, console)
    console.print(f"reports: {out / 'compliance.json'}, {out / 'compliance.html'}")


def _browser_settings(args: argparse.Namespace, base: BrowserSettings) -> BrowserSettings:
    """The target's browser section with the command line's overrides on top."""
    return dataclasses.replace(
        base,
        headed=base.headed or args.headed,
        slow_mo_ms=base.slow_mo_ms if args.slow_mo is None else args.slow_mo,
        executable=args.browser_executable or base.executable,
        channel=args.browser_channel or base.channel,
        connect=args.browser_connect or base.connect,
        trace=base.trace and not args.no_trace,
        keyboard_only=base.keyboard_only or args.keyboard_only,
    )


if __name__ == "__main__":
    sys.exit(main())
