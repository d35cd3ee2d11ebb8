"""Grammar stage: load `grammars/policyparse.lark` once and expose its parser and markers."""

from __future__ import annotations

import contextlib
import enum
import functools
import hashlib
import importlib.resources
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lark
import regex

GRAMMAR_FILE = "policyparse.lark"


class Role(enum.StrEnum):
    """What a line of the line table is when it is no heading (a heading's kind is its marker
    terminal: ``ARTICLE``, ``H2``). The values are the parser's token types where a line
    reaches the parser (TEXT, UNKNOWN, CONTENTS, TOC_ENTRY); SET_ASIDE and JOINED lines
    travel in the run of text around them."""

    TEXT = "TEXT"  # a line without a marker
    UNKNOWN = "UNKNOWN"  # a marker shape no numbering scheme knows (Ⅰ、, 一）), or 「十十、」
    CONTENTS = "CONTENTS"  # 「目录」
    TOC_ENTRY = "TOC_ENTRY"  # an entry of a 目录
    SET_ASIDE = "SET_ASIDE"  # out of the flow: page furniture, an intrusion, a repeat, a reader's chrome
    JOINED = "JOINED"  # the continuation of a paragraph the layout broke (a wrap, a column break)


# An article's list item numbered 一、: no marker of its own (the lexer matches H1), the layout's
# `lists` pass gives it this kind.
ITEM1 = "ITEM1"
# Heading terminals without a number (序言, 附则).
UNNUMBERED = frozenset({"PREFACE", "SUPPLEMENTARY"})
# Lines the layout stage took out of the text flow: they travel with the text but make no paragraph.
OUT_OF_FLOW = frozenset({Role.SET_ASIDE, Role.JOINED})
# Line kinds that are not headings: they travel inside bodies.
NOT_HEADINGS = frozenset(Role)


def grammar_text(name: str = GRAMMAR_FILE) -> str:
    """Return a grammar of ``grammars/``: shipped inside the wheel, or from the source checkout's
    top level."""
    packaged = importlib.resources.files("policyparse") / "grammars" / name
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parent.parent / "grammars" / name
    return checkout.read_text(encoding="utf-8")


class _PreLexed(lark.lexer.Lexer):
    """Lark lexer that passes through the tokens the line lexer already made."""

    def __init__(self, lexer_conf: Any) -> None:
        del lexer_conf

    def lex(self, data: Any) -> Iterator[lark.Token]:  # type: ignore[override]
        yield from data


# Set to any non-empty value to neither read nor write the parser cache.
NO_CACHE_VARIABLE = "POLICYPARSE_NO_CACHE"
_OPTIONS: dict[str, Any] = {"parser": "lalr", "lexer": _PreLexed, "regex": True}


@functools.cache
def parser() -> lark.Lark:
    """Return the LALR parser, built once per process (see `build_parser`)."""
    return build_parser()


def build_parser() -> lark.Lark:
    """Load the compiled parser from the per-user cache, or compile the grammar and cache it.

    Lark's own ``cache=`` option is not used: it writes the file in place, so a process
    starting while another writes it reads half a file, and ``cache=True`` names a file in
    the shared temporary folder that another user could plant. Here the file is written to a
    temporary name and renamed (readers see the old file, the new one or none), in a folder
    only the user can write; anything wrong with it means compiling again.
    """
    text = grammar_text()
    path = cache_file(text)
    if path is not None:
        cached = _read_cache(path)
        if cached is not None:
            return cached
    compiled = lark.Lark(text, **_OPTIONS)
    if path is not None:
        _write_cache(compiled, path)
    return compiled


def cache_file(text: str) -> Path | None:
    """Return ``$XDG_CACHE_HOME/policyparse/parser-<key>.pickle`` (default ``~/.cache``).

    The key hashes the grammar, the parser options, lark's version and Python's. None when
    POLICYPARSE_NO_CACHE is set, when the folder cannot be made (a read-only home), or when
    it is writable by others or owned by another user (someone could plant a pickle there).
    """
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base) / "policyparse"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except (OSError, RuntimeError):  # RuntimeError: no home directory
        return None
    if status.st_mode & 0o022 or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
        return None
    options = sorted((name, getattr(value, "__qualname__", value)) for name, value in _OPTIONS.items())
    key = hashlib.sha256(f"{text}\0{options}\0{lark.__version__}\0{sys.version}".encode()).hexdigest()
    return folder / f"parser-{key[:24]}.pickle"


def _read_cache(path: Path) -> lark.Lark | None:
    """The cached parser, or None when the file is missing, foreign or unreadable."""
    try:
        with path.open("rb") as file:
            owner = os.fstat(file.fileno()).st_uid
            if hasattr(os, "getuid") and owner != os.getuid():
                return None
            return lark.Lark.load(file)
    except Exception:  # a truncated or corrupt pickle fails in many ways: compile instead
        return None


def _write_cache(compiled: lark.Lark, path: Path) -> None:
    """Save the parser beside ``path`` under a temporary name, then rename it into place."""
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".parser-", suffix=".tmp", delete=False) as file:
            temporary = file.name
            compiled.save(file)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk: the next process compiles again
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


@functools.cache
def marker_pattern() -> regex.Pattern[str]:
    """Return one pattern whose named groups are the grammar's marker terminals.

    The patterns come from the compiled grammar (``Lark.terminals``), in the order the
    grammar defines them, so no second copy of the numbering exists in Python.
    """
    alternatives = [
        f"(?P<{terminal.name}>{terminal.pattern.value})"
        for terminal in parser().terminals
        if terminal.name not in (Role.TEXT, Role.TOC_ENTRY, ITEM1)
    ]
    return regex.compile("|".join(alternatives))
