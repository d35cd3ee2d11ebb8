"""Model stage: sections from drafts, each with its kind in context, label, title, id and path.

A section's number, paragraphs and children are made here too, and every piece (label,
title, paragraph) is recorded; ``docs/numbering.md`` gives the rules of kinds and titles.
"""

from __future__ import annotations

from policyparse import _titles
from policyparse._clauses import Tables, clauses
from policyparse._construct import new_section
from policyparse._grammar import OUT_OF_FLOW, UNNUMBERED
from policyparse._ids import Parent, section_id
from policyparse._line_view import LineView
from policyparse._pieces import Paragraphs, Pieces
from policyparse._title_split import split_title
from policyparse._tree import Draft
from policyparse.kinds import KINDS, NAMED, RANK, RULE_KIND
from policyparse.model import Kind, Section
from policyparse.numerals import label_value

# Which rules of _titles.py decide a section's title.
_FAMILY = {
    kind: "division" if info.division else "statute" if info.statute_unit else "official"
    for kind, info in KINDS.items()
}
IMPLICIT_PATH_SEGMENT = "…"


class SectionBuilder:
    """Builds sections from drafts, with their paragraphs, recording every piece it makes.

    Args:
        lines: the text and its lines.
        pieces: where labels and titles are recorded (and, through ``paragraphs``, paragraphs).
        paragraphs: makes the paragraphs of body lines.
        tables: the spans of a reader's tables (a table is one 款).
    """

    def __init__(self, lines: LineView, pieces: Pieces, paragraphs: Paragraphs, tables: Tables) -> None:
        self.lines = lines
        self.pieces = pieces
        self.paragraphs = paragraphs
        self.tables = tables

    def sections(self, drafts: list[Draft], parent: Parent) -> tuple[Section, ...]:
        """Build sibling sections, in order; a repeated number gets an id suffix (``h2-3~2``).

        Args:
            drafts: a list the builder made for this call, emptied here: each draft is
                taken out of it and handed to :meth:`_section` alone, which lets it go
                once read, before the children are built (CPython moves a call's arguments
                into the called frame, so nothing else holds it then). A draft tree that
                nothing else holds is thus freed while the model grows.
            parent: the sections' parent.
        """
        if not drafts:
            return ()
        seen: dict[str, int] = {}
        built = []
        drafts.reverse()
        while drafts:
            built.append(self._section(drafts.pop(), parent, seen))
        return tuple(built)

    def _section(self, draft: Draft, parent: Parent, seen: dict[str, int]) -> Section:
        """Build one section, its children first; each Section is made once."""
        kind = kind_in_context(draft.rule, parent.kind)
        marker, drafts = draft.marker, [*draft.children]
        if marker is None:
            number = draft.implicit_number
            del draft  # read: let it go (see sections())
            return self._implicit(kind, number, drafts, parent, seen)
        lines = self.lines
        body_lines = lines.lines_of(draft.body)
        del draft  # read: let it go; its children are in a list of this builder's own
        line = lines.lines[marker.line - 1]
        label_span = (line.label_start, line.label_end)
        label = marker.label  # the text at label_span, kept from the token
        number = None if kind in NAMED else label_value(label)
        has_more = bool(drafts) or any(
            b.content_start != b.content_end and b.kind not in OUT_OF_FLOW for b in body_lines
        )
        title, title_span, inline, body_lines = split_title(lines, line, _FAMILY[kind], has_more, body_lines)
        written = lines.text[title_span[0] : title_span[1]] if title_span else None
        if kind in NAMED:
            title = _titles.clean_title(label, "division")
        paragraphs = [self.pieces.paragraph_of(inline)] if inline else []
        if body_lines:
            paragraphs += self.paragraphs.of_lines(body_lines)
        path = f"{parent.path}/{label}" if parent.path else label  # Parent.path_of, inlined: for every section
        own = Parent(kind, section_id(kind, number, parent.id, label, seen), path)
        self.pieces.spans.append(label_span)
        end = label_span[1]
        if title_span:
            self.pieces.spans.append(title_span)
            end = max(end, title_span[1])
        if kind is Kind.ARTICLE:
            paragraphs, children = clauses(self, own, line.number, paragraphs, drafts)
        else:
            children = self.sections(drafts, own)
        if paragraphs:
            end = max(end, max(p.span[1] for p in paragraphs))
        if children:
            end = max(end, max(c.span[1] for c in children))
        return new_section(
            kind=kind, label=label, number=number, title=title,
            paragraphs=tuple(paragraphs), children=children, id=own.id, path=own.path,
            line=line.number, span=(label_span[0], end), label_span=label_span,
            title_span=title_span, title_as_written=written if written != title else None,
        )

    def _implicit(
        self, kind: Kind, number: int | None, drafts: list[Draft], parent: Parent, seen: dict[str, int]
    ) -> Section:
        """The implicit parent that :func:`wrap_fragment` gave a fragment's leading sections."""
        own = Parent(kind, section_id(kind, number, parent=parent.id, seen=seen), parent.path_of(IMPLICIT_PATH_SEGMENT))
        first = drafts[0]
        while first.marker is None:
            first = first.children[0]
        children = self.sections(drafts, own)
        return new_section(
            kind=kind, label=None, number=number, title=None, children=children,
            implicit=True, id=own.id, path=own.path, line=first.marker.line,
            span=(children[0].span[0], children[-1].span[1]),
        )


def kind_in_context(rule: str, parent: Kind | None) -> Kind:
    """The kind of a section of grammar rule ``rule`` under a parent of kind ``parent``.

    An article's own list is its items (（一）, or 1. （1） ①), a list inside an item its
    subitems, and 一、 directly under a chapter or section an article (``docs/design.md``, "Kinds in context").
    """
    kind = RULE_KIND[rule]
    if parent is None:
        return kind
    if kind is Kind.HEADING1 and parent in (Kind.CHAPTER, Kind.SECTION):
        # 一、 numbering the articles of a chaptered text (the 2004 State Council rules).
        return Kind.ARTICLE
    if parent in (Kind.ARTICLE, Kind.CLAUSE) and kind in _LISTS:
        # An article's own list is its items (项), however it is numbered: （一）, or 1. （1） ①
        # in the many regulations that number their items so.
        return Kind.ITEM
    if parent is Kind.ITEM and kind in _LISTS:
        return Kind.SUBITEM  # a list inside an item: 目
    return kind


# The markers of a list inside an article.
_LISTS = frozenset({Kind.HEADING2, Kind.HEADING3, Kind.HEADING4, Kind.HEADING5})


def wrap_fragment(sections: list[Draft]) -> list[Draft]:
    """Give the leading sections of a fragment an implicit parent.

    A text that starts at （五） and goes on with 四、 starts mid-way through 三、: the
    leading （五） is wrapped in an implicit 三、 (number inferred from the 四、 after it).
    Repeated while a shallower section further on is not the first of its level, so
    「3.」「（二）」「二、」 gives 一、 ⊃ （一） ⊃ 3., then （二）, then 二、.

    Returns:
        The sections, the leading ones under new implicit drafts (``sections`` is not changed).
    """
    while sections:
        first_rank = RANK[sections[0].rule]
        shallower = next((i for i, d in enumerate(sections) if RANK[d.rule] < first_rank), None)
        if shallower is None:
            break
        after = sections[shallower]
        numbered = after.marker is not None and after.marker.type not in UNNUMBERED
        number = label_value(after.marker.label) - 1 if numbered and after.marker is not None else 0
        if number < 1:
            break  # the shallower section is a first one: what precedes it is an introduction
        parent = Draft(after.rule, None, (), tuple(sections[:shallower]), implicit_number=number)
        sections = [parent, *sections[shallower:]]
    return sections
