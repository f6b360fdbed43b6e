"""`portalcert serve` and `portalcert defects`: the reference simulator for a person, and its switches."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from portalcert import registry


def defects() -> int:
    from simulator.defects import CATALOGUE

    table = Table(title="simulator defect switches (portalcert run --defect NAME)")
    for column in ("name", "rule", "what goes wrong"):
        table.add_column(column)
    for defect in CATALOGUE:
        table.add_row(defect.name, defect.rule, defect.description)
    Console().print(table)
    return 0


def serve(args: argparse.Namespace) -> int:
    import os
    import secrets

    from werkzeug.serving import make_server

    from portalcert import target
    from portalcert.session import simulator_fixtures
    from simulator import create_app

    sim = target.load("simulator")
    token = args.control_token or os.environ.get("PORTALCERT_SIM_TOKEN") or secrets.token_urlsafe(12)
    config = {
        "CONTROL_TOKEN": token,
        "CAPTCHA_TEST_VALUE": sim.captcha_test_value,
        **simulator_fixtures(sim),
        "DEFECTS": list(args.defect),
    }
    if args.database:
        config["DATABASE_URL"] = args.database
    server = make_server(args.host, args.port, create_app(config), threaded=True)
    url = f"http://{args.host}:{server.server_port}"
    print(f"portalcert reference simulator on {url}/")
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
