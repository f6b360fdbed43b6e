"""Cucumber's HTML report of a run's messages, rendered offline by `@cucumber/html-formatter`."""

from __future__ import annotations

from pathlib import Path

from portalcert.report import node_tools
from portalcert.report.cucumber_ndjson import FILE_NAME

HTML_NAME = "cucumber.html"


def render(messages: Path, out_file: Path) -> Path:
    if not messages.is_file():
        raise node_tools.NodeToolError(f"{messages}: no such file (`portalcert run` writes {FILE_NAME})")
    node_tools.package_file("@cucumber", "html-formatter", "dist", "src", "index.js")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    partial = out_file.with_name(out_file.name + ".part")  # never leave a half-written report behind
    script = node_tools.SCRIPTS / "cucumber_html.mjs"
    try:
        modules = str(node_tools.node_modules())
        node_tools.run_node(script, modules, str(messages), str(partial), what="the Cucumber HTML formatter")
        partial.replace(out_file)
    finally:
        partial.unlink(missing_ok=True)
    return out_file
