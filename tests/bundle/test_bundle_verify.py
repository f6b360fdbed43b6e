"""`portalcert keygen`, `bundle` and `verify`: a signed bundle verifies, and each kind of tampering is
named (a changed byte in a report, a changed feature file, a removed evidence file, an added file, a
manifest changed to hide it, a wrong public key)."""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from portalcert import cli, registry
from tests.bundle.conftest import DOCUMENT
from tests.bundle.tamper import entries, flip_one_byte, rewrite
from tests.suite_runs import SuiteRun

pytestmark = pytest.mark.xdist_group("bundle-runs")

Files = dict[str, bytes]


def portalcert(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Exit code and everything printed (stdout then stderr)."""
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    private = tmp_path_factory.mktemp("keys") / "signing.key"
    assert cli.main(["keygen", "--out", str(private)]) == 0
    return private, private.with_name("signing.key.pub")


@pytest.fixture(scope="module")
def signed(defect_run: SuiteRun, keys: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A signed bundle of the run with a defect (it has evidence to remove)."""
    out = tmp_path_factory.mktemp("bundle") / "certification.zip"
    code = cli.main(["bundle", str(out), "--from", str(defect_run.out_dir), "--sign", str(keys[0])])
    assert code == 0
    return out


def test_keygen_writes_a_private_key_only_its_owner_reads_and_never_replaces_one(
    keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    private, public = keys
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert b"BEGIN PRIVATE KEY" in private.read_bytes() and b"BEGIN PUBLIC KEY" in public.read_bytes()
    before = private.read_bytes()
    code, output = portalcert(capsys, "keygen", "--out", str(private))
    assert code == 2 and "already exists" in output and str(private) in output
    assert private.read_bytes() == before


def test_the_bundle_holds_reports_evidence_features_target_and_a_manifest_of_every_file(
    signed: Path, defect_run: SuiteRun
) -> None:
    files = entries(signed)
    manifest = json.loads(files["manifest.json"])
    assert {"compliance.json", "compliance.html", "junit/portalcert.xml", "manifest.sig"} <= set(files)
    evidence = [name for name in files if name.startswith("evidence/")]
    assert evidence and {Path(name).name for name in evidence} >= {"page.html", "journal.txt"}
    assert any(name.startswith(f"features/{DOCUMENT}/") and name.endswith(".feature") for name in files)
    assert {
        "target/simulator.yaml",
        f"target/{DOCUMENT}/pagemap.yaml",
        f"target/{DOCUMENT}/dataset.json",
    } <= set(files)
    assert set(manifest["files"]) == set(files) - {"manifest.json", "manifest.sig"}
    report = json.loads(files["compliance.json"])
    assert manifest["run"]["verdict"]["label"] == "Non-compliant"
    assert manifest["run"]["started_at"] == report["started_at"] and manifest["run"]["finished_at"]
    assert manifest["run"]["engine"] == "http"
    assert manifest["portalcert"]["commit"] == report["tool"]["commit"]
    assert [doc["id"] for doc in manifest["documents"]] == [DOCUMENT]
    assert manifest["documents"][0]["features_sha256"] == report["documents"][0]["features_sha256"]


def test_secrets_of_the_target_and_data_set_are_redacted(signed: Path) -> None:
    files = entries(signed)
    target = files["target/simulator.yaml"].decode()
    assert "test_value: '***'" in target and "portalcert-captcha-bypass" not in target
    data = json.loads(files[f"target/{DOCUMENT}/dataset.json"])
    users = data["users"]
    assert users and all(user["password"] == "***" for user in users)
    reference = registry.get(DOCUMENT).root / "reference" / "dataset.json"
    passwords = [user["password"] for user in json.loads(reference.read_text(encoding="utf-8"))["users"]]
    bundled = files[f"target/{DOCUMENT}/dataset.json"].decode()
    assert passwords and not [password for password in passwords if password in bundled]


def test_an_untouched_signed_bundle_verifies(
    signed: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = portalcert(capsys, "verify", str(signed), "--key", str(keys[1]))
    assert code == 0, output
    assert "signature valid" in output and "verdict: Non-compliant" in output


def _first(files: Files, prefix: str, suffix: str = "") -> str:
    return next(name for name in sorted(files) if name.startswith(prefix) and name.endswith(suffix))


def change_report_byte(files: Files) -> None:
    files["compliance.html"] = flip_one_byte(files["compliance.html"])


def change_feature_file(files: Files) -> None:
    name = _first(files, f"features/{DOCUMENT}/", ".feature")
    files[name] = files[name].replace(b"Scenario", b"Scenario  ", 1)


def remove_evidence_file(files: Files) -> None:
    del files[_first(files, "evidence/", "page.html")]


def add_file(files: Files) -> None:
    files["evidence/extra-note.txt"] = b"added after signing\n"


def hide_a_change_in_the_manifest(files: Files) -> None:
    """The report changed and its digest in the manifest updated to match: only the signature tells."""
    files["compliance.json"] = files["compliance.json"].replace(b'"FAIL"', b'"PASS"')
    manifest = json.loads(files["manifest.json"])
    manifest["files"]["compliance.json"] = hashlib.sha256(files["compliance.json"]).hexdigest()
    files["manifest.json"] = (json.dumps(manifest, indent=2) + "\n").encode()


@pytest.mark.parametrize(
    ("tamper", "named"),
    [
        (change_report_byte, ["changed file: compliance.html"]),
        (change_feature_file, [f"changed file: features/{DOCUMENT}/", f"feature files of {DOCUMENT}"]),
        (remove_evidence_file, ["missing file: evidence/"]),
        (add_file, ["added file: evidence/extra-note.txt"]),
        (hide_a_change_in_the_manifest, ["signature: does not match manifest.json"]),
    ],
)
def test_each_kind_of_tampering_fails_verification_naming_it(
    signed: Path,
    keys: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    tamper: Callable[[Files], None],
    named: list[str],
) -> None:
    tampered = rewrite(signed, tmp_path / "tampered.zip", tamper)
    code, output = portalcert(capsys, "verify", str(tampered), "--key", str(keys[1]))
    assert code == 1
    for words in named:
        assert words in output
    assert "verified" not in output


def test_a_wrong_public_key_fails_verification(
    signed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.key"
    assert cli.main(["keygen", "--out", str(other)]) == 0
    code, output = portalcert(capsys, "verify", str(signed), "--key", f"{other}.pub")
    assert code == 1
    assert f"not by {other}.pub" in output


def test_an_unsigned_bundle_verifies_only_without_a_key(
    defect_run: SuiteRun, keys: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unsigned = tmp_path / "unsigned.zip"
    assert cli.main(["bundle", str(unsigned), "--from", str(defect_run.out_dir)]) == 0
    code, output = portalcert(capsys, "verify", str(unsigned))
    assert code == 0 and "not signed" in output
    code, output = portalcert(capsys, "verify", str(unsigned), "--key", str(keys[1]))
    assert code == 1 and "the bundle is not signed" in output


def test_bundle_refuses_feature_files_that_changed_since_the_run(
    clean_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "report"
    shutil.copytree(clean_run.out_dir, folder)
    report = json.loads((folder / "compliance.json").read_text())
    report["documents"][0]["features_sha256"] = "0" * 64
    (folder / "compliance.json").write_text(json.dumps(report))
    out = tmp_path / "b.zip"
    code, output = portalcert(capsys, "bundle", str(out), "--from", str(folder))
    assert code == 2 and "feature files changed since the run" in output and DOCUMENT in output
    assert not out.exists()


def test_bundle_refuses_a_target_file_that_changed_since_the_run(
    clean_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "report"
    shutil.copytree(clean_run.out_dir, folder)
    report = json.loads((folder / "compliance.json").read_text())
    report["target"]["sha256"] = "0" * 64  # as if the target, a page map or a data set was edited since
    (folder / "compliance.json").write_text(json.dumps(report))
    code, output = portalcert(capsys, "bundle", str(tmp_path / "b.zip"), "--from", str(folder))
    assert code == 2 and "is not what the run read" in output and "simulator.yaml" in output


def test_evidence_of_an_earlier_run_in_the_same_folder_stays_out(
    defect_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "report"
    shutil.copytree(defect_run.out_dir, folder)
    stale = folder / "evidence" / "an-earlier-run" / "page.html"
    stale.parent.mkdir()
    stale.write_text("<p>from yesterday</p>")
    out = tmp_path / "b.zip"
    assert portalcert(capsys, "bundle", str(out), "--from", str(folder))[0] == 0
    bundled = [name for name in entries(out) if name.startswith("evidence/")]
    assert bundled and not [name for name in bundled if "an-earlier-run" in name]


def test_cucumber_messages_are_packed_when_the_run_wrote_them(
    defect_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "report"
    shutil.copytree(defect_run.out_dir, folder)
    (folder / "cucumber-messages.ndjson").write_text('{"meta": {}}\n')
    out = tmp_path / "b.zip"
    assert portalcert(capsys, "bundle", str(out), "--from", str(folder))[0] == 0
    files = entries(out)
    assert files["cucumber-messages.ndjson"] == b'{"meta": {}}\n'
    assert "cucumber-messages.ndjson" in json.loads(files["manifest.json"])["files"]


def test_the_runs_matched_locators_are_packed(
    defect_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "b.zip"
    assert portalcert(capsys, "bundle", str(out), "--from", str(defect_run.out_dir))[0] == 0
    files = entries(out)
    assert files["locators.json"] == (defect_run.out_dir / "locators.json").read_bytes()
    assert json.loads(files["locators.json"])["matched"], "a whole run sees page-map entries match"
    assert "locators.json" in json.loads(files["manifest.json"])["files"]


def test_bundle_refuses_a_report_whose_evidence_is_missing(
    defect_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "report"
    shutil.copytree(defect_run.out_dir, folder)
    journal = next((folder / "evidence").rglob("journal.txt"))
    journal.unlink()
    code, output = portalcert(capsys, "bundle", str(tmp_path / "b.zip"), "--from", str(folder))
    assert code == 2 and "missing" in output and journal.relative_to(folder).as_posix() in output


def test_bad_input_is_a_usage_error_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = portalcert(capsys, "bundle", str(tmp_path / "b.zip"), "--from", str(tmp_path))
    assert code == 2 and "no compliance.json" in output
    code, output = portalcert(capsys, "verify", str(tmp_path / "absent.zip"))
    assert code == 2 and "no such bundle" in output
    not_a_zip = tmp_path / "not.zip"
    not_a_zip.write_text("hello")
    code, output = portalcert(capsys, "verify", str(not_a_zip))
    assert code == 1 and "not a readable zip" in output
    not_a_key = tmp_path / "key.pub"
    not_a_key.write_text("hello")
    code, output = portalcert(capsys, "verify", str(not_a_zip), "--key", str(not_a_key))
    assert code == 2 and "not a PEM public key" in output


def test_a_manifest_of_the_wrong_shape_is_named(
    signed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def break_manifest(files: Files) -> None:
        manifest = json.loads(files["manifest.json"])
        manifest["documents"] = {"not": "a list"}
        files["manifest.json"] = json.dumps(manifest).encode()

    tampered = rewrite(signed, tmp_path / "tampered.zip", break_manifest)
    code, output = portalcert(capsys, "verify", str(tampered))
    assert code == 1 and "changed file: manifest.json is not a portalcert-bundle/1 manifest" in output


def test_a_bundle_path_that_cannot_be_written_is_named_and_nothing_is_left(
    defect_run: SuiteRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = tmp_path / "taken.zip"
    taken.mkdir()  # a folder where the zip should go
    code, output = portalcert(capsys, "bundle", str(taken), "--from", str(defect_run.out_dir))
    assert code == 2 and f"{taken}: cannot write the bundle" in output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["taken.zip"] and taken.is_dir()
