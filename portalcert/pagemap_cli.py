"""The `portalcert pagemap` subcommands (argument parsing lives in portalcert.cli)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from portalcert import pagemap_contract, pagemap_tools, registry, target
from portalcert.errors import ConfigError
from portalcert.pagemap import PageMap
from portalcert.pagemap_tools import NOT_MATCHED, NOT_VERIFIED

SIMULATOR = "simulator"  # contracts are recorded on the reference simulator


def pagemap_command(args: argparse.Namespace) -> int:
    if args.pagemap_command == "check":
        return _check(args)
    if args.pagemap_command == "contract":
        return _contract(args.document, write=args.write)
    return _reference(args.document, write=args.write)


def _contract_file(document: str) -> Path:
    return pagemap_contract.contract_path(registry.get(document).id)


def _contract(document: str, *, write: bool) -> int:
    # Not checked against the contracts: it is how a stale contract gets replaced.
    simulator = target.load(SIMULATOR, check_contracts=False)
    text = pagemap_contract.dump(pagemap_tools.record_contract(simulator, document))
    if write:
        path = _contract_file(document)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _reference(document: str, *, write: bool) -> int:
    tables = pagemap_contract.markdown(pagemap_contract.load(_contract_file(document)))
    if not write:
        sys.stdout.write(tables)
        return 0
    doc = pagemap_tools.REFERENCE_DOC
    text = doc.read_text(encoding="utf-8")
    try:
        updated = pagemap_tools.with_reference(text, document, tables)
    except ValueError as exc:
        raise ConfigError(str(doc), "", str(exc)) from None
    doc.write_text(updated, encoding="utf-8")
    print(f"updated {doc}", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    loaded = target.load(args.target)
    documents = [registry.get(doc).id for doc in args.document or loaded.bindings]
    unmatched = 0
    for document in documents:
        entries, note = pagemap_tools.check_pagemap(loaded, document, args.out)
        width = max(len(entry.key) for entry in entries)
        for entry in entries:
            print(f"{entry.status:<13} {entry.key:<{width}}  {entry.locator}  ({entry.how})")
        counts = {status: sum(e.status == status for e in entries) for status in (NOT_MATCHED, NOT_VERIFIED)}
        matched = len(entries) - sum(counts.values())
        print(
            f"{loaded.binding(document).pagemap.source}: {matched} matched, {counts[NOT_MATCHED]} matched "
            f"nothing, {counts[NOT_VERIFIED]} not verified; {note}"
        )
        unmatched += counts[NOT_MATCHED]
        _warn_unknown(loaded.binding(document).pagemap, document)
    return 1 if unmatched else 0


def _warn_unknown(pagemap: PageMap, document: str) -> None:
    """Names the contract does not know would silently never be used: say so (a typo, or a field the
    tasks do not offer). Missing names are errors already, when the target loads."""
    path = _contract_file(document)
    if not path.exists():
        return
    for key in pagemap_contract.unknown_names(pagemap, pagemap_contract.load(path)):
        print(
            f"warning: {pagemap.source}: `{key}` is not in the contract of {document}: "
            "no rule uses it or offers to fill it, so it is never looked up",
            file=sys.stderr,
        )
