"""Layout stage: what every pass asks of a line (its text, whether it is filled, a title's look,
a heading's number) and how to find the next line of text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from policyparse._grammar import OUT_OF_FLOW
from policyparse._lexer import Line
from policyparse._titles import SENTENCE_PUNCTUATION
from policyparse.numerals import label_value

SHORT_LINE = 20  # characters: shorter than any wrap width, as a table's cell or a title is


MIN_INTRUSION = 8


MAX_TITLE_LINE = 40


def line_text(text: str, line: Line) -> str:
    """The line's text, without its indentation and trailing whitespace."""
    return text[line.content_start : line.content_end]


def filled(line: Line) -> bool:
    """A line that holds text of the flow: not blank, not taken out of it (furniture, a join)."""
    return not line.is_blank and line.kind not in OUT_OF_FLOW


def title_like(content: str) -> bool:
    """A short line without sentence punctuation: a title, a headline, a running header."""
    return 0 < len(content) <= MAX_TITLE_LINE and not SENTENCE_PUNCTUATION.search(content)


def heading_number(text: str, line: Line) -> int | None:
    """The number of a heading line's label, or None."""
    return number_of(text[line.label_start : line.label_end])


def number_of(label: str) -> int | None:
    """The number a label stands for, or None when it holds no valid numeral."""
    try:
        return label_value(label)
    except ValueError:
        return None


def next_filled(lines: Sequence[Line], i: int) -> int:
    while i < len(lines) and not filled(lines[i]):
        i += 1
    return i


def previous_filled(lines: Sequence[Line], i: int) -> int | None:
    while i >= 0 and not filled(lines[i]):
        i -= 1
    return i if i >= 0 else None


def joined_text(text: str, lines: Sequence[Line], joins: Mapping[int, Sequence[int]], index: int) -> str:
    """The text of line ``index`` with the lines the joins pass joined to it: how the frame, the
    metadata and the model read a paragraph the layout broke."""
    line = lines[index]
    chain = joins.get(index)
    if chain is None:
        return text[line.content_start : line.content_end]
    return "".join(text[lines[k].content_start : lines[k].content_end] for k in (index, *chain))
