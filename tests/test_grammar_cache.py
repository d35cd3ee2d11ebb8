"""The per-user parser cache: same parser as a compile, safe folder, safe against bad files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import lark
import pytest

import policyparse
from policyparse import _grammar, _tree
from tests.conftest import SEED


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh XDG_CACHE_HOME; returns the folder policyparse keeps its cache in."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(_grammar.NO_CACHE_VARIABLE, raising=False)
    return tmp_path / "cache" / "policyparse"


def _terminals(parser: lark.Lark) -> list[tuple[Any, ...]]:
    return [(t.name, t.pattern.type, t.pattern.to_regexp(), sorted(t.pattern.flags), t.priority) for t in parser.terminals]


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make compiling the grammar fail the test (``Lark.load`` does not call ``__init__``)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the grammar was compiled instead of loaded")

    monkeypatch.setattr(lark.Lark, "__init__", refuse)


def _counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record every ``Lark.load`` call (and still load)."""
    calls: list[object] = []
    original = lark.Lark.load

    def load(file: object) -> lark.Lark:
        calls.append(file)
        return original(file)

    monkeypatch.setattr(lark.Lark, "load", load)
    return calls


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_cached_parser_is_the_compiled_one(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _grammar.build_parser()
    [cached_file] = _cache_files(cache_folder)
    assert cached_file.name.startswith("parser-") and cached_file.suffix == ".pickle"
    assert cache_folder.stat().st_mode & 0o777 == 0o700
    assert cached_file.stat().st_mode & 0o077 == 0
    expected = policyparse.to_json(policyparse.parse_file(SEED))

    _no_compiling(monkeypatch)
    cached = _grammar.build_parser()
    assert cached is not compiled
    assert _terminals(cached) == _terminals(compiled)
    monkeypatch.setattr(_tree, "parser", lambda: cached)
    assert policyparse.to_json(policyparse.parse_file(SEED)) == expected


def test_no_cache_variable_turns_it_off(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_grammar.NO_CACHE_VARIABLE, "1")
    loads = _counting_loads(monkeypatch)
    assert _grammar.cache_file(_grammar.grammar_text()) is None
    assert _terminals(_grammar.build_parser()) == _terminals(_grammar.parser())
    assert not cache_folder.parent.exists() and loads == []


def test_a_folder_others_can_write_is_not_used(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _grammar.build_parser()
    [planted] = _cache_files(cache_folder)
    cache_folder.chmod(0o777)
    loads = _counting_loads(monkeypatch)
    assert _grammar.cache_file(_grammar.grammar_text()) is None
    _grammar.build_parser()
    assert loads == [] and _cache_files(cache_folder) == [planted]


def test_a_folder_of_another_user_is_not_used(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _grammar.build_parser()
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_folder).st_uid + 1)
    loads = _counting_loads(monkeypatch)
    _grammar.build_parser()
    assert _grammar.cache_file(_grammar.grammar_text()) is None and loads == []


@pytest.mark.parametrize("damage", ["truncated", "zeros", "empty", "not-a-pickle"])
def test_a_corrupt_cache_file_means_compiling(cache_folder: Path, damage: str) -> None:
    _grammar.build_parser()
    [path] = _cache_files(cache_folder)
    good = path.read_bytes()
    path.write_bytes(
        {"truncated": good[: len(good) // 2], "zeros": bytes(len(good)), "empty": b"", "not-a-pickle": b"{}\n"}[damage]
    )
    assert _terminals(_grammar.build_parser()) == _terminals(_grammar.parser())
    with path.open("rb") as saved:  # the compiled parser was saved again
        assert _terminals(lark.Lark.load(saved)) == _terminals(_grammar.parser())
    assert _cache_files(cache_folder) == [path], "no temporary file is left behind"


def test_an_unwritable_cache_home_means_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("a file where the cache home should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv(_grammar.NO_CACHE_VARIABLE, raising=False)
    assert _grammar.cache_file(_grammar.grammar_text()) is None
    assert _terminals(_grammar.build_parser()) == _terminals(_grammar.parser())


def test_processes_starting_together_share_the_cache(cache_folder: Path) -> None:
    """Four processes start on an empty cache at once: all parse alike, one file remains."""
    script = (
        "import hashlib, sys, policyparse\n"
        "from policyparse import _grammar\n"
        "d = policyparse.to_json(policyparse.parse_file(sys.argv[1]))\n"
        "print(hashlib.sha256((d + _grammar.marker_pattern().pattern).encode()).hexdigest())\n"
    )
    environment = dict(os.environ, XDG_CACHE_HOME=str(cache_folder.parent))
    processes = [
        subprocess.Popen([sys.executable, "-c", script, str(SEED)], stdout=subprocess.PIPE, env=environment)
        for _ in range(4)
    ]
    outputs = {process.communicate()[0] for process in processes}
    assert [process.returncode for process in processes] == [0] * 4
    assert len(outputs) == 1
    assert [p.suffix for p in _cache_files(cache_folder)] == [".pickle"]
