"""The scanned walk of a document's flows, made once per behave run and judged by every criterion.

axe-core's one scan of a page answers every WCAG tag, and the walk only reads: walking again for each
criterion would find the same pages. The walks live on behave's root context (environment.py), so they
last one run of the profile on one document and never more: a defect switched on between runs is seen.
The keyboard walk is not kept: it works the pages another way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .findings import PageScan

ROOT_ATTRIBUTE = "accessibility_scanned_walks"


@dataclass
class ScannedWalk:
    scans: list[PageScan] = field(default_factory=list)  # one per page met, every criterion's findings
    flows_walked: list[str] = field(default_factory=list)
    error: Exception | None = None  # why the walk could not be finished
    reached: tuple[str, ...] = ()  # simulator defect switches its requests consulted (measurement only)


def start_run(context: Any) -> None:
    """Called in before_all: behave keeps what is set there on its root context for the whole run."""
    setattr(context, ROOT_ATTRIBUTE, {})


def of_run(context: Any) -> dict[str, ScannedWalk]:
    """The run's walks, by the id of the document walked."""
    walks = getattr(context, ROOT_ATTRIBUTE, None)
    if not isinstance(walks, dict):
        raise RuntimeError(f"{ROOT_ATTRIBUTE} missing: the profile's environment.py sets it in before_all")
    return walks
