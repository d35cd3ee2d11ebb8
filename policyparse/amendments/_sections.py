"""The id of the base section an instruction changes."""

from __future__ import annotations

from policyparse.amendments._blocks import article_key_or_none
from policyparse.amendments._model import Instruction
from policyparse.model import Document, Kind, Section

__all__ = ["section_of"]

_KINDS = {"clause": Kind.CLAUSE, "item": Kind.ITEM, "subitem": Kind.SUBITEM}


def section_of(base: Document, instruction: Instruction) -> str | None:
    """The id of the deepest base section the instruction's first place names (an added unit:
    the section it is added to), or None when it names no section (the title, the 引言)."""
    levels = instruction.places[0] if instruction.places else ()
    if not levels and instruction.to:
        levels = instruction.to[0][:-1]
    article = next((p for p in levels if p.unit == "article"), None)
    if article is None:
        return None
    key = (article.number, article.suffix)
    articles = (s for s in base.walk() if s.kind is Kind.ARTICLE and s.label)
    found = next((s for s in articles if article_key_or_none(s.label or "") == key), None)
    if found is None:
        return None
    for place in levels[levels.index(article) + 1 :]:
        kind = _KINDS.get(place.unit)
        if kind is None:
            break
        below = _numbered(found, kind, place.number)
        if below is None:
            break
        found = below
    return found.id


def _numbered(section: Section, kind: Kind, number: int | None) -> Section | None:
    children = [c for c in section.children if c.kind is kind]
    if kind is Kind.CLAUSE:
        return children[number - 1] if number and 0 < number <= len(children) else None
    for child in children or [g for c in section.children for g in c.children if g.kind is kind]:
        if child.number == number:
            return child
    return None
