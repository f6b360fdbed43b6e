"""The bundled simulator target written out the way a vendor writes one: CM6's page map, data set and
patterns named explicitly, so tests can change any of them in a copy."""

from __future__ import annotations

from pathlib import Path

from portalcert import registry, target

CM6 = "tim-convenzione-mobile-6"
REFERENCE = registry.get(CM6).root / "reference"
PAGEMAP = REFERENCE / "pagemap.yaml"
DATASET = REFERENCE / "dataset.json"
SIMULATOR = target.BUILTIN_DIR / "simulator.yaml"

_DOCUMENTS_ALL = (
    "documents: all                # every document, each with the page map and data set it ships for\n"
    "                              # the simulator (documents/<name>/reference/binding.yaml)\n"
)


def explicit_text() -> str:
    """targets/simulator.yaml with `documents: all` replaced by CM6's reference binding, written out."""
    text = SIMULATOR.read_text(encoding="utf-8")
    assert _DOCUMENTS_ALL in text, "test setup: the bundled target changed its documents line"
    binding = (REFERENCE / "binding.yaml").read_text(encoding="utf-8")
    entries = [line for line in binding.splitlines() if line and not line.startswith("#")]
    entries = [
        line.replace("pagemap: pagemap.yaml", f"pagemap: {PAGEMAP}").replace(
            "data: dataset.json", f"data: {DATASET}"
        )
        for line in entries
    ]
    explicit = f"documents:\n  {CM6}:\n" + "".join(f"    {line}\n" for line in entries)
    return text.replace(_DOCUMENTS_ALL, explicit)


def write(
    tmp_path: Path, old: str = "", new: str = "", *, extra: str = "", name: str = "target.yaml"
) -> Path:
    """A copy of the explicit simulator target with `old` replaced by `new` and `extra` appended."""
    text = explicit_text()
    if old:
        assert old in text, f"test setup: {old!r} not in the simulator target"
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text + extra, encoding="utf-8")
    return path
