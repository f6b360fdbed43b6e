"""Compliance reports built from a :class:`portalcert.results.RunResult`: JSON, HTML, JUnit and console."""

from __future__ import annotations

from .console import print_summary
from .html_report import render_html, write_html
from .json_report import SCHEMA, to_dict, write_json
from .junit import write_junit
from .verdict import Verdict, verdict

__all__ = [
    "SCHEMA",
    "Verdict",
    "print_summary",
    "render_html",
    "to_dict",
    "verdict",
    "write_html",
    "write_json",
    "write_junit",
]
