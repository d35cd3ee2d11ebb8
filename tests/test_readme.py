"""The README's Python example runs and prints what it says."""

from __future__ import annotations

import contextlib
import io
import os

import pytest
import regex

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = regex.findall(r"```python\n(.*?)```", README, flags=regex.DOTALL)


@pytest.mark.parametrize("code", EXAMPLES, ids=[f"example-{n}" for n in range(1, len(EXAMPLES) + 1)])
def test_readme_example_runs_as_shown(code: str) -> None:
    shown = [line[2:] for line in code.splitlines() if line.startswith("# ") and line != "# ..."]
    output = io.StringIO()
    previous = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(output):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(previous)
    assert output.getvalue().splitlines()[: len(shown)] == shown
