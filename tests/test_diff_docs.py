"""docs/diff.md is true: its Python examples run, and the outputs it shows are what diff() prints."""

from __future__ import annotations

import doctest
import importlib
import json
import os
import re

import pytest

import policyparse
from policyparse.compare import diff, diff_to_json, diff_to_markdown, diff_to_text
from tests.conftest import CORPUS, ROOT

DOC = ROOT / "docs" / "diff.md"
HOLIDAYS = CORPUS / "reg-public-holidays-2013.md", CORPUS / "reg-public-holidays-2024.md"
needs_corpus = pytest.mark.skipif(not all(p.is_file() for p in HOLIDAYS), reason="needs the corpus (tests/data/corpus)")


def test_package_docstring_examples() -> None:
    result = doctest.testmod(importlib.import_module("policyparse.compare"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


@needs_corpus
def test_python_examples_run() -> None:
    previous = os.getcwd()
    os.chdir(ROOT)
    try:
        result = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS)
    finally:
        os.chdir(previous)
    assert result.attempted > 0 and result.failed == 0


def _shown(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- output: {name} -->\n```\w*\n(.*?)```", text, flags=re.DOTALL)
    assert found, name
    return found.group(1)


@needs_corpus
def test_shown_outputs_are_current() -> None:
    result = diff(policyparse.parse_file(HOLIDAYS[0]), policyparse.parse_file(HOLIDAYS[1]))
    assert _shown("text") == diff_to_text(result)
    assert _shown("markdown") == diff_to_markdown(result)
    data = json.loads(diff_to_json(result))
    summary = json.loads(_shown("json-summary"))
    assert summary == data["summary"] | {"by_kind": {"article": data["summary"]["by_kind"]["article"]}}
    for line in _shown("json-changes").splitlines():
        assert json.loads(line) in data["changes"]
