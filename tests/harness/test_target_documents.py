"""How a target binds the documents it answers for: per document, `reference`, `all`, or the one-document
shorthand; and the mistakes that name their key."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalcert import target
from portalcert.errors import ConfigError

from .. import simulator_target
from ..simulator_target import CM6, DATASET, PAGEMAP


def _target(tmp_path: Path, documents: str, extra: str = "") -> Path:
    text = simulator_target.SIMULATOR.read_text(encoding="utf-8")
    start = text.index("documents: all")
    end = text.index("captcha:")
    path = tmp_path / "target.yaml"
    path.write_text(text[:start] + documents + extra + text[end:], encoding="utf-8")
    return path


def test_all_binds_every_document_to_its_reference() -> None:
    loaded = target.load("simulator")
    binding = loaded.binding(CM6)
    assert binding.pagemap.source == str(PAGEMAP)
    assert binding.data_source == DATASET
    assert "login_otp" in loaded.patterns(CM6)


def test_a_document_bound_by_reference(tmp_path: Path) -> None:
    loaded = target.load(str(_target(tmp_path, f"documents:\n  {CM6}: reference\n")))
    assert loaded.documents == (CM6,)
    assert loaded.binding(CM6).data_source == DATASET


def test_a_profile_named_in_the_mapping_is_in_scope(tmp_path: Path) -> None:
    documents = f"documents:\n  {CM6}: reference\n  security-baseline: reference\n"
    loaded = target.load(str(_target(tmp_path, documents)))
    assert loaded.profiles == ("security-baseline",)
    assert loaded.documents == (CM6, "security-baseline")


def test_the_one_document_shorthand(tmp_path: Path) -> None:
    documents = f"documents: [{CM6}]\npagemap: {PAGEMAP}\ndata: {DATASET}\n"
    loaded = target.load(str(_target(tmp_path, documents)))
    assert loaded.binding(CM6).pagemap.source == str(PAGEMAP)
    assert loaded.binding(CM6).patterns == {}  # the shorthand takes its patterns from `messages`


def test_a_document_s_patterns_override_the_target_s(tmp_path: Path) -> None:
    path = simulator_target.write(tmp_path, 'login_otp: "e\': ([A-Z]+ [A-Z]+)"', 'login_otp: "code (\\\\d+)"')
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  wait_seconds: 2\n", '  wait_seconds: 2\n  patterns:\n    login_otp: "other (x)"\n'),
        encoding="utf-8",
    )
    loaded = target.load(str(path))
    assert loaded.patterns(CM6)["login_otp"].pattern == "code (\\d+)"


@pytest.mark.parametrize(
    ("documents", "message"),
    [
        (f"documents: [{CM6}, {CM6}]\npagemap: {PAGEMAP}\ndata: {DATASET}\n", "name exactly one document"),
        (f"documents:\n  {CM6}: reference\npagemap: {PAGEMAP}\n", "pagemap: belongs under documents.<id>"),
        ("documents:\n  tim-cm7: reference\n", "documents.tim-cm7: unknown document 'tim-cm7'"),
        (
            f"documents:\n  {CM6}:\n    pagemap: {PAGEMAP}\n    data: {DATASET}\n    datas: x\n",
            "datas: unknown key",
        ),
        ("documents: {}\n", "name the documents this target answers for"),
    ],
)
def test_binding_mistakes_name_their_key(tmp_path: Path, documents: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        target.load(str(_target(tmp_path, documents)))
