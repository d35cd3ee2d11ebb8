"""The installed wheel, not the source tree, parses the seed (the grammar ships inside it)."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.wheel

_PROBE = """
import json, sys, policyparse, pathlib
assert 'site-packages' in policyparse.__file__, policyparse.__file__
grammar = pathlib.Path(policyparse.__file__).parent / 'grammars' / 'policyparse.lark'
assert grammar.is_file(), grammar
document = policyparse.parse_file(sys.argv[1])
assert policyparse.json_schema()["properties"]["schema"]["const"] == "policyparse/1"
assert policyparse.diff_json_schema()["properties"]["schema"]["const"] == "policyparse-diff/1"
print(json.dumps([s.path for s in document.walk()], ensure_ascii=False))
"""


def test_installed_wheel_parses_the_seed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("policyparse-*.whl")
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    # Run from an empty folder so that the source checkout cannot be imported.
    result = subprocess.run(
        [python, "-c", _PROBE, str(SEED)], cwd=tmp_path, check=True, capture_output=True, text=True
    )
    assert "六、/（十七）" in result.stdout
    converted = subprocess.run(
        [environment / "bin" / "policyparse", "convert", str(SEED), "--to", "text"],
        cwd=tmp_path, check=True, capture_output=True,
    )
    assert converted.stdout == SEED.read_bytes()
