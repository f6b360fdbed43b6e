"""`allure-results/` -> one offline HTML file, by the Allure 3 command line (npm `allure`, pinned).

Allure's awesome report in single-file mode inlines its script, styles and data, so the page opens from
disk. The tree groups results by epic (the document) then story (the rule), so rules appear under their
document as the compliance report shows them.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from portalcert.report import node_tools

HTML_NAME = "allure.html"
GROUP_BY = ["epic", "story"]  # document, then rule (labels written by portalcert.allure_output)


def config(report_name: str, output: Path) -> dict[str, object]:
    return {
        "name": report_name,
        "output": str(output),
        "plugins": {
            "awesome": {"options": {"singleFile": True, "reportName": report_name, "groupBy": GROUP_BY}}
        },
    }


def render(results: Path, out_file: Path, *, report_name: str = "portalcert") -> Path:
    if not results.is_dir() or not any(results.glob("*-result.json")):
        raise node_tools.NodeToolError(f"{results}: no Allure result files (`portalcert run` writes them)")
    cli = node_tools.package_file("allure", "cli.js")
    with tempfile.TemporaryDirectory(prefix="portalcert-allure-") as scratch:
        work = Path(scratch)
        output = work / "report"
        rc_file = work / "allurerc.json"
        rc_file.write_text(json.dumps(config(report_name, output)), encoding="utf-8")
        node_tools.run_node(
            cli,
            "generate",
            str(results.resolve()),
            "--config",
            str(rc_file),
            "--output",
            str(output),
            "--cwd",
            str(work),
            what="the Allure command line",
        )
        pages = sorted(output.rglob("index.html"))
        if len(pages) != 1:
            found = ", ".join(str(page.relative_to(output)) for page in pages) or "none"
            raise node_tools.NodeToolError(f"Allure wrote no single report page (pages: {found})")
        out_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pages[0], out_file)
    return out_file
