"""The generator is deterministic and the committed fixture is exactly what it produces."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from documents.tim_convenzione_mobile6.dataset import generate, validate
from documents.tim_convenzione_mobile6.dataset.roles import members
from portalcert import registry
from portalcert.datasets import dump, write_reference

ROOT = Path(__file__).resolve().parents[3]
SPEC = registry.get("tim-convenzione-mobile-6")
FIXTURE = SPEC.reference_dataset


def test_same_seed_same_bytes() -> None:
    assert dump(generate(6)) == dump(generate(6))


@pytest.mark.parametrize("hashseed", ["0", "12345"])
def test_same_bytes_in_other_process(hashseed: str) -> None:
    # Set/dict ordering follows PYTHONHASHSEED: a generator depending on it would differ here.
    code = (
        "import sys; from portalcert.datasets import dump;"
        " from documents.tim_convenzione_mobile6.dataset import generate;"
        " sys.stdout.buffer.write(dump(generate(6)).encode())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, check=True)
    assert out.stdout.decode("utf-8") == dump(generate(6))


def test_different_seed_different_data() -> None:
    a, b = generate(6), generate(7)
    assert a["entities"] != b["entities"]
    assert a["users"] != b["users"]


def test_committed_fixture_is_generated() -> None:
    assert FIXTURE.read_text(encoding="utf-8") == dump(generate(6)), (
        "the reference data set is stale: run `portalcert fixtures generate`"
    )


def test_dump_format() -> None:
    text = dump(generate(6))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "schema": "portalcert-fixtures/1",\n  "seed": 6,')
    assert json.loads(text) == generate(6)


def test_write(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "cm6.json"
    write_reference(SPEC, target, 6)
    assert target.read_bytes() == FIXTURE.read_bytes()


@pytest.mark.parametrize("seed", [0, 1, 6, 42, 2024, 99999])
def test_generated_sets_are_valid(seed: int) -> None:
    assert validate(generate(seed)) == []


def test_shape_and_extras() -> None:
    data = generate(6)
    assert list(data) == ["schema", "seed", "entities", "sims", "users", "people", "accounts"]
    roles = {member for ids in data["accounts"].values() for member in members(ids)}
    # filler beyond the roles, so the set looks like a real inventory
    assert [e for e in data["entities"] if e["id"] not in roles]
    assert len([s for s in data["sims"] if s["id"] not in roles]) >= 3
    assert [p for p in data["people"] if p["id"] not in roles]
    names = [e["name"] for e in data["entities"]]
    assert any(n.startswith("Comune di ") for n in names)
    assert any(n.startswith("Azienda Sanitaria") for n in names)
    assert any(n.startswith("Istituto ") for n in names)


def test_pools_for_what_a_run_uses_up() -> None:
    accounts = generate(6)["accounts"]
    assert len(accounts["active_sim"]) >= 6 and len(accounts["registrant"]) >= 6  # six registrations
    assert len(accounts["user"]) >= 2 and len(accounts["temp_user"]) >= 2  # recovery, password change


def test_does_not_touch_global_random_state() -> None:
    import random

    from faker import Faker

    random.seed(1)
    Faker.seed(1)
    expected_random, expected_faker = random.random(), Faker("it_IT").name()
    random.seed(1)
    Faker.seed(1)
    generate(6)
    assert random.random() == expected_random
    assert Faker("it_IT").name() == expected_faker
