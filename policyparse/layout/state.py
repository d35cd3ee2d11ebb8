"""Layout stage: the state the passes refine (the line table and what they found), and what a
reader tells them."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from policyparse._grammar import OUT_OF_FLOW, Role
from policyparse._lexer import Line
from policyparse.model import Diagnostic, Span


@attrs.define
class SetAsideText:
    """Text kept out of the flow: an intrusion from another article, a repeat, page furniture."""

    span: Span
    reason: str
    line: int


@attrs.define
class PagePart:
    """A run of lines of a newspaper page: ``policy``, ``article``, ``caption``, ``credits``,
    ``mark`` (「（上接第一版）」) or ``dateline``."""

    kind: str
    start: int
    stop: int


@attrs.frozen
class ReaderHints:
    """What a reader (web page, Word file) already knows of the lines it made.

    ``set_aside``: line index → reason, for the lines that are not the document (site
    chrome, a page header, a footnote). ``tables``: the spans of the document's tables, whose
    lines (rows or cells) are paragraphs of the 款 they stand in, never 款 of their own. A
    reader's lines are the file's own paragraphs, so no hard wrap is looked for and no
    paragraph is joined across two of them.
    """

    set_aside: Mapping[int, str]
    tables: tuple[Span, ...] = ()


@attrs.define
class Layout:
    """The state the layout passes refine, and what they found (as line indices and spans).

    ``text``, ``page`` and ``reader`` are the input and the caller's choices; the passes
    annotate ``lines`` (a line's kind becomes SET_ASIDE or JOINED when it leaves the flow, TOC_ENTRY in a
    目录) and fill in the rest. The stages after layout only read it.
    """

    text: str
    lines: list[Line]
    window: tuple[int, int]
    page: bool | None = None  # True or False forces page extraction on or off; None decides from the text
    reader: ReaderHints | None = None
    joins: dict[int, list[int]] = attrs.field(factory=dict)
    set_aside: list[SetAsideText] = attrs.field(factory=list)
    parts: list[PagePart] | None = None
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    tables: tuple[Span, ...] = ()  # a reader's tables: see ReaderHints


def take_out(layout: Layout, index: int, span: Span, reason: str) -> None:
    """Set ``span`` of line ``index`` aside for ``reason``: the line leaves the flow."""
    line = layout.lines[index]
    if line.kind in OUT_OF_FLOW:
        return  # set aside already (by a reader, or by an earlier rule): once is enough
    layout.lines[index] = line._replace(kind=Role.SET_ASIDE)
    layout.set_aside.append(SetAsideText(span=span, reason=reason, line=line.number))
