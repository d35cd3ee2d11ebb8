"""Model stage: the pieces of text the model holds, the separators between them, page parts and joins.

Every character of the text is in exactly one piece (a label, a title, a paragraph's text,
set-aside text) or one separator: the builder records each piece's span as it makes it, and
the separators are the complement (``docs/design.md``, "Lossless by construction").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from policyparse._construct import new_paragraph, new_separator
from policyparse._grammar import OUT_OF_FLOW, Role
from policyparse._lexer import Line
from policyparse._line_view import LineView
from policyparse.layout import PagePart as LayoutPart
from policyparse.model import Diagnostic, Join, Page, PagePart, Paragraph, PartKind, Separator, Severity, Span


class Pieces:
    """The spans of the pieces made so far, and the separators that fill the gaps between them.

    Args:
        text: the decoded text the spans point into.

    Attributes:
        spans: the spans recorded so far, in the order made; a piece that is no paragraph (a
            label, a title, set-aside text) is appended to it directly.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []

    def paragraph(self, start: int, end: int) -> Paragraph:
        """A paragraph of one piece, recorded."""
        span = (start, end)  # one tuple for the piece and the paragraph
        self.spans.append(span)
        return new_paragraph(text=self.text[start:end], span=span)

    def paragraph_of(self, pieces: list[Span]) -> Paragraph:
        """A paragraph of one piece, or of several that the layout stage joined, recorded."""
        if len(pieces) == 1:
            span = pieces[0]  # one tuple for the piece and the paragraph
            self.spans.append(span)
            return new_paragraph(text=self.text[span[0] : span[1]], span=span)
        self.spans.extend(pieces)
        text = "".join(self.text[a:b] for a, b in pieces)
        return new_paragraph(text=text, span=(pieces[0][0], pieces[-1][1]), spans=tuple(pieces))

    def separators(self) -> tuple[Separator, ...]:
        """The characters between pieces; equal texts (「\\n\\n」, 「\\n　　」) share one string.

        Raises:
            AssertionError: if two pieces overlap (a character would be in the document twice).
        """
        separators = []
        position = 0
        text = self.text
        seen: dict[str, str] = {}
        self.spans.sort()  # in place: no second list of a large document's pieces
        for start, end in self.spans:
            if start < position:
                raise AssertionError(f"overlapping pieces at {start}")
            if start > position:
                between = text[position:start]
                separators.append(new_separator(start=position, text=seen.setdefault(between, between)))
            position = end
        if position < len(text):
            separators.append(new_separator(start=position, text=text[position:]))
        return tuple(separators)


class Paragraphs:
    """Paragraphs made of lines: one per line that holds text, with the lines joined to it.

    A line whose marker is of no scheme known here (Ⅰ、, 一）) is kept as text, with an
    ``unknown-marker`` warning added to ``diagnostics``.

    Args:
        lines: the view of the text and its lines.
        pieces: where each paragraph's pieces are recorded.
        diagnostics: the builder's diagnostics, added to.
    """

    def __init__(self, lines: LineView, pieces: Pieces, diagnostics: list[Diagnostic]) -> None:
        self._lines = lines
        self._pieces = pieces
        self._diagnostics = diagnostics

    def of_lines(self, lines: Iterable[Line]) -> list[Paragraph]:
        """The paragraphs of these lines, in order; blank and layout lines make none."""
        paragraphs = []
        view = self._lines
        joins = view.joins
        pieces = self._pieces
        for line in lines:
            if line.content_start == line.content_end or line.kind in OUT_OF_FLOW:
                continue
            if line.kind == Role.UNKNOWN:
                self._unknown_marker(line)
            if line.number - 1 in joins:
                paragraphs.append(pieces.paragraph_of(view.pieces(line, line.content_start)))
            else:
                paragraphs.append(pieces.paragraph(line.content_start, line.content_end))
        return paragraphs

    def of_ranges(self, ranges: tuple[range, ...]) -> tuple[Paragraph, ...]:
        """The paragraphs of a draft's body (ranges of line indices)."""
        return tuple(self.of_lines(self._lines.lines_of(ranges)))

    def whole_lines(self, indices: Iterable[int]) -> tuple[Paragraph, ...]:
        """Header and closing lines, each whole (with the lines joined to it) as one paragraph."""
        lines = self._lines.lines
        return tuple(
            self._pieces.paragraph_of(self._lines.pieces(lines[i], lines[i].content_start))
            for i in indices
            if not lines[i].is_blank and lines[i].kind not in OUT_OF_FLOW
        )

    def _unknown_marker(self, line: Line) -> None:
        label = self._lines.text[line.label_start : line.label_end]
        self._diagnostics.append(
            Diagnostic(
                code="unknown-marker",
                severity=Severity.WARNING,
                message=f"「{label}」 looks like numbering but is no scheme known here; kept as text",
                line=line.number,
                span=(line.label_start, line.label_end),
            )
        )


def page_of(parts: Sequence[LayoutPart] | None, lines: Sequence[Line], paragraphs: Paragraphs) -> Page | None:
    """The parts of a newspaper page, or None for a text that is no page.

    The policy part has no paragraphs here: its text is in the document's sections.
    """
    if parts is None:
        return None
    found = []
    for part in parts:
        part_lines = lines[part.start : part.stop]
        made = () if part.kind == "policy" else tuple(paragraphs.of_lines(part_lines))
        filled = [line for line in part_lines if not line.is_blank]
        span = (filled[0].content_start, filled[-1].content_end) if filled else (0, 0)
        found.append(PagePart(kind=PartKind(part.kind), span=span, paragraphs=made))
    return Page(parts=tuple(found))


def joins_of(joins: Mapping[int, Sequence[int]], lines: Sequence[Line]) -> tuple[Join, ...]:
    """The lines the layout stage joined, each with the spans of its pieces, in line order."""
    found = []
    for head, chain in sorted(joins.items()):
        line = lines[head]
        spans = [(line.content_start, line.content_end)]
        spans += [(lines[k].content_start, lines[k].content_end) for k in chain]
        found.append(Join(line=line.number, spans=tuple(spans)))
    return tuple(found)
