"""The examples in README.md and docs/ are run: Python ones as doctests, shell ones as commands."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from tests.conftest import ROOT

DOCTEST_FILES = ["docs/json-format.md", "docs/cli.md", "docs/noisy-input.md", "docs/references.md", "docs/amend.md"]
CONSOLE_FILES = ["docs/cli.md"]


@pytest.mark.parametrize("name", DOCTEST_FILES)
def test_python_examples(name: str) -> None:
    previous = os.getcwd()
    os.chdir(ROOT)
    try:
        result = doctest.testfile(str(ROOT / name), module_relative=False, optionflags=doctest.ELLIPSIS)
    finally:
        os.chdir(previous)
    assert result.failed == 0


def _console_examples(name: str) -> list[tuple[str, list[str]]]:
    """``$ command`` lines in ```console blocks, each with the output shown under it."""
    text = (ROOT / name).read_text(encoding="utf-8")
    examples: list[tuple[str, list[str]]] = []
    for block in regex.findall(r"```console\n(.*?)```", text, flags=regex.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif examples:
                examples[-1][1].append(line)
    return examples


EXAMPLES = [(name, command, shown) for name in CONSOLE_FILES for command, shown in _console_examples(name)]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One scratch folder for all examples of a page: later examples use earlier files."""
    return tmp_path_factory.mktemp("docs")


@pytest.mark.parametrize(("name", "command", "shown"), EXAMPLES, ids=[c for _, c, _ in EXAMPLES])
def test_shell_examples(name: str, command: str, shown: list[str], scratch: Path) -> None:
    del name
    environment = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    environment["TMP"] = str(scratch)
    result = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=environment, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, check=False,
    )
    output = result.stdout.splitlines()
    pattern = "\n".join(".*?" if line == "..." else regex.escape(line) for line in shown)
    assert regex.fullmatch(pattern, "\n".join(output), flags=regex.DOTALL), "\n".join(output)
