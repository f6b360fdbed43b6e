"""`portalcert keygen | bundle | verify | diff`: certification bundles and what changed since the last run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

COMMANDS = ("keygen", "bundle", "verify", "diff")
EXIT_VERIFY_FAILED = 1
DEFAULT_KEY = Path("portalcert-signing.key")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keygen = sub.add_parser("keygen", help="make an Ed25519 key pair for signing bundles")
    keygen.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_KEY,
        help=f"the private key's file (default {DEFAULT_KEY}); the public key goes to <out>.pub",
    )

    bundle = sub.add_parser(
        "bundle", help="pack a run's reports, feature files and target into one zip with a manifest"
    )
    bundle.add_argument("out", type=Path, metavar="OUT.zip")
    bundle.add_argument(
        "--from", dest="source", type=Path, default=Path("reports"), help="report folder (default: reports)"
    )
    bundle.add_argument("--sign", type=Path, metavar="KEY", help="sign with this private key (keygen)")
    bundle.add_argument("--target", help="the target file, when the report does not name it")

    verify = sub.add_parser(
        "verify", help="check a bundle's digests and signature (exit 1 naming what failed)"
    )
    verify.add_argument("bundle", type=Path, metavar="OUT.zip")
    verify.add_argument(
        "--key", type=Path, metavar="PUB", help="the signer's public key (the .pub of keygen)"
    )

    diff = sub.add_parser(
        "diff", help="what changed between two runs (report folders or bundles); exit 1 on a regression"
    )
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    diff.add_argument("--html", type=Path, metavar="FILE", help="also write the diff as an HTML page")


def main(args: argparse.Namespace) -> int:
    """Run one of COMMANDS; ConfigError goes up to the main CLI (one line, exit 2)."""
    if args.command == "keygen":
        return _keygen(args.out)
    if args.command == "bundle":
        return _bundle(args)
    if args.command == "verify":
        return _verify(args.bundle, args.key)
    return _diff(args)


def _keygen(out: Path) -> int:
    from portalcert.bundle import signing

    private, public = signing.generate(out)
    print(f"private key: {private} (keep it secret; sign with `portalcert bundle OUT.zip --sign {private}`)")
    print(f"public key:  {public} (give it to whoever verifies: `portalcert verify OUT.zip --key {public}`)")
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from portalcert.bundle.build import bundle

    manifest = bundle(args.out, args.source, key_path=args.sign, target_option=args.target)
    verdict = manifest["run"]["verdict"].get("label", "")
    signed = f", signed with {args.sign}" if args.sign else ", not signed"
    print(f"{args.out}: {len(manifest['files'])} files{signed}; verdict: {verdict}")
    return 0


def _verify(path: Path, key: Path | None) -> int:
    from portalcert.bundle.archive import ArchiveProblem
    from portalcert.bundle.verify import verify
    from portalcert.errors import ConfigError

    if not path.is_file():
        raise ConfigError(str(path), "", "no such bundle")
    try:
        outcome = verify(path, key)
    except ArchiveProblem as exc:
        print(f"FAILED {path}: {exc}", file=sys.stderr)
        return EXIT_VERIFY_FAILED
    for problem in outcome.problems:
        print(f"FAILED {path}: {problem}", file=sys.stderr)
    if not outcome.ok:
        return EXIT_VERIFY_FAILED
    run = outcome.manifest.get("run", {})
    print(f"verified {path}: {'; '.join(outcome.notes)}")
    verdict = run.get("verdict", {}).get("label", "")
    print(f"run: {run.get('target', '')}, {run.get('started_at', '')}, verdict: {verdict}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from portalcert.rundiff import render
    from portalcert.rundiff.compare import compare
    from portalcert.rundiff.load import load_report

    result = compare(load_report(args.old), load_report(args.new))
    sys.stdout.write(render.text(result, str(args.old), str(args.new)))
    if args.html:
        render.write_html(result, str(args.old), str(args.new), args.html)
        print(f"diff page: {args.html}")
    return result.exit_code()
