"""The final numbering of a renumbered text: each article its number, and the references of
the base renumbered with the articles and 款 they name."""

from __future__ import annotations

import regex

from policyparse.amendments._blocks import Block, State, article_key_or_none
from policyparse.amendments._tracked import Mark, Tracked
from policyparse.errors import AmendError
from policyparse.numerals import ORDINAL_NUMERAL, SMALL_NUMERAL, int_to_chinese, label_number

__all__ = ["number_articles"]


_ARTICLE_NUMBER = regex.compile(rf"第(?P<number>[{ORDINAL_NUMERAL}]+)条(?:之(?P<suffix>[{SMALL_NUMERAL}]+))?")


def number_articles(state: State, order: list[Block], line: int) -> None:
    """Give every standing article its final number (those the decision numbered keep theirs,
    the others fill the numbers left, in order), relabel them, and renumber the references of
    the base that name them.

    Raises:
        AmendError: two articles given the same number, or a number past the last.
    """
    fixed = [block.final for block in order if block.final is not None]
    if len(set(fixed)) != len(fixed) or any(n < 1 or n > len(order) for n in fixed):
        raise AmendError("the decision's article numbers do not fit the amended text", line=line)
    free = iter(sorted(set(range(1, len(order) + 1)) - set(fixed)))
    finals: dict[tuple[int, int], int] = {}
    for block in order:
        if block.final is None:
            block.final = next(free)
        if block.key is not None:
            finals[block.key] = block.final
        label = f"第{int_to_chinese(block.final)}条"
        if block.label != label:
            block.label = label
    home = {id(block.body): block for block in state.all_blocks()}
    for text in state.texts():
        for mark in sorted(text.marks, key=lambda m: m.start, reverse=True):
            if mark.key[0] == "reference":
                _renumber_reference(state, text, mark, finals, home.get(id(text)))


_CLAUSE_OF_ARTICLE = regex.compile(
    rf"第(?P<article>[{ORDINAL_NUMERAL}]+条(?:之[{SMALL_NUMERAL}]+)?)第(?P<clause>[{ORDINAL_NUMERAL}]+)款"
)


_CLAUSE_OF_THIS = regex.compile(rf"本条第(?P<clause>[{ORDINAL_NUMERAL}]+)款")


def _renumber_reference(
    state: State, text: Tracked, mark: Mark, finals: dict[tuple[int, int], int], here: Block | None
) -> None:
    """A reference of the base, renumbered: a 款 the decision moved is named where it is now
    (「本法第七十二条第二款」 → 「本法第八十一条第一款」, 「本条第二款」 → 「本条第一款」), an
    article by its final number."""
    reference = mark.key[1]
    own = state.places.get(reference.section or "", ((0, 0), 0))[0]
    edits: list[tuple[int, int, str]] = []
    for match in _CLAUSE_OF_THIS.finditer(text.text, mark.start, mark.end):
        moved = state.moved.get((own, label_number(match["clause"])))
        if moved is not None:
            target, clause = moved
            edits.append((match.start(), match.end(), _clause_label(target, clause, here)))
    for match in _CLAUSE_OF_ARTICLE.finditer(text.text, mark.start, mark.end):
        key = article_key_or_none(match["article"])
        moved = state.moved.get((key, label_number(match["clause"]))) if key else None
        if moved is not None:
            target, clause = moved
            edits.append((match.start(), match.end(), _clause_label(target, clause, None)))
    for match in _ARTICLE_NUMBER.finditer(text.text, mark.start, mark.end):
        if any(start <= match.start() < end for start, end, _ in edits):
            continue
        final = finals.get(article_key_or_none(match.group()[1:]) or (0, 0))
        if final is not None:
            edits.append((match.start(), match.end(), f"第{int_to_chinese(final)}条"))
    for start, end, written in sorted(edits, reverse=True):
        if text.text[start:end] != written:
            text.splice(start, end, written, written=False)


def _clause_label(target: Block, clause: int, here: Block | None) -> str:
    if target is here:
        return f"本条第{int_to_chinese(clause)}款"
    return f"第{int_to_chinese(target.final or 0)}条第{int_to_chinese(clause)}款"
