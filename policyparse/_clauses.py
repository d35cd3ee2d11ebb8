"""Model stage: an article's 款 (clauses): its paragraphs, each with the items (项) that follow it.

``docs/statutes.md`` ("款") describes the grouping. An article of one 款 keeps its paragraphs
and items; an article of several gets a ``clause`` section per 款 (label None, number n,
path ``第十条/第二款``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol

from policyparse._construct import new_section
from policyparse._ids import Parent, section_id
from policyparse._lexer import Line
from policyparse._line_view import LineView
from policyparse._pieces import Paragraphs
from policyparse._tree import Draft
from policyparse.model import Kind, Paragraph, Section, Span
from policyparse.numerals import int_to_chinese

# A 款 as it is grouped: its own paragraphs and the items under it.
_Group = tuple[list[Paragraph], list[Draft]]


class Tables:
    """The spans of the tables a reader found (a web page's, a Word file's), to ask whether a
    position is in one: a table's rows are lines, but one 款."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self._spans = spans
        self._starts = [start for start, _ in spans]

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._spans[index][1]


class SectionMaker(Protocol):
    """What grouping 款 needs of the section builder: its lines, paragraphs, tables, and
    sections built from item drafts."""

    @property
    def lines(self) -> LineView: ...

    @property
    def paragraphs(self) -> Paragraphs: ...

    @property
    def tables(self) -> Tables: ...

    def sections(self, drafts: list[Draft], parent: Parent) -> tuple[Section, ...]: ...


def clauses(
    maker: SectionMaker, article: Parent, line: int, paragraphs: list[Paragraph], drafts: Sequence[Draft]
) -> tuple[list[Paragraph], tuple[Section, ...]]:
    """Group an article's paragraphs (款) with the items (项) that follow each one.

    A paragraph after an item is the article's next 款, not part of the item, so it is
    taken out of the item's body first. With one 款, the article keeps its paragraphs and
    items; with more, each 款 becomes a ``clause`` section (label None, number n).

    Args:
        maker: the section builder, which builds the items.
        article: the article, as a parent.
        line: the article's line number (a 款 without a paragraph of its own starts there).
        paragraphs: the article's paragraphs (the text after its title, then its body).
        drafts: the article's items.

    Returns:
        The article's own paragraphs and its children: its items, or its 款.
    """
    if not drafts and len(paragraphs) <= 1:
        return paragraphs, ()  # one 款 and no items: most articles
    groups: list[_Group] = []
    _group(groups, paragraphs, maker.tables)
    for draft in drafts:
        item, tail = _split_tail(draft, maker.lines)
        if not groups:
            groups.append(([], []))
        groups[-1][1].append(item)
        _group(groups, maker.paragraphs.of_lines(tail), maker.tables)
    if len(groups) <= 1:
        own, items = groups[0] if groups else ([], [])
        return own, maker.sections(items, article)
    return [], tuple(
        _clause(maker, article, line, number, own, items) for number, (own, items) in enumerate(groups, start=1)
    )


def _group(groups: list[_Group], paragraphs: list[Paragraph], tables: Tables) -> None:
    """Each paragraph opens a 款, but a line of a table (a reader's) goes on in the 款 before it."""
    for paragraph in paragraphs:
        if groups and not groups[-1][1] and paragraph.span[0] in tables:
            groups[-1][0].append(paragraph)
        else:
            groups.append(([paragraph], []))


def _clause(
    maker: SectionMaker, article: Parent, line: int, number: int, own: list[Paragraph], items: list[Draft]
) -> Section:
    """One 款 of an article: its paragraph and the items under it."""
    clause = Parent(
        Kind.CLAUSE,
        section_id(Kind.CLAUSE, number, parent=article.id),
        article.path_of(f"第{int_to_chinese(number)}款"),
    )
    children = maker.sections(items, clause)
    spans = [p.span for p in own] + [c.span for c in children]
    return new_section(
        kind=Kind.CLAUSE, label=None, number=number, title=None,
        paragraphs=tuple(own), children=children, id=clause.id, path=clause.path,
        line=maker.lines.line_at(own[0].span[0]) if own else line,
        span=(min(a for a, _ in spans), max(b for _, b in spans)),
    )


def _split_tail(draft: Draft, lines: LineView) -> tuple[Draft, Sequence[Line]]:
    """Take the lines after an item's last line (its own, or its last subitem's) out of it.

    Returns:
        A new draft of the item without them (``draft`` is not changed), and the lines.
    """
    if draft.children:
        last, tail = _split_tail(draft.children[-1], lines)
        children = (*draft.children[:-1], last)
        return Draft(draft.rule, draft.marker, draft.body, children, draft.implicit_number), tail
    return Draft(draft.rule, draft.marker, (), draft.children, draft.implicit_number), lines.lines_of(draft.body)
