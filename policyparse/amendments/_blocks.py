"""The base text cut for editing: its articles as blocks, the text between them as pieces.

An amendment edits articles (replace, add, delete, renumber) and the text around them (the title,
the 引言, a chapter's name). Cutting the base into ``pieces[0] block[0] pieces[1] block[1] …
pieces[-1]`` lets each edit work on one article's text, lets new articles stand between blocks,
and lets the renumbering put the blocks in their new order, each piece (a chapter heading and the
blank lines before an article) staying before the article it stood before.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from policyparse.amendments._tracked import BLANK, Mark, Tracked
from policyparse.model import Document, Kind, Section, Span
from policyparse.numerals import label_number

__all__ = ["Block", "State", "article_key", "article_key_or_none", "assemble", "cut", "placed"]



def article_key(label: str) -> tuple[int, int]:
    """「第十条之一」 → (10, 1); 「第十条」 → (10, 0)."""
    base, _, suffix = label.removeprefix("第").partition("之")
    return label_number(base.removesuffix("条")), (label_number(suffix) if suffix else 0)


def article_key_or_none(label: str) -> tuple[int, int] | None:
    """``article_key``, or None for a label that is no article's (「第七十二条」 → (72, 0))."""
    try:
        return article_key(label if label.startswith("第") else "第" + label)
    except ValueError:
        return None


@attrs.define(eq=False, weakref_slot=False)
class Block:
    """One article being edited: its label, the gap after the label, and its body."""

    key: tuple[int, int] | None
    label: str
    gap: str
    body: Tracked
    final: int | None = None
    deleted: bool = False
    new: bool = False
    after: Block | None = None  # a new article's place: after this block
    before: str | None = None  # a new article's text before it (a new 节's heading), if any
    gone: list[int] = attrs.field(factory=list)  # base numbers of 款 moved out of it
    clauses: int | None = None  # how many 款 it had before any moved out

    @property
    def text(self) -> str:
        """The article as it stands now."""
        return self.label + self.gap + self.body.text


@attrs.define(eq=False, weakref_slot=False)
class State:
    """The base being edited: pieces around blocks, added blocks, and the base's spacing."""

    pieces: list[Tracked]
    blocks: list[Block]
    added: list[Block] = attrs.field(factory=list)
    article_gap: str = "\n"
    paragraph_gap: str = "\n"
    label_gap: str = "\u3000"
    base: Document | None = None
    base_text: str = ""
    # 款 the decision moved: (article key, base 款 number) → (the article now, its 款 number)
    moved: dict[tuple[tuple[int, int], int], tuple[Block, int]] = attrs.field(factory=dict)
    # base section ids of articles and their 款: id → (article key, 款 number or 0)
    places: dict[str, tuple[tuple[int, int], int]] = attrs.field(factory=dict)

    def all_blocks(self) -> Iterator[Block]:
        """Every block still standing, base and added, in no particular order."""
        for block in (*self.blocks, *self.added):
            if not block.deleted:
                yield block

    def texts(self) -> Iterator[Tracked]:
        """Every editable text: pieces and the bodies of standing blocks."""
        yield from self.pieces
        for block in self.all_blocks():
            yield block.body

    def find_mark(self, key: Any) -> tuple[Tracked, Mark] | None:
        """The text holding the mark with ``key``, and the mark."""
        for text in self.texts():
            mark = text.find(key)
            if mark is not None:
                return text, mark
        return None


def cut(base: Document, text: str) -> State:
    """Cut ``text`` (the base's text) into pieces and article blocks, with marks for the
    references, the title, the 引言, the 序言's 自然段 and the names of chapters and 节."""
    articles = [s for s in base.walk() if s.kind is Kind.ARTICLE and s.label_span is not None]
    pieces: list[Tracked] = []
    blocks: list[Block] = []
    bounds: list[tuple[Tracked, int]] = []  # each text and where it starts in the base
    position = 0
    for article in articles:
        start, end = article.span
        if start < position:
            continue  # an article inside another one's span (an embedded document): skip
        piece = Tracked(text[position:start])
        pieces.append(piece)
        bounds.append((piece, position))
        label_end = article.label_span[1] if article.label_span else start
        body_start = label_end
        while body_start < end and text[body_start] in " \t\u3000\u00a0":
            body_start += 1
        body = Tracked(text[body_start:end])
        blocks.append(
            Block(
                key=article_key(text[start:label_end]),
                label=text[start:label_end],
                gap=text[label_end:body_start],
                body=body,
            )
        )
        bounds.append((body, body_start))
        position = end
    tail = Tracked(text[position:])
    pieces.append(tail)
    bounds.append((tail, position))
    state = State(pieces=pieces, blocks=blocks, base=base, base_text=text)
    for article in articles:
        try:
            key = article_key(article.label or "")
        except ValueError:
            continue
        state.places[article.id] = (key, 0)
        clauses = [c for c in article.children if c.kind is Kind.CLAUSE]
        for number, clause in enumerate(clauses, 1):
            state.places[clause.id] = (key, number)
    _spacing(state, articles, text)
    for key, span in _named_spans(base):
        _mark(bounds, span, key)
    return state


def _mark(bounds: list[tuple[Tracked, int]], span: Span, key: Any) -> None:
    for tracked, start in bounds:
        if start <= span[0] and span[1] <= start + len(tracked.text):
            tracked.marks.append(Mark(span[0] - start, span[1] - start, key))
            return


def _named_spans(base: Document) -> Iterable[tuple[Any, Span]]:
    for reference in base.references:
        if reference.law is None:
            yield ("reference", reference), reference.span
    for index, span in enumerate(base.meta.spans.get("title", ())):
        yield ("title", index), span
    for index, paragraph in enumerate(base.preamble):
        yield ("preamble", index), paragraph.span
    for section in base.walk():
        if section.kind is Kind.PREFACE:
            for index, paragraph in enumerate(section.paragraphs, 1):
                yield ("paragraph", index), paragraph.span
        elif section.kind in (Kind.BOOK, Kind.CHAPTER, Kind.SECTION):
            numbers = _parent_number(base, section)
            if section.title_span:
                yield ("name", section.kind.value, numbers), section.title_span
            if section.label_span:
                yield ("label", section.kind.value, numbers), section.label_span


def _parent_number(base: Document, section: Section) -> tuple[int | None, ...]:
    """A chapter by its number; a 节 by its chapter's number and its own."""
    return tuple(s.number for s in (*reversed(base.ancestors(section)), section))


def _spacing(state: State, articles: list[Section], text: str) -> None:
    """The base's own spacing: between articles, between 款, and after a label."""
    between = collections.Counter(
        piece.text for piece in state.pieces[1:-1] if piece.text and not piece.text.strip(BLANK)
    )
    if between:
        state.article_gap = between.most_common(1)[0][0]
    gaps = collections.Counter(block.gap for block in state.blocks if block.gap)
    if gaps:
        state.label_gap = gaps.most_common(1)[0][0]
    paragraph_gaps: collections.Counter[str] = collections.Counter()
    for article in articles:
        spans = [s.span for s in article.walk()[1:]] or []
        for first, second in itertools.pairwise(spans):
            gap = text[first[1] : second[0]]
            if gap and not gap.strip(BLANK) and "\n" in gap:
                paragraph_gaps[gap] += 1
    state.paragraph_gap = paragraph_gaps.most_common(1)[0][0] if paragraph_gaps else state.article_gap


def assemble(state: State, *, by_number: bool) -> str:
    """The text again: blocks in their new order (by final number, or as they stand with each
    added block after its place), each piece before the block it stood before; the text before
    the first article stays first, the text after the last stays last."""
    lead: dict[int, str] = {}
    carried = ""
    for index, block in enumerate(state.blocks):
        piece = "" if index == 0 else state.pieces[index].text
        if block.deleted:
            carried = _carry(carried, piece)
        else:
            lead[id(block)] = _carry(carried, piece)
            carried = ""
    emitted: list[str] = [state.pieces[0].text]
    for position, block in enumerate(_by_number(state) if by_number else placed(state)):
        before = lead.get(id(block), "")
        if block.new and block.before is not None:
            before = block.before
        elif position and not before:
            before = state.article_gap
        if not position and emitted[0][-1:] in ("\n", ""):
            before = before.lstrip(BLANK)  # the first article gone: its blank lines once
        emitted.append(before + block.text)
    emitted.append(_carry(carried, state.pieces[-1].text))
    return "".join(emitted)


def _carry(carried: str, piece: str) -> str:
    """A piece whose article is gone goes before the next article; blank lines once."""
    if not carried.strip(BLANK):
        return piece
    if not piece.strip(BLANK):
        return carried
    return carried.rstrip(BLANK) + piece


def placed(state: State) -> list[Block]:
    """The standing blocks in the order they stand: each base article, the articles added after
    it, then the articles the decision numbered without saying after which."""
    order: list[Block] = []
    for block in state.blocks:
        if not block.deleted:
            order.append(block)
        order.extend(_placed_after(state, block))
    for added in state.added:  # numbered by the decision, placed by their numbers
        if added.after is None and not added.deleted:
            order.append(added)
            order.extend(_placed_after(state, added))
    return order


def _placed_after(state: State, block: Block) -> list[Block]:
    found: list[Block] = []
    for added in state.added:
        if added.after is block and not added.deleted:
            found.append(added)
            found.extend(_placed_after(state, added))
    return found


def _by_number(state: State) -> list[Block]:
    standing = placed(state)
    return sorted(standing, key=lambda block: block.final or 0)
