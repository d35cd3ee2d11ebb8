"""Layout pass: joins. A paragraph broken by the layout (a column or page break of a newspaper page,
a PDF's hard wrap) is joined to its continuation; a heading or a title line is never joined to
the next one."""

from __future__ import annotations

import regex

from policyparse._grammar import NOT_HEADINGS, Role
from policyparse._lexer import Line
from policyparse._titles import SENTENCE_PUNCTUATION
from policyparse.layout.lines import filled, heading_number, line_text, next_filled, title_like
from policyparse.layout.newspaper import page_marker
from policyparse.layout.state import Layout
from policyparse.layout.wraps import CLOSING, Wrapping, find_wrapping
from policyparse.model import Diagnostic, Severity


def join_breaks(layout: Layout) -> None:
    """The pass: on a newspaper page, join across each part's layout breaks; in a plain text
    (not a reader's: its lines are the file's paragraphs), undo a hard wrap if there is one."""
    text = layout.text
    if layout.parts is not None:
        for part in layout.parts:
            _join_breaks(text, layout, part.start, part.stop, None)
    elif layout.reader is None:
        wrapping = find_wrapping(text, layout.lines)
        if wrapping is not None:
            _join_breaks(text, layout, 0, len(layout.lines), wrapping)


def _join_breaks(text: str, layout: Layout, start: int, stop: int, wrapping: Wrapping | None) -> None:
    """Join each paragraph that the layout broke to its continuation.

    A page (``wrapping`` None) joins across blank lines a paragraph that ends without closing
    punctuation; a hard-wrapped text joins a full-width line to the next line.
    """
    lines = layout.lines
    text_lines = [line for line in lines[start:stop] if filled(line)]
    indented = sum(line.content_start > line.start for line in text_lines)
    # Paragraphs that open indented while their wrapped lines do not: the indent ends a paragraph.
    indented_starts = bool(text_lines) and 0.05 <= indented / len(text_lines) <= 0.6
    last_values: dict[str, int] = {}
    i = next_filled(lines, start)
    while i < stop:
        head = i
        if lines[head].kind not in NOT_HEADINGS and (value := heading_number(text, lines[head])) is not None:
            last_values[lines[head].kind] = value
        chain: list[int] = []
        while True:
            last = lines[chain[-1] if chain else head]
            following = next_filled(lines, (chain[-1] if chain else head) + 1)
            if following >= stop:
                break
            if not _continues(text, last, lines[following], wrapping, is_head=not chain, head=lines[head],
                              last_values=last_values):
                break
            between = range((chain[-1] if chain else head) + 1, following)
            if wrapping is not None and wrapping.gaps.end_paragraph(lines[between.start : between.stop]):
                break  # a blank line ends a wrapped paragraph, unless the layout puts it everywhere
            if wrapping is not None and indented_starts and lines[following].content_start > lines[following].start:
                break  # so does an indented line, where paragraphs open indented (「　　」)
            chain.append(following)
        if chain:
            layout.joins[head] = chain
            for k in chain:
                lines[k] = lines[k]._replace(kind=Role.JOINED)
            _note_join(text, layout, lines[head], [lines[k] for k in chain], page=wrapping is None)
            i = next_filled(lines, chain[-1] + 1)
        else:
            i = next_filled(lines, head + 1)


def _continues(
    text: str, line: Line, following: Line, wrapping: Wrapping | None, is_head: bool, head: Line,
    last_values: dict[str, int],
) -> bool:
    """Whether ``following`` goes on the paragraph that ``line`` (from ``head``) breaks: across
    a page's layout break, or, in a hard-wrapped text, by the rules of ``wraps``."""
    content = line_text(text, line)
    if not content or page_marker(content) or page_marker(line_text(text, following)):
        return False
    if wrapping is not None:
        return wrapping.continues(text, line, following, head, last_values)
    if following.kind not in NOT_HEADINGS:
        return False
    if content[-1] in CLOSING:
        return False
    # A heading whose rest is a short title, or a headline (no sentence punctuation at all),
    # stands on its own.
    rest = (text[head.rest_start : line.content_end] if is_head else content).strip()
    return not title_like(rest) and bool(SENTENCE_PUNCTUATION.search(rest))


def _note_join(text: str, layout: Layout, head: Line, chain: list[Line], page: bool) -> None:
    previous = head
    for line in chain:
        before = text[previous.content_end - 1 : previous.content_end]
        after = text[line.content_start : line.content_start + 1]
        if page:
            layout.diagnostics.append(
                Diagnostic(
                    code="joined-across-layout", severity=Severity.INFO,
                    message=f"line {previous.number} ends mid-sentence; joined to line {line.number}",
                    line=line.number, span=(line.content_start, line.content_end),
                )
            )
        if before == after and regex.match(r"\p{Han}", before):
            layout.diagnostics.append(
                Diagnostic(
                    code="suspicious-text", severity=Severity.WARNING,
                    message=f"「{before}{after}」: a doubled character where lines {previous.number} and "
                            f"{line.number} join (this one and the first of line {line.number}); "
                            "the layout may have repeated it",
                    line=previous.number, span=(previous.content_end - 1, previous.content_end),
                )
            )
        previous = line
