"""Model stage: the text and the layout's lines, as the builder's modules read them (read only)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence

from policyparse._lexer import Line
from policyparse.layout.lines import joined_text
from policyparse.model import Span


class LineView:
    """The text, the layout's line records and its joins, read and never written.

    The builder's modules (titles, 款, paragraphs, page parts) read the lines through one
    view. It holds references only (no copy of the records, which weigh about 2.4× the text):
    when the builder lets its view go, the records go too, unless someone else holds them.

    Attributes:
        text: the decoded text.
        lines: the line records, indexed from 0 (line ``n`` is ``lines[n - 1]``).
        joins: a line index → the indices of the lines the layout stage joined to it.
    """

    def __init__(self, text: str, lines: Sequence[Line], joins: Mapping[int, Sequence[int]]) -> None:
        self.text = text
        self.lines = lines
        self.joins = joins

    def is_joined(self, line: Line) -> bool:
        """True when the layout stage joined other lines to ``line``."""
        return line.number - 1 in self.joins

    def pieces(self, line: Line, start: int) -> list[Span]:
        """The text of a line from ``start``, and of the lines the layout joined to it."""
        chain = self.joins.get(line.number - 1)
        if chain is None:
            return [(start, line.content_end)] if start < line.content_end else []
        pieces = [(start, line.content_end)]
        for index in chain:
            joined = self.lines[index]
            pieces.append((joined.content_start, joined.content_end))
        return [(a, b) for a, b in pieces if a < b]

    def content(self, index: int) -> str:
        """The content of line ``index`` (0-based), with the lines joined to it."""
        return joined_text(self.text, self.lines, self.joins, index)

    def lines_of(self, ranges: tuple[range, ...]) -> Sequence[Line]:
        """The lines of a draft's body (one range of line indices per run of text lines)."""
        if len(ranges) == 1:
            return self.lines[ranges[0].start : ranges[0].stop]
        found: list[Line] = []
        for indices in ranges:
            found.extend(self.lines[indices.start : indices.stop])
        return found

    def line_at(self, position: int) -> int:
        """1-based number of the line holding ``position``."""
        return bisect.bisect_right(self._starts, position)

    @functools.cached_property
    def _starts(self) -> list[int]:
        """Where each line starts; made on first use (only articles of several 款 ask)."""
        return [line.start for line in self.lines]
