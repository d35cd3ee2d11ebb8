"""Split a decision's text into statements, each with its quotations taken out.

A statement is a line of the decision with the quotations it opens: 「将第十二条修改为：“……”」,
where the quotation may run over several lines (several 款). What stands outside quotation marks
is the statement's skeleton, each quotation one QUOTE character in it; the grammar reads the
skeleton, the quotations are the instruction's texts.

Conventions of quotation in decisions: nested quotation marks are ‘’ (they become “” in the
quoted text); a quotation of several paragraphs either opens once and closes after the last, or
opens every paragraph with “ and closes only the last (the older style of 修正案); a quotation
standing on the lines after 「修改为：」 belongs to the statement above it.
"""

from __future__ import annotations

import attrs

from policyparse.amendments._seams import full_width
from policyparse.model import Span

__all__ = ["QUOTE", "Quote", "Statement", "UnclosedQuote", "statements"]

QUOTE = "\ue000"  # a quotation in a skeleton (a private-use character: never in a decision)

_OPEN, _CLOSE = "“", "”"
_INNER_OPEN, _INNER_CLOSE = "‘", "’"
_BLANK = " \t\u3000\u00a0\r"  # within a line (a line break ends a quoted paragraph)
_ONLY_PUNCTUATION = frozenset("。；;，,：: \t\u3000\r")


@attrs.frozen(kw_only=True, weakref_slot=False)
class Quote:
    """A quotation: its text (paragraphs joined by ``\\n``, ‘’ made “”), and its span."""

    text: str
    span: Span


@attrs.frozen(kw_only=True, weakref_slot=False)
class Statement:
    """A statement: its skeleton (QUOTE for each quotation), its quotations, span and line."""

    skeleton: str
    quotes: tuple[Quote, ...]
    span: Span
    line: int


class UnclosedQuote(ValueError):
    """A quotation opens and never closes; ``line`` is where it opens."""

    def __init__(self, line: int) -> None:
        super().__init__(f"a quotation opens on line {line} and never closes")
        self.line = line


def statements(text: str) -> tuple[Statement, ...]:
    """Return the statements of ``text`` in order (blank lines make none).

    Raises:
        UnclosedQuote: if a quotation runs to the end of the text.
    """
    found: list[Statement] = []
    for statement in _scan(text):
        if found and _only_quotes(statement.skeleton):
            found[-1] = _joined(found[-1], statement)
        else:
            found.append(statement)
    return tuple(found)


def _only_quotes(skeleton: str) -> bool:
    return QUOTE in skeleton and all(ch == QUOTE or ch in _ONLY_PUNCTUATION for ch in skeleton)


def _joined(first: Statement, second: Statement) -> Statement:
    return Statement(
        skeleton=first.skeleton + second.skeleton.strip(_BLANK),
        quotes=first.quotes + second.quotes,
        span=(first.span[0], second.span[1]),
        line=first.line,
    )


def _scan(text: str) -> list[Statement]:
    """One statement per line outside quotations, a quotation kept whole across lines."""
    found: list[Statement] = []
    skeleton: list[str] = []
    quotes: list[Quote] = []
    start, line, start_line = 0, 1, 1
    position, length = 0, len(text)
    while position < length:
        ch = text[position]
        if ch == _OPEN:
            quote, position, lines = _quotation(text, position, line)
            quotes.append(quote)
            skeleton.append(QUOTE)
            line += lines
            continue
        if ch == "\n":
            _close(found, skeleton, quotes, (start, position), start_line)
            skeleton, quotes = [], []
            line += 1
            start, start_line = position + 1, line
        else:
            skeleton.append(ch)
        position += 1
    _close(found, skeleton, quotes, (start, length), start_line)
    return found


def _close(found: list[Statement], skeleton: list[str], quotes: list[Quote], span: Span, line: int) -> None:
    written = "".join(skeleton).strip(_BLANK)
    if written:
        found.append(Statement(skeleton=written, quotes=tuple(quotes), span=span, line=line))


def _quotation(text: str, opening: int, line: int) -> tuple[Quote, int, int]:
    """Read the quotation opening at ``opening``: its Quote, the position after it, and the
    number of line breaks inside it."""
    paragraphs: list[str] = []
    current: list[str] = []
    depth = 0
    breaks = 0
    position = opening + 1
    at_line_start = False
    length = len(text)
    while position < length:
        ch = text[position]
        if at_line_start and ch in _BLANK:
            position += 1
            continue
        if at_line_start and ch == _OPEN and depth == 0:
            at_line_start = False  # the older style: each paragraph opens again
            position += 1
            continue
        at_line_start = False
        if ch == "\n":
            breaks += 1
            if current:
                paragraphs.append("".join(current).rstrip(_BLANK))
                current = []
            at_line_start = True
        elif ch in (_OPEN, _INNER_OPEN):
            depth += 1
            current.append(_OPEN)
        elif ch in (_CLOSE, _INNER_CLOSE):
            if depth == 0 and ch == _CLOSE:
                if current:
                    paragraphs.append("".join(current).rstrip(_BLANK))
                text = full_width("\n".join(p for p in paragraphs if p))
                quote = Quote(text=text, span=(opening, position + 1))
                return quote, position + 1, breaks
            depth = max(0, depth - 1)
            current.append(_CLOSE)
        else:
            current.append(ch)
        position += 1
    raise UnclosedQuote(line)
