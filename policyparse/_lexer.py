"""Lexer stage: split text into lines, classify each with the grammar's marker terminals.

Heading lines become one token each; the unnumbered lines between two headings travel to
the parser as one TEXT token (the parser only needs the headings to build the tree).
"""

from __future__ import annotations

from typing import NamedTuple

import lark
import regex

from policyparse._grammar import TEXT, UNKNOWN, marker_pattern

# Whitespace around a line's content: ASCII, U+3000, NBSP, zero-width space, BOM.
WHITESPACE = " \t\u3000\u00a0\u200b\ufeff\x0b\x0c"
_LINE = regex.compile(r"[^\r\n]*(?:\r\n?|\n)?")


class Line(NamedTuple):
    """One line of the input, with its content span and how the lexer classified it.

    ``start``/``end`` enclose the whole line with its line break; ``content_start`` and
    ``content_end`` its text without indentation and trailing whitespace. For a heading,
    ``kind`` is the marker terminal and ``label_end`` where the marker ends.
    """

    number: int
    start: int
    content_start: int
    content_end: int
    end: int
    kind: str
    label_end: int

    @property
    def is_blank(self) -> bool:
        """True when the line holds only whitespace."""
        return self.content_start == self.content_end


def split_lines(text: str) -> list[Line]:
    """Return the lines of ``text``, each classified as a marker terminal, UNKNOWN or TEXT."""
    markers = marker_pattern()
    lines: list[Line] = []
    for number, match in enumerate(_LINE.finditer(text), start=1):
        start, end = match.span()
        if start == end:
            break
        raw = match.group()
        body = raw.rstrip("\r\n")
        content = body.lstrip(WHITESPACE)
        content_start = start + len(body) - len(content)
        content = content.rstrip(WHITESPACE)
        content_end = content_start + len(content)
        found = markers.match(content) if content else None
        if found is None:
            lines.append(Line(number, start, content_start, content_end, end, TEXT, content_start))
        else:
            kind = found.lastgroup or TEXT
            lines.append(
                Line(number, start, content_start, content_end, end, kind, content_start + found.end())
            )
    return lines


def tokens(lines: list[Line], text: str) -> list[lark.Token]:
    """Return the parser's tokens: one per heading or UNKNOWN line, one per run of text lines."""
    result: list[lark.Token] = []
    run_start: Line | None = None
    previous: Line | None = None
    for line in lines:
        if line.kind == TEXT:
            if run_start is None:
                run_start = line
        else:
            if run_start is not None and previous is not None:
                result.append(_token(TEXT, run_start, previous, text))
                run_start = None
            result.append(_token(line.kind, line, line, text))
        previous = line
    if run_start is not None and previous is not None:
        result.append(_token(TEXT, run_start, previous, text))
    return result


def _token(kind: str, first: Line, last: Line, text: str) -> lark.Token:
    if kind in (TEXT, UNKNOWN):
        value = text[first.start : last.end]
    else:
        value = text[first.content_start : first.label_end]
    return lark.Token(
        kind,
        value,
        start_pos=first.start,
        line=first.number,
        column=1,
        end_line=last.number,
        end_column=1,
        end_pos=last.end,
    )
