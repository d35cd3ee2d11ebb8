"""Model stage: cut a heading's line into its title and the text after it, with their spans.

Whether a text is a title is decided by the rules of ``policyparse/_titles.py`` (which the
layout and frame stages read too); this module applies them to a heading's line as written:
the rest of the line after the label, the lines the layout stage joined to it (a title
wrapped over two lines), or the next line when the label stands alone (「（三）」 / 「合理用药」).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from policyparse import _titles
from policyparse._grammar import OUT_OF_FLOW, Role
from policyparse._lexer import WHITESPACE, Line
from policyparse._line_view import LineView
from policyparse.model import Span

TitleSplit = tuple[str | None, Span | None, list[Span], Sequence[Line]]
"""A heading's title and the body after it: the title as users want it (a division's
letter-spacing and Markdown escapes removed) or None; where the title is written, or None;
the pieces of the paragraph after the title on the heading's line and the lines joined to
it (empty when none); the section's body lines that are left (without the next line when
it was the title). A plain tuple: one is made for every heading."""


def split_title(
    lines: LineView, line: Line, family: str, has_more: bool, body_lines: Sequence[Line]
) -> TitleSplit:
    """Find the title of the heading on ``line``.

    Args:
        lines: the text and its lines.
        line: the heading's line (its label ends at ``line.rest_start``).
        family: ``"division"`` (编/章/节), ``"statute"`` (条, 项, 目) or ``"official"``: which
            rules apply (see ``policyparse/_titles.py``).
        has_more: whether the section has body lines or subsections below its line.
        body_lines: the section's body lines.

    Returns:
        The title (or None), its span (or None), the pieces of the text after it on the
        heading's line (empty when none) and the body lines left: a :data:`TitleSplit`.
    """
    text = lines.text
    start = line.rest_start
    end = line.content_end
    while start < end and text[start] in WHITESPACE:
        start += 1
    if line.number - 1 in lines.joins:
        return _of_joined_lines(lines, line, start, family, has_more, body_lines)
    # A line without joined lines (most): its rest is one piece, start to the end of its content.
    rest = text[start:end]
    if not rest:
        return _on_next_line(lines, family, body_lines)
    split = _titles.split_heading_rest(rest, family, has_more=has_more)
    if split is None:
        return (None, None, [(start, end)], body_lines)
    title = _titles.clean_title(rest[: split.title_end], family)
    offset = split.body_start
    while offset < len(rest) and rest[offset] in WHITESPACE:
        offset += 1
    inline = [(start + offset, end)] if offset < len(rest) else []
    return (title, (start, start + split.title_end), inline, body_lines)


def _of_joined_lines(
    lines: LineView, line: Line, start: int, family: str, has_more: bool, body_lines: Sequence[Line]
) -> TitleSplit:
    """:func:`split_title` for a line with lines joined to it: the title may run over them,
    with nothing but line breaks between its pieces."""
    text = lines.text
    pieces = lines.pieces(line, start)
    rest = "".join(text[a:b] for a, b in pieces)
    if not rest:
        return _on_next_line(lines, family, body_lines)
    split = _titles.split_heading_rest(rest, family, has_more=has_more)
    if split is None:
        return (None, None, pieces, body_lines)
    title_pieces = _cut_before(pieces, split.title_end)
    if not _only_line_breaks_between(text, title_pieces):
        return (None, None, pieces, body_lines)
    title = _titles.clean_title(rest[: split.title_end], family)
    offset = split.body_start
    while offset < len(rest) and rest[offset] in WHITESPACE:
        offset += 1
    title_span = (title_pieces[0][0], title_pieces[-1][1])
    return (title, title_span, _cut(pieces, offset), body_lines)


def _on_next_line(lines: LineView, family: str, body_lines: Sequence[Line]) -> TitleSplit:
    """A label alone on its line may have its title on the next line (「（三）」 / 「合理用药」)."""
    if family == "statute":
        return (None, None, [], body_lines)
    filled = [i for i, b in enumerate(body_lines) if not b.is_blank and b.kind not in OUT_OF_FLOW]
    if not filled or body_lines[filled[0]].kind != Role.TEXT or lines.is_joined(body_lines[filled[0]]):
        return (None, None, [], body_lines)
    candidate = body_lines[filled[0]]
    text = lines.text[candidate.content_start : candidate.content_end]
    if not _titles.is_standalone_title(text):
        return (None, None, [], body_lines)
    span = (candidate.content_start, candidate.content_end)
    return (_titles.clean_title(text, family), span, [], body_lines[filled[0] + 1 :])


def _only_line_breaks_between(text: str, pieces: list[Span]) -> bool:
    """True when a title wrapped over these pieces has only line breaks between them."""
    return all(not text[end:start].strip(WHITESPACE + "\r\n") for (_, end), (start, _) in itertools.pairwise(pieces))


def _cut_before(pieces: list[Span], offset: int) -> list[Span]:
    """The pieces up to ``offset`` characters into their joined text."""
    kept: list[Span] = []
    for start, end in pieces:
        if offset <= 0:
            break
        kept.append((start, min(end, start + offset)))
        offset -= end - start
    return kept


def _cut(pieces: list[Span], offset: int) -> list[Span]:
    """The pieces from ``offset`` characters into their joined text on."""
    kept: list[Span] = []
    for start, end in pieces:
        length = end - start
        if offset >= length:
            offset -= length
            continue
        kept.append((start + offset, end))
        offset = 0
    return kept
