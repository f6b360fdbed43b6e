"""Serve the Acme test portal by hand: `python -m tests.independent_portal --sinks-file PATH`.

Prints the portal's URL (and the line to export for target.yaml), then serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Sequence

from tests.independent_portal.app import FAULTS, create_app, serve


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.independent_portal", description=__doc__)
    parser.add_argument(
        "--sinks-file",
        required=True,
        help="JSON file with the SMS webhook and SMTP relay (a portalcert run writes <out>/sinks.json); "
        "read each time a message is sent, so it may appear after the portal starts",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        choices=sorted(FAULTS),
        help="enable a misbehaviour switch (repeatable)",
    )
    args = parser.parse_args(argv)
    app = create_app({"SINKS_FILE": args.sinks_file, "FAULTS": args.fault})
    url, stop = serve(app)
    print(f"Acme Area Clienti Business on {url}")
    print(f"export ACME_PORTAL_URL={url}", flush=True)
    for name in args.fault:
        print(f"fault enabled: {name} ({FAULTS[name]})")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
