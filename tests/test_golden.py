"""Golden tests: each tests/golden/<case>/input.txt against its reviewed outline and JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from tests.conftest import GOLDEN
from tests.outline import outline

CASES = sorted(p for p in GOLDEN.iterdir() if (p / "input.txt").is_file())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, update_goldens: bool) -> None:
    text = (case / "input.txt").read_text(encoding="utf-8")
    document = policyparse.parse(text, name="input.txt")
    produced = {
        "outline.txt": outline(document),
        "document.json": policyparse.to_json(document) + "\n",
        "document.md": policyparse.to_markdown(document),
    }
    for name, content in produced.items():
        expected_file = case / name
        if update_goldens:
            expected_file.write_text(content, encoding="utf-8")
        assert expected_file.read_text(encoding="utf-8") == content, f"{case.name}/{name} changed"
    assert policyparse.to_text(document) == text
