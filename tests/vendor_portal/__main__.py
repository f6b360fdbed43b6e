"""Serve the Borealis test portal by hand: `python -m tests.vendor_portal --sinks-file PATH`.

Prints the portal's URL and the variables target.yaml reads, then serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import secrets
import threading
from collections.abc import Sequence

from tests.vendor_portal.app import create_app, serve
from tests.vendor_portal.faults import FAULTS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.vendor_portal", description=__doc__)
    parser.add_argument(
        "--sinks-file",
        required=True,
        help="JSON naming the SMS webhook and SMTP relay (a portalcert run writes <out>/sinks.json); "
        "read at each send, so it may appear after the portal starts",
    )
    parser.add_argument("--fault", action="append", default=[], choices=sorted(FAULTS), help="repeatable")
    parser.add_argument("--no-qa", action="store_true", help="no QA API (target-noreset.yaml)")
    args = parser.parse_args(argv)
    qa_key = None if args.no_qa else secrets.token_urlsafe(16)
    captcha = "qa-" + secrets.token_hex(4)
    app = create_app(
        {"SINKS_FILE": args.sinks_file, "FAULTS": args.fault, "QA_KEY": qa_key, "CAPTCHA_TEST_VALUE": captcha}
    )
    url, stop = serve(app)
    print(f"Borealis Telecom - Area Clienti PA on {url}")
    print(f"export BOREALIS_PORTAL_URL={url} BOREALIS_CAPTCHA_TEST_VALUE={captcha}", end="")
    print(f" BOREALIS_QA_KEY={qa_key}" if qa_key else "", flush=True)
    for name in args.fault:
        print(f"fault on: {name} ({FAULTS[name]})")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
