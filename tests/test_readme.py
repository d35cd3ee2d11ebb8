"""The README's Python example runs and prints what it says."""

from __future__ import annotations

import contextlib
import io
import os

import regex

from tests.conftest import ROOT


def test_readme_example_runs_as_shown() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = regex.search(r"```python\n(.*?)```", readme, flags=regex.DOTALL).group(1)
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
