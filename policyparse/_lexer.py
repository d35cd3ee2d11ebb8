"""Lexer stage: split text into lines, classify each with the grammar's marker terminals.

Heading lines become one token each; the unnumbered lines between two headings travel to
the parser as one TEXT token (the parser only needs the headings to build the tree).
"""

from __future__ import annotations

from typing import NamedTuple

import lark
import regex

from policyparse._grammar import (
    NOT_HEADINGS,
    OUT_OF_FLOW,
    UNNUMBERED,
    Role,
    marker_pattern,
)
from policyparse.numerals import label_value

# Whitespace around a line's content: ASCII, U+3000, NBSP, the typographic spaces (U+2000-U+200A,
# U+202F, U+205F: a web page's &ensp; and &emsp; indentation), zero-width space, BOM.
WHITESPACE = " \t\u3000\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u200b\ufeff\x0b\x0c"
_BREAK = regex.compile(r"(\r\n?|\n)")
_MARKDOWN_HEADING = regex.compile(r"#{1,6}[ \t\u3000]+")
_THEMATIC_BREAK = regex.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
# An anchor on a line of its own, as to_markdown writes before a section a reference names.
_ANCHOR = regex.compile(r'<a (?:id|name)="[^"<>\n]*"></a>')


class Line(NamedTuple):
    """One line of the input, with its content span and how the lexer classified it.

    ``start``/``end`` enclose the whole line with its line break; ``content_start`` and
    ``content_end`` its text without indentation and trailing whitespace. For a heading,
    ``kind`` is the marker terminal, ``label_start``/``label_end`` enclose the marker and
    ``rest_start`` is where the text after it begins (after Markdown bold marks around a
    label, 「**第十条**」).
    """

    number: int
    start: int
    content_start: int
    content_end: int
    end: int
    kind: str
    label_start: int
    label_end: int
    rest_start: int

    @property
    def is_blank(self) -> bool:
        """True when the line holds only whitespace."""
        return self.content_start == self.content_end


def split_lines(text: str) -> list[Line]:
    """Return the line table of ``text``: each line's kind is a marker terminal, or Role.UNKNOWN or Role.TEXT."""
    markers = marker_pattern()
    lines: list[Line] = []
    start = 0
    bodies, breaks = _bodies(text)
    for number, (body, line_break) in enumerate(zip(bodies, breaks, strict=True), start=1):
        end = start + len(body) + line_break
        content = body.lstrip(WHITESPACE)
        if content[:1] in "-*_" and _THEMATIC_BREAK.fullmatch(content):
            content = ""  # a Markdown rule (---) is layout, like a blank line
        elif content.startswith("<a ") and _ANCHOR.fullmatch(content.rstrip(WHITESPACE)):
            content = ""  # so is an anchor line (<a id="art-65"></a>)
        elif content.startswith("#"):
            # A Markdown heading's marks are syntax around the line, like indentation.
            heading = _MARKDOWN_HEADING.match(content)
            if heading:
                content = content[heading.end() :]
        # Equal offsets share one int object: a line record is a tenth smaller.
        content_start = start if len(content) == len(body) else start + len(body) - len(content)
        content = content.rstrip(WHITESPACE)
        content_end = content_start + len(content) if content else content_start
        found, bold = _match_marker(markers, content)
        if found is None:
            lines.append(
                Line(number, start, content_start, content_end, end, Role.TEXT, content_start, content_start,
                     content_start)
            )
        else:
            label_start = content_start + 2 if bold else content_start
            label_end = label_start + found.end()
            lines.append(
                Line(number, start, content_start, content_end, end, _heading_kind(found), label_start, label_end,
                     label_end + 2 if bold else label_end)
            )
        start = end
    return lines


def _bodies(text: str) -> tuple[list[str], list[int]]:
    """Each line's text without its line break (``\n``, ``\r\n`` or ``\r``), and the length of
    that break (0 for a last line without one)."""
    if "\r" in text:
        parts = _BREAK.split(text)  # body, break, body, break …, body
        bodies, breaks = parts[0::2], [len(part) for part in parts[1::2]] + [0]
    else:
        bodies = text.split("\n")
        breaks = [1] * len(bodies)
        breaks[-1] = 0
    if not bodies[-1]:
        bodies.pop()  # the end of the text, after its last line break (or an empty text)
        breaks.pop()
    return bodies, breaks


def _heading_kind(found: regex.Match[str]) -> str:
    """The terminal of the marker ``found`` at a line's start, or UNKNOWN if it holds no number."""
    kind: str = found.lastgroup or Role.TEXT
    if kind not in _UNCHECKED and not _valid_numeral(found.group()):
        kind = Role.UNKNOWN  # 「十十、」: the shape of a marker, but no number
    return kind


# Kinds whose label is no number to check.
_UNCHECKED = NOT_HEADINGS | UNNUMBERED


def _match_marker(markers: regex.Pattern[str], content: str) -> tuple[regex.Match[str] | None, bool]:
    """Match a marker at the start of ``content``, or one in Markdown bold (「**第十条** …」)."""
    if not content:
        return None, False
    if content.startswith("**"):
        close = content.find("**", 2)
        if 2 < close <= 24:
            inner = content[2:close]
            found = markers.match(inner + content[close + 2 :])
            if found is not None and found.end() == len(inner):
                return found, True
    return markers.match(content), False


def _valid_numeral(label: str) -> bool:
    base, inserted, suffix = label.partition("之")
    try:
        label_value(base)
        if inserted:
            label_value(suffix)  # 第三条之一: the inserted number must be one too
    except ValueError:
        return False
    return True


def tokens(lines: list[Line], text: str) -> list[lark.Token]:
    """Return the parser's tokens: one per heading or UNKNOWN line, one per run of text lines.

    A line out of the flow (set aside: page furniture, an intrusion; joined: a continuation) travels in
    the run around it.
    """
    result: list[lark.Token] = []
    run_start: Line | None = None
    run_kind: str = Role.TEXT
    previous: Line | None = None
    contents_open = False
    contents_may_open = True  # entries without a 目录 line open a contents before any heading
    for line in lines:
        kind = line.kind
        if kind in OUT_OF_FLOW:
            kind = run_kind if run_start is not None else Role.TEXT
        if kind == Role.CONTENTS:
            contents_open, contents_may_open = True, False
        elif kind == Role.TOC_ENTRY and not contents_open:
            if contents_may_open:
                contents_open, contents_may_open = True, False
            else:
                kind = Role.TEXT  # entries after a heading or a contents: text
        elif kind != Role.TOC_ENTRY and kind not in OUT_OF_FLOW and not line.is_blank:
            contents_open = False
            if kind not in NOT_HEADINGS:
                contents_may_open = False
        if run_start is not None and previous is not None and kind != run_kind:
            result.append(_token(run_kind, run_start, previous, text))
            run_start = None
        if kind in _RUNS:
            if run_start is None:
                run_start, run_kind = line, kind
        else:
            result.append(_token(kind, line, line, text))
        previous = line
    if run_start is not None and previous is not None:
        result.append(_token(run_kind, run_start, previous, text))
    return result


# Line kinds whose consecutive lines travel as one token.
_RUNS = frozenset({Role.TEXT, Role.TOC_ENTRY})


def _token(kind: str, first: Line, last: Line, text: str) -> lark.Token:
    """A heading's token holds its label; a run's token holds nothing (its lines say where its
    text is, and nothing reads it: an empty value saves a copy of the text)."""
    value = "" if kind in _VALUELESS else text[first.label_start : first.label_end]
    return lark.Token(kind, value, first.start, first.number, 1, last.number, 1, last.end)


# Kinds whose tokens carry no text: runs of lines, and UNKNOWN lines.
_VALUELESS = NOT_HEADINGS - {Role.CONTENTS}
