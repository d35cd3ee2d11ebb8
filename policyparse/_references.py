"""References stage: the citations of a built document resolved to the sections they name (issue 15).

Each tree is resolved on its own: the document's sections, and each attachment's (an embedded
regulation's 第五条 is its own article 5, not the notice's). Absolute units (第X条, 第N款 of an
article, 第（M）项 of a 款) are looked up by number; relative ones (前款, 本条, 前条, 前项) from the
place the citation stands in. A single-款 article is its own 第一款. A citation that names
another document (《…》, 刑法, or 本条例 in a text whose title does not end in 条例) keeps the
name and resolves to nothing; one that names a number this document lacks gets a diagnostic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from policyparse._citations import Citation, Unit, citations, number_of
from policyparse.model import Diagnostic, Document, Kind, Paragraph, Reference, Section, Severity

UNRESOLVED = "unresolved-reference"
_DIVISIONS = {"book": Kind.BOOK, "chapter": Kind.CHAPTER, "part": Kind.SECTION}
# The kinds a citation names by number in the whole text (the others: inside their parent).
_NUMBERED_BY_TEXT = frozenset({Kind.ARTICLE, *_DIVISIONS.values()})
# What holds a 款, a 项, a 目.
_HOLDERS = {
    "clause": frozenset({Kind.ARTICLE}),
    "item": frozenset({Kind.ARTICLE, Kind.CLAUSE}),
    "subitem": frozenset({Kind.ITEM}),
    "part": frozenset({Kind.CHAPTER}),
}
_LINE_BREAK = regex.compile(r"\r\n?|\n")
# Where a unit of a citation may start: a quick scan of the whole text for them.
_UNIT_START = regex.compile(r"第[（(]?[零〇一二三四五六七八九十百千两0-9]|前[两二三四五六七八九]?[款条项]|本[款条项]")


class _Place:
    """Where a paragraph stands: its section and the article, 款, item and chapter around it."""

    __slots__ = ("article", "chapter", "clause", "item", "section")

    def __init__(self, section: Section, tree: _Tree) -> None:
        self.section = section
        chain = [section, *tree.ancestors(section)]  # the nearest first
        self.article = next((s for s in chain if s.kind is Kind.ARTICLE), None)
        self.clause = next((s for s in chain if s.kind is Kind.CLAUSE), None)
        if self.clause is None and self.article is not None and not _clauses(self.article):
            self.clause = self.article  # a single-款 article is its own first 款
        self.item = next((s for s in chain if s.kind is Kind.ITEM), None)
        self.chapter = next((s for s in chain if s.kind is Kind.CHAPTER), None)


class _Tree:
    """One tree of sections (the document's, or an attachment's), indexed for lookups, with
    the paragraphs in which a unit of a citation starts (``starts``: their offsets, sorted)."""

    def __init__(self, sections: Sequence[Section], title: str | None, starts: list[int]) -> None:
        self.title = title
        self.articles: list[Section] = []
        self.article_at: dict[int, int] = {}  # id() of an article → its index in articles
        self.by_number: dict[tuple[Kind, int, int | None], Section] = {}
        self.parents: dict[str, Section] = {}
        self.cited_in: list[tuple[Section, Paragraph]] = []
        self._starts = starts
        self._index(sections, None)

    def _index(self, sections: Sequence[Section], parent: Section | None) -> None:
        starts, parents, by_number = self._starts, self.parents, self.by_number
        for section in sections:
            kind = section.kind
            if kind in _NUMBERED_BY_TEXT and section.number is not None:
                if kind is Kind.ARTICLE:
                    self.article_at[id(section)] = len(self.articles)
                    self.articles.append(section)
                    by_number.setdefault((kind, section.number, _sub_number(section)), section)
                else:
                    by_number.setdefault((kind, section.number, None), section)
            if parent is not None:
                parents[section.id] = parent
            # A unit starts inside the section after its own label (its paragraphs, its children)?
            first = bisect.bisect_left(starts, section.label_span[1] if section.label_span else section.span[0])
            if first < len(starts) and starts[first] < section.span[1]:
                for paragraph in section.paragraphs:
                    first = bisect.bisect_left(starts, paragraph.span[0])
                    if first < len(starts) and starts[first] < paragraph.span[1]:
                        self.cited_in.append((section, paragraph))
            if section.children:
                self._index(section.children, section)

    def ancestors(self, section: Section) -> Iterator[Section]:
        """The sections holding ``section``, the nearest first."""
        parent = self.parents.get(section.id)
        while parent is not None:
            yield parent
            parent = self.parents.get(parent.id)

    def holder(self, section: Section, level: str) -> Section | None:
        """What holds a unit of ``level`` (clause, item, subitem, part) that a citation
        continuing one of ``section`` names: 「第一款第一项、第二项」 → the 款 of item 1."""
        wanted = _HOLDERS[level]
        if section.kind in wanted:
            return section
        return next((s for s in self.ancestors(section) if s.kind in wanted), None)

    def names_itself(self, own: str) -> bool:
        """Whether 本 + ``own`` (本法, 本条例) names this tree's document."""
        return self.title is None or self.title.endswith(own)


def find_references(document: Document, text: str) -> tuple[tuple[Reference, ...], list[Diagnostic]]:
    """The references of ``document`` (parsed from ``text``) in text order, and a diagnostic
    for each that names a section the document lacks.

    One scan of the text finds where a unit (第X条, 前款 …) starts; only the paragraphs holding
    one are read further (the article labels are units too, but in no paragraph)."""
    starts = [found.start() for found in _UNIT_START.finditer(text)]
    if not starts:
        return (), []
    trees = [_Tree(document.sections, document.meta.title, starts)]
    trees += [_Tree(a.sections, a.title, starts) for a in document.attachments]
    resolved: list[_Found] = []
    for tree in trees:
        places: dict[str, _Place] = {}
        for section, paragraph in tree.cited_in:
            cited = citations(paragraph.text)
            if cited:
                place = places.get(section.id) or places.setdefault(section.id, _Place(section, tree))
                resolved += _resolve_all(cited, paragraph, place, tree)
    resolved.sort()
    references = []
    problems = []
    for found, line in zip(resolved, _lines([found.start for found in resolved], text), strict=True):
        span = (found.start, found.end)
        reference = Reference(
            text=text[found.start : found.end], span=span, targets=found.targets, law=found.law,
            section=found.section, line=line,
        )
        references.append(reference)
        if found.missing:
            problems.append(
                Diagnostic(
                    code=UNRESOLVED, severity=Severity.WARNING, line=line, span=span,
                    message=f"{reference.text}: {found.missing}",
                )
            )
    return tuple(references), problems


class _Found(NamedTuple):
    """A resolved citation before its line is known: its span, the ids it names, the other
    document it cites, the section it stands in, and why it could not be resolved (or None)."""

    start: int
    end: int
    targets: tuple[str, ...]
    law: str | None
    section: str
    missing: str | None


def _resolve_all(cited: list[Citation], paragraph: Paragraph, place: _Place, tree: _Tree) -> list[_Found]:
    """The citations of one paragraph resolved; a range (第X条至第Y条) is one, from X to Y."""
    resolved: list[_Found] = []
    previous: tuple[list[Section], str | None] | None = None
    for citation in cited:
        start, end = _source_offset(paragraph, citation.start), _source_offset(paragraph, citation.end - 1) + 1
        law = citation.cited
        if law is None and citation.own is not None and not tree.names_itself(citation.own):
            law = f"本{citation.own}"
        if law is None and citation.joined and previous is not None:
            law = previous[1]  # 《刑法》第五条、第六条: the second is of 刑法 too
        targets: list[Section] = []
        missing = None
        if law is None:
            after = previous[0] if citation.joined and previous is not None else None
            targets, missing = _resolve(citation.units, place, tree, after)
        if citation.joined == "range" and previous is not None and resolved:
            first = resolved.pop()
            start = first.start
            if law is None and previous[0] and targets:
                targets = [*previous[0], *_between(previous[0][-1], targets[0], tree)] or targets
            missing = first.missing or missing
        previous = (targets, law)
        resolved.append(_Found(start, end, tuple(s.id for s in targets), law, place.section.id, missing))
    return resolved


def _resolve(
    units: tuple[Unit, ...], place: _Place, tree: _Tree, before: list[Section] | None
) -> tuple[list[Section], str | None]:
    """The sections ``units`` name from ``place``; ``before``: what the citation this one
    continues (a list or a range) named, whose levels above its first unit it keeps."""
    current: list[Section] = []
    for position, unit in enumerate(units):
        if position == 0:
            current = _first(unit, place, tree, before)
        elif len(current) == 1:
            current = _below(current[0], unit)
        else:
            current = []
        if not current:
            return [], f"no {_describe(unit)} here"
    return current, None


def _first(unit: Unit, place: _Place, tree: _Tree, before: list[Section] | None) -> list[Section]:
    level, number = unit.level, unit.number
    context = before[-1] if before else None
    if level == "article":
        return _one(tree.by_number.get((Kind.ARTICLE, number or 0, unit.sub)))
    if level in _DIVISIONS:
        # 第三节 alone: the 节 of the chapter the citation before it named (第二章第二节、第三节),
        # else of the chapter it stands in, else the first 第三节.
        chapter = None
        if level == "part":
            chapter = tree.holder(context, level) if context is not None else place.chapter
        inside = _below(chapter, unit) if chapter is not None else []
        return inside or _one(tree.by_number.get((_DIVISIONS[level], number or 0, None)))
    if level in ("clause", "item", "subitem"):
        holder = _holder_in_place(level, place) if context is None else tree.holder(context, level)
        return _below(holder, unit) if holder is not None else []
    if level == "previous_clauses":
        return _previous_clauses(place, number or 1)
    if level == "this_clause":
        return _one(place.clause)
    if level == "this_article":
        return _one(place.article)
    if level == "previous_article":
        index = tree.article_at.get(id(place.article), 0)
        return [tree.articles[index - 1]] if index > 0 else []
    if level == "this_item":
        return _one(place.item)
    if level == "previous_item":
        return _previous_item(place)
    return []


def _below(section: Section, unit: Unit) -> list[Section]:
    """The child of ``section`` that ``unit`` (a 款, 项 or 目, or a 章 or 节 of a 编 or 章, by
    number) names."""
    if unit.level in _DIVISIONS:
        return [c for c in section.children if c.kind is _DIVISIONS[unit.level] and c.number == unit.number][:1]
    if unit.level == "clause":
        clauses = _clauses(section) if section.kind is Kind.ARTICLE else []
        if not clauses:
            return [section] if section.kind is Kind.ARTICLE and unit.number == 1 else []
        return [c for c in clauses if c.number == unit.number][:1]
    kind = Kind.ITEM if unit.level == "item" else Kind.SUBITEM
    if unit.level == "item" and section.kind is Kind.ARTICLE and _clauses(section):
        # 第X条第M项 of an article of several 款: the 款 that has the items.
        for clause in _clauses(section):
            found = [c for c in clause.children if c.kind is kind and c.number == unit.number]
            if found:
                return found[:1]
        return []
    return [c for c in section.children if c.kind is kind and c.number == unit.number][:1]


def _holder_in_place(level: str, place: _Place) -> Section | None:
    """What holds a 款 (the article), 项 (the 款) or 目 (the item) the citation stands in."""
    if level == "clause":
        return place.article
    if level == "item":
        # The 款 it stands in if that has items; else the article (its 款 that has them:
        # 「依照本条第一款规定……属于第一项情形的」 in a later 款).
        clause = place.clause
        if clause is not None and any(c.kind is Kind.ITEM for c in clause.children):
            return clause
        return place.article or clause
    return place.item


def _previous_clauses(place: _Place, count: int) -> list[Section]:
    """前款, 前两款: the 款 before the one the citation stands in, in order."""
    article, clause = place.article, place.clause
    if article is None or clause is None or clause is article:
        return []
    clauses = _clauses(article)
    index = next((i for i, c in enumerate(clauses) if c is clause), -1)
    if index < count:
        return []
    return clauses[index - count : index]


def _previous_item(place: _Place) -> list[Section]:
    item, holder = place.item, place.clause
    if item is None or holder is None:
        return []
    items = [c for c in holder.children if c.kind is Kind.ITEM]
    index = next((i for i, c in enumerate(items) if c is item), -1)
    return [items[index - 1]] if index > 0 else []


def _between(first: Section, last: Section, tree: _Tree) -> list[Section]:
    """What a range adds after its first unit, up to its last: 第X条至第Y条 every article
    between them in document order; 第三项至第八项 every sibling item between them."""
    if first.kind is Kind.ARTICLE and last.kind is Kind.ARTICLE:
        start, end = tree.article_at.get(id(first)), tree.article_at.get(id(last))
        if start is None or end is None or start >= end:
            return []
        return tree.articles[start + 1 : end + 1]
    parent = tree.parents.get(first.id)
    if first.kind is not last.kind or parent is None or tree.parents.get(last.id) is not parent:
        return []
    siblings = [s for s in parent.children if s.kind is first.kind]
    start = next((i for i, s in enumerate(siblings) if s is first), None)
    end = next((i for i, s in enumerate(siblings) if s is last), None)
    if start is None or end is None or start >= end:
        return []
    return siblings[start + 1 : end + 1]


def _clauses(article: Section) -> list[Section]:
    return [c for c in article.children if c.kind is Kind.CLAUSE]


def _one(section: Section | None) -> list[Section]:
    return [section] if section is not None else []


def _sub_number(article: Section) -> int | None:
    """第三条之一 → 1; None for an article without 之."""
    label = article.label or ""
    if "之" not in label:
        return None
    return number_of(label.rpartition("之")[2])


_NAMES = {
    "article": "条", "clause": "款", "item": "项", "subitem": "目", "book": "编", "chapter": "章", "part": "节",
}


def _describe(unit: Unit) -> str:
    if unit.number is not None and unit.level in _NAMES:
        return f"{_NAMES[unit.level]} {unit.number}" + (f"之{unit.sub}" if unit.sub else "")
    return {"previous_clauses": "clause before this one", "this_clause": "clause", "this_article": "article",
            "previous_article": "article before this one", "this_item": "item",
            "previous_item": "item before this one"}.get(unit.level, unit.level)


def _source_offset(paragraph: Paragraph, offset: int) -> int:
    """The offset in the source of character ``offset`` of a paragraph's text (its pieces
    joined, for a paragraph the layout broke)."""
    if not paragraph.spans:
        return paragraph.span[0] + offset
    for start, end in paragraph.spans:
        if offset < end - start:
            return start + offset
        offset -= end - start
    return paragraph.span[1]


def _lines(offsets: list[int], text: str) -> list[int]:
    """The 1-based lines of ``offsets`` (ascending), counted in one pass over the text."""
    if "\r" in text:  # \r\n and a lone \r end a line too: the slower way
        breaks = [found.end() for found in _LINE_BREAK.finditer(text)]
        return [bisect.bisect_right(breaks, offset) + 1 for offset in offsets]
    lines = []
    line, position = 1, 0
    for offset in offsets:
        line += text.count("\n", position, offset)
        position = offset
        lines.append(line)
    return lines
