"""Serializer stage (Markdown): a document's tables as GFM pipe tables, where they stand whole.

A table's rows (or cells) are also paragraphs of the document. A table is written as a pipe
table in place of those paragraphs when they all stand, one after another, in one list of
paragraphs (a section's, the preamble's …); a table that a heading cuts (a cell 「一、医疗质量」
that the parser took for a section) stays as its paragraphs.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

import regex

from policyparse._markdown_escape import escape_text
from policyparse.model import Document, Paragraph, Table

_PIPE = regex.compile(r"([|\\])")
# A merged cell wider than this is drawn this wide: a page's colspan=2000000 must not make a
# table of two million columns.
_MAX_SPAN = 1000

__all__ = ["TablePlacement", "pipe_table"]


class TablePlacement:
    """Which paragraph lists hold which tables whole, found once for a document."""

    def __init__(self, document: Document, text_of: Callable[[Paragraph], str] | None = None) -> None:
        """``text_of``: a paragraph's Markdown (its text escaped, by default)."""
        self._text_of = text_of or (lambda paragraph: escape_text(paragraph.text))
        self._at: dict[tuple[int, int], tuple[Table, int]] = {}
        if not document.tables:
            return
        tables = document.tables
        starts = [table.span[0] for table in tables]
        seen: dict[int, list[tuple[int, int]]] = {}  # table → (list, index) of each of its paragraphs
        for listed in _paragraph_lists(document):
            for index, paragraph in enumerate(listed):
                t = bisect.bisect_right(starts, paragraph.span[0]) - 1
                if t >= 0 and paragraph.span[1] <= tables[t].span[1]:
                    seen.setdefault(t, []).append((id(listed), index))
        for t, places in seen.items():
            lists = {list_id for list_id, _ in places}
            indices = [index for _, index in places]
            if len(lists) == 1 and indices == list(range(indices[0], indices[0] + len(indices))):
                self._at[(places[0][0], indices[0])] = (tables[t], indices[-1] + 1)

    def texts(self, paragraphs: Sequence[Paragraph]) -> list[str]:
        """The paragraphs' texts, with each table that stands whole among them as a pipe table.

        ``paragraphs`` must be the document's own tuple (a section's ``paragraphs`` …).
        """
        if not self._at:
            return [self._text_of(p) for p in paragraphs]
        blocks: list[str] = []
        index = 0
        while index < len(paragraphs):
            found = self._at.get((id(paragraphs), index))
            if found is not None:
                table, end = found
                blocks.append(pipe_table(table))
                index = end
                continue
            blocks.append(self._text_of(paragraphs[index]))
            index += 1
        return blocks


def _paragraph_lists(document: Document) -> Iterable[tuple[Paragraph, ...]]:
    yield document.header
    yield document.preamble
    yield document.contents
    yield from (section.paragraphs for section in document.walk())
    yield document.closing
    for attachment in document.attachments:
        yield attachment.header
        yield attachment.preamble
        yield attachment.contents
        yield from (section.paragraphs for section in attachment.walk())
        yield attachment.closing
    yield document.trailer


def pipe_table(table: Table) -> str:
    """A GFM table; the first row is its header. A merged cell stands in its first row and
    column; the places it covers beyond them are empty."""
    grid: dict[tuple[int, int], str] = {}
    rows = len(table.rows)
    for r, row in enumerate(table.rows):
        column = 0
        for cell in row.cells:
            while (r, column) in grid:
                column += 1
            for dr in range(min(cell.rowspan, rows - r)):
                for dc in range(min(cell.colspan, _MAX_SPAN)):
                    grid[(r + dr, column + dc)] = ""
            grid[(r, column)] = escape_text(_PIPE.sub(r"\\\1", " ".join(cell.text.split())))
            column += min(cell.colspan, _MAX_SPAN)
    width = 1 + max((c for _, c in grid), default=0)
    lines = []
    for r in range(rows):
        lines.append("| " + " | ".join(grid.get((r, c), "") for c in range(width)) + " |")
        if r == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)

