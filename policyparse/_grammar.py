"""Grammar stage: load `grammars/policyparse.lark` once and expose its parser and markers."""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lark
import regex

GRAMMAR_FILE = "policyparse.lark"
TEXT = "TEXT"
UNKNOWN = "UNKNOWN"
CONTENTS = "CONTENTS"
TOC_ENTRY = "TOC_ENTRY"
# Heading terminals without a number (序言, 附则).
UNNUMBERED = frozenset({"PREFACE", "SUPPLEMENTARY"})
# Lines the layout stage took out of the text flow (page furniture, set-aside intrusions, the
# continuation of a joined paragraph): they travel with the text but make no paragraph.
LAYOUT = "LAYOUT"
# Line kinds that are not headings: they travel inside bodies.
NOT_HEADINGS = frozenset({TEXT, UNKNOWN, CONTENTS, TOC_ENTRY, LAYOUT})


def grammar_text() -> str:
    """Return the grammar: shipped inside the wheel, or from the source checkout's top level."""
    packaged = importlib.resources.files("policyparse") / "grammars" / GRAMMAR_FILE
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parent.parent / "grammars" / GRAMMAR_FILE
    return checkout.read_text(encoding="utf-8")


class _PreLexed(lark.lexer.Lexer):
    """Lark lexer that passes through the tokens the line lexer already made."""

    def __init__(self, lexer_conf: Any) -> None:
        del lexer_conf

    def lex(self, data: Any) -> Iterator[lark.Token]:  # type: ignore[override]
        yield from data


@functools.cache
def parser() -> lark.Lark:
    """Return the LALR parser, built once per process."""
    return lark.Lark(grammar_text(), parser="lalr", lexer=_PreLexed, regex=True)


@functools.cache
def marker_pattern() -> regex.Pattern[str]:
    """Return one pattern whose named groups are the grammar's marker terminals.

    The patterns come from the compiled grammar (``Lark.terminals``), in the order the
    grammar defines them, so no second copy of the numbering exists in Python.
    """
    alternatives = [
        f"(?P<{terminal.name}>{terminal.pattern.value})"
        for terminal in parser().terminals
        if terminal.name not in (TEXT, TOC_ENTRY)
    ]
    return regex.compile("|".join(alternatives))
