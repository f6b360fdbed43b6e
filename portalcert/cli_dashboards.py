"""`portalcert report cucumber|allure`: a run's results as the pages QA dashboards render, offline.

`portalcert run` and `portalcert merge` write the inputs (cucumber-messages.ndjson, allure-results/);
these commands render them with the project's pinned npm tools (`make setup` installs them).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from portalcert.report import allure_html, cucumber_html
from portalcert.report.allure_results import FOLDER as ALLURE_FOLDER
from portalcert.report.cucumber_ndjson import FILE_NAME as MESSAGES


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="render a run's Cucumber or Allure report as an offline page")
    kinds = report.add_subparsers(dest="report_command", required=True)
    cucumber = kinds.add_parser("cucumber", help=f"Cucumber's HTML report of {MESSAGES}")
    allure = kinds.add_parser("allure", help=f"Allure's report of {ALLURE_FOLDER}/ (Allure 3, single file)")
    for parser, default in ((cucumber, cucumber_html.HTML_NAME), (allure, allure_html.HTML_NAME)):
        parser.add_argument(
            "--from",
            dest="source",
            type=Path,
            default=Path("reports"),
            metavar="DIR",
            help="the report folder of `portalcert run` or `merge` (default: reports)",
        )
        parser.add_argument(
            "--out", type=Path, metavar="FILE", help=f"the page to write (default: DIR/{default})"
        )


def report(args: argparse.Namespace) -> int:
    source: Path = args.source
    if args.report_command == "cucumber":
        page = cucumber_html.render(source / MESSAGES, args.out or source / cucumber_html.HTML_NAME)
    else:
        page = allure_html.render(source / ALLURE_FOLDER, args.out or source / allure_html.HTML_NAME)
    print(f"report: {page}")
    return 0
