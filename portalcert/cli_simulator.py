"""`portalcert serve` and `portalcert defects`: the reference simulator for a person, and its switches."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from portalcert import registry
from portalcert.errors import ConfigError


def list_defects() -> int:
    from simulator.defects import catalogue

    table = Table(title="simulator defect switches (portalcert run --defect NAME)")
    for column in ("name", "rule", "what goes wrong"):
        table.add_column(column)
    for defect in catalogue():
        table.add_row(defect.name, defect.rule, defect.description)
    Console().print(table)
    return 0


def defects(args: argparse.Namespace) -> int:
    """`defects --coverage`: measure which scenarios each defect kills; exit 1 if one survives them all."""
    import json
    import tempfile
    from pathlib import Path

    from portalcert import sensitivity, target
    from portalcert.session import RunSettings
    from simulator.defects import catalogue

    sim = target.load("simulator")
    documents = tuple(registry.get(doc).id for doc in args.document or sim.documents)
    defects = list(catalogue())
    if args.of:
        of = registry.get(args.of)
        if not of.profile or of.id not in documents:
            raise ConfigError("--of", args.of, "name a profile that is one of the --document measured")
        defects = sensitivity.defects_of(of, defects)
    with tempfile.TemporaryDirectory(prefix="portalcert-defects-") as out:
        settings = RunSettings(target=sim, out_dir=Path(out), engine=args.engine)
        measurement = sensitivity.measure(settings, documents, defects, of=of.id if args.of else "")
    if args.json:
        args.json.write_text(json.dumps(measurement.as_json(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    console = Console()
    table = Table(title="what each defect changes (scenarios re-run: those that reach its switch)")
    for column in ("defect", "rule", "reached", "killed", "other changes"):
        table.add_column(column)
    for effect in measurement.effects:
        others = [f"{key} -> {o.status}" for key, o in effect.changed.items() if key not in effect.killed]
        table.add_row(
            effect.defect, effect.rule, str(len(effect.reached)), str(len(effect.killed)), "\n".join(others)
        )
    console.print(table)
    automated, uncovered = measurement.automated(), measurement.uncovered()
    killed = len(automated) - len(uncovered)
    console.print(
        f"{len(measurement.effects)} defects; {killed}/{len(automated)} automated scenarios killed "
        f"by at least one defect"
    )
    console.print("Scenarios no defect kills:" + ("" if uncovered else " none"))
    for key in uncovered:
        console.print(f"  {key}", markup=False)
    return 1 if uncovered else 0


def serve(args: argparse.Namespace) -> int:
    import os
    import secrets

    from werkzeug.serving import make_server

    from portalcert import target
    from portalcert.session import simulator_fixtures
    from simulator import create_app, fixtures
    from simulator.portals import discover

    sim = target.load("simulator")
    token = args.control_token or os.environ.get("PORTALCERT_SIM_TOKEN") or secrets.token_urlsafe(12)
    config = {
        "CONTROL_TOKEN": token,
        "CAPTCHA_TEST_VALUE": sim.captcha_test_value,
        **simulator_fixtures(sim),
        "DEFECTS": list(args.defect),
        "NOISY_PAGES": args.noisy,
    }
    if args.database:
        config["DATABASE_URL"] = args.database
    # The data set goes into an empty database only: what a person did survives a restart.
    app = create_app(config)
    if args.reset:
        try:
            fixtures.reload(app)
        except fixtures.FixtureError as exc:
            raise ConfigError("--reset", "", str(exc)) from None
    server = make_server(args.host, args.port, app, threaded=True)
    url = f"http://{args.host}:{server.server_port}"
    print(f"portalcert reference simulator on {url}/")
    print(
        f"database: {app.config['DATABASE_URL']} "
        + ("(data set reloaded)" if args.reset else "(kept across restarts; --reset reloads the data set)")
    )
    for portal in discover():
        print(f"  {portal.title} ({portal.document}): {url}{portal.url_prefix}/")
    print(f"control API: {url}/_sim/  (header X-Sim-Token: {token})")
    print(f"captcha test value: {sim.captcha_test_value}")
    for document, binding in sim.bindings.items():
        spec = registry.get(document)
        print(f"{spec.title} ({document}), demo accounts:")
        for line in spec.describe_accounts(binding.data):
            print(f"  {line}")
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
