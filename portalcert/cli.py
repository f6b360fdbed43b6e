"""The `portalcert` command: run the suite, list rules, make test data, serve the simulator."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from portalcert import __version__
from portalcert.documents import DOCUMENTS
from portalcert.engines.browser_settings import BrowserSettings
from portalcert.engines.factory import ENGINES
from portalcert.errors import ConfigError, TargetUnreachable

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
        "--document", action="append", choices=sorted(DOCUMENTS), help="limit to a document (repeatable)"
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
    browser = run.add_argument_group("browser engine (override the target's `browser` section)")
    browser.add_argument("--headed", action="store_true", help="show the browser window (debugging)")
    browser.add_argument("--slow-mo", type=float, metavar="MS", help="pause after each browser operation")
    browser.add_argument("--browser-executable", metavar="PATH", help="the Chromium binary to launch")
    browser.add_argument("--browser-channel", metavar="NAME", help="a Playwright channel, e.g. chrome")
    browser.add_argument(
        "--browser-connect", metavar="WS_URL", help="use a remote browser (Playwright server)"
    )
    browser.add_argument("--no-trace", action="store_true", help="record no Playwright trace")

    rules = sub.add_parser("rules", help="list the rules of the documents and their coverage")
    rules.add_argument("--document", action="append", choices=sorted(DOCUMENTS))

    fixtures = sub.add_parser("fixtures", help="deterministic test data")
    fixtures_sub = fixtures.add_subparsers(dest="fixtures_command", required=True)
    generate = fixtures_sub.add_parser("generate", help="write the CM6 data set")
    generate.add_argument("--seed", type=int, default=6)
    generate.add_argument("--out", type=Path, default=Path("fixtures/cm6.json"))
    validate = fixtures_sub.add_parser("validate", help="check a data set (fiscal codes, numbers, roles)")
    validate.add_argument("path", type=Path, nargs="?", default=Path("fixtures/cm6.json"))
    validate.add_argument(
        "--partial",
        action="store_true",
        help="a vendor's set: roles its rules in scope do not use may be left out",
    )

    sub.add_parser("defects", help="list the simulator's defect switches")

    pagemap = sub.add_parser("pagemap", help="page-map contracts and locator checks")
    pagemap_sub = pagemap.add_subparsers(dest="pagemap_command", required=True)
    check = pagemap_sub.add_parser("check", help="report, per locator of a target's page map, matched or not")
    check.add_argument("--target", required=True, help="bundled target name or path to a target YAML file")
    check.add_argument("--document", action="append", choices=sorted(DOCUMENTS), help="limit the flow walk")
    contract = pagemap_sub.add_parser(
        "contract", help="the page-map names each rule uses, from a simulator run"
    )
    contract.add_argument("--document", required=True, choices=sorted(DOCUMENTS))
    contract.add_argument("--write", action="store_true", help="write the document's contract file")
    reference = pagemap_sub.add_parser("reference", help="markdown tables of a document's page-map names")
    reference.add_argument("--document", required=True, choices=sorted(DOCUMENTS))
    reference.add_argument("--write", action="store_true", help="update docs/certify-your-portal.md")

    serve = sub.add_parser("serve", help="start the reference simulator for a person to use")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=5000, help="0 picks a free port")
    serve.add_argument("--control-token", default="", help="default: $PORTALCERT_SIM_TOKEN or a random token")
    serve.add_argument("--database", default="", help="SQLAlchemy URL (default: SQLite file in instance/)")
    serve.add_argument("--defect", action="append", default=[])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # CI logs are not terminals: give them a width that keeps the summary table readable.
    console = Console(stderr=True, width=None if sys.stderr.isatty() else 140)
    try:
        if args.command == "run":
            return _run(args, console)
        if args.command == "rules":
            return _rules(args)
        if args.command == "fixtures":
            return _fixtures(args, console)
        if args.command == "defects":
            return _defects()
        if args.command == "pagemap":
            from portalcert.pagemap_cli import pagemap_command

            return pagemap_command(args)
        if args.command == "serve":
            return _serve(args)
    except (ConfigError, TargetUnreachable) as exc:
        print(f"portalcert: error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    return EXIT_CONFIG


def _run(args: argparse.Namespace, console: Console) -> int:
    from portalcert import runner, target
    from portalcert.report import console as console_report
    from portalcert.report.html_report import write_html
    from portalcert.report.json_report import write_json
    from portalcert.report.junit import write_junit
    from portalcert.session import RunSettings

    loaded = target.load(args.target)
    documents = tuple(args.document or loaded.documents)
    outside = [doc for doc in documents if doc not in loaded.documents]
    if outside:
        raise ConfigError(
            str(loaded.source), "documents", f"not in this target's scope: {', '.join(outside)}"
        )
    _check_tags(args.tags)
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
    request = runner.RunRequest(settings, documents, tags=args.tags, progress=not args.no_progress)
    result = runner.run(request)
    write_json(result, args.out / "compliance.json")
    write_html(result, args.out / "compliance.html")
    write_junit(result, args.out / "junit" / "portalcert.xml")
    console_report.print_summary(result, console)
    console.print(f"reports: {args.out / 'compliance.json'}, {args.out / 'compliance.html'}")
    return 130 if result.interrupted else result.exit_code()


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
    )


def _check_tags(tags: str) -> None:
    if not tags:
        return
    from behave.tag_expression import make_tag_expression

    try:
        make_tag_expression(tags)
    except Exception as exc:  # behave raises several parser error types
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError("--tags", "", f"not a valid tag expression: {tags!r} ({reason})") from None


def _port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a TCP port (0-65535; 0 picks a free one)")
    return port


def _rules(args: argparse.Namespace) -> int:
    """Every rule with its coverage: scenarios, kind, and the simulator defects that prove it can fail."""
    from portalcert import catalog, runner
    from simulator.defects import CATALOGUE

    proven: dict[str, list[str]] = {}
    for defect in CATALOGUE:
        proven.setdefault(defect.rule, []).append(defect.name)
    cat = catalog.load(runner.FEATURES_DIR, args.document)
    console = Console(width=None if sys.stdout.isatty() else 160)
    for doc in cat.documents:
        table = Table(title=f"{doc.title} ({doc.id})", title_justify="left")
        for column in ("rule", "kind", "scenarios", "shown to fail by defect", "title"):
            table.add_column(column, no_wrap=column != "title")
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


def _fixtures(args: argparse.Namespace, console: Console) -> int:
    from portalcert import datasets
    from portalcert.datasets.validate import validate

    if args.fixtures_command == "generate":
        datasets.write(args.out, args.seed)
        console.print(f"wrote {args.out} (seed {args.seed})")
        return 0
    import json

    try:
        data = json.loads(args.path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(args.path), "", "data set not found") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(str(args.path), "", f"not valid JSON: {exc.msg}", exc.lineno) from None
    if not isinstance(data, dict):
        raise ConfigError(str(args.path), "", "a data set is a JSON object")
    problems = validate(data, every_role=not args.partial)
    for problem in problems:
        print(f"{args.path}: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _defects() -> int:
    from simulator.defects import CATALOGUE

    table = Table(title="simulator defect switches (portalcert run --defect NAME)")
    for column in ("name", "rule", "what goes wrong"):
        table.add_column(column)
    for defect in CATALOGUE:
        table.add_row(defect.name, defect.rule, defect.description)
    Console().print(table)
    return 0


def _serve(args: argparse.Namespace) -> int:
    import os
    import secrets

    from werkzeug.serving import make_server

    from portalcert import target
    from simulator import create_app

    sim = target.load("simulator")
    token = args.control_token or os.environ.get("PORTALCERT_SIM_TOKEN") or secrets.token_urlsafe(12)
    config = {
        "CONTROL_TOKEN": token,
        "CAPTCHA_TEST_VALUE": sim.captcha_test_value,
        "FIXTURES_PATH": sim.data.source,
        "DEFECTS": list(args.defect),
    }
    if args.database:
        config["DATABASE_URL"] = args.database
    server = make_server(args.host, args.port, create_app(config), threaded=True)
    url = f"http://{args.host}:{server.server_port}"
    print(f"portalcert simulator (Convenzione Mobile 6) on {url}/")
    print(f"control API: {url}/_sim/  (header X-Sim-Token: {token})")
    print(f"captcha test value: {sim.captcha_test_value}")
    print("demo accounts (username / password):")
    for role in ("user", "temp_user", "cm5_user", "ceased_user"):
        user = sim.data.user(role)
        print(f"  {role:<12} {user.username} / {user.password}  (TIM number {user.business_mobile})")
    print(f"SMS and e-mails: {url}/_sim/outbox?channel=sms  (same header)")
    print(
        f"run the suite against it: PORTALCERT_SIM_URL={url} PORTALCERT_SIM_TOKEN={token} "
        "portalcert run --target targets/simulator-served.yaml",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
