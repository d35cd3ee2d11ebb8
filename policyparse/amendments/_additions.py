"""The add kind: new articles (之一 or numbered), 款, items, and a 节 with its articles."""

from __future__ import annotations

import regex

from policyparse.amendments._blocks import Block
from policyparse.amendments._edits import shift_items
from policyparse.amendments._model import Place
from policyparse.amendments._moves import article_place, articles_of
from policyparse.amendments._places import article_view, below, block_of, clauses_of, item_label, section_at
from policyparse.amendments._step import BLANK, ITEM_LABEL, Step
from policyparse.amendments._tracked import Mark, Tracked
from policyparse.model import Document, Kind, Section
from policyparse.numerals import ORDINAL_NUMERAL, int_to_chinese

__all__ = ["add"]


def add(step: Step) -> None:
    to = step.instruction.to
    if not to:
        raise step.fail("says not where the new text goes")
    unit = to[0][-1].unit
    if unit == "article":
        _add_articles(step)
    elif unit in ("clause", "item"):
        _add_inside(step, unit)
    elif unit == "section" and len(to[0]) >= 2:
        _add_section(step)
    else:
        raise step.fail(f"adding a {to[0][-1].label[-1]} is not supported yet")


def _add_articles(step: Step) -> None:
    places = step.instruction.to
    texts = (step.instruction.text or "").split("\n")
    if len(places) > 1 and len(texts) != len(places):
        raise step.fail("cannot tell which paragraphs make which new article")
    after = block_of(step, step.instruction.places[0]) if step.instruction.places else None
    for index, levels in enumerate(places):
        place = levels[-1]
        assert place.number is not None  # an article place always has a number
        if after is None:
            after = _before_number(step, place)
        if len(places) > 1:
            body = texts[index]
        elif step.instruction.text:
            body = step.paragraphs(step.instruction.text)
        else:
            body = ""  # 「增加一条，作为第一百一十一条，将第九十九条第三款修改后作为本条第一款」
        renumbered = step.renumbering and not place.suffix
        block = Block(
            key=None if renumbered else (place.number, place.suffix),
            label=place.label,
            gap=step.state.label_gap,
            body=Tracked(body, written=[(0, len(body))]),
            final=place.number if renumbered else None,
            new=True,
            after=None if renumbered and not step.instruction.places else after,
        )
        step.state.added.append(block)
        after = block


def _add_section(step: Step) -> None:
    """A new 节 with its articles (「在第十五章第三节后增加一节，作为第四节：“第四节　…”」): its
    heading written like the 节 before it, its articles after that 节's last article; the 节
    after it take the next numbers when the decision renumbers."""
    chapter, section = step.instruction.to[0][-2], step.instruction.to[0][-1]
    base = step.state.base
    if base is None or section.number is None:
        raise step.fail("no base")
    sections = _sections_of(base, chapter.number)
    previous = next((s for s in sections if s.number == section.number - 1), None)
    if previous is None:
        raise step.fail(f"{chapter.label} has no 节 before {section.label}")
    lines = (step.instruction.text or "").split("\n")
    heading = lines[0] if _SECTION_HEADING.match(lines[0]) else f"{section.label}　{lines[0]}"
    articles = articles_of(lines[1:])
    if not articles:
        raise step.fail("the new 节 has no articles")
    last = [s for s in previous.walk() if s.kind is Kind.ARTICLE][-1]
    after: Block | None = block_of(step, (article_place(last.label or ""),))
    template = _heading_piece(step, previous, heading)
    if step.renumbering:
        for later in sections:
            if later.number is not None and later.number >= section.number:
                _relabel(step, (chapter.number, later.number), f"第{int_to_chinese(later.number + 1)}节")
    for index, (label, body) in enumerate(articles):
        place = article_place(label)
        block = Block(
            key=None if step.renumbering else (place.number or 0, place.suffix),
            label=label, gap=step.state.label_gap,
            body=Tracked(step.paragraphs(body), written=[(0, len(body))]),
            final=place.number if step.renumbering else None, new=True, after=after,
            before=template if index == 0 else None,
        )  # fmt: skip
        step.state.added.append(block)
        after = block


_SECTION_HEADING = regex.compile(rf"^第[{ORDINAL_NUMERAL}]+节[ \u3000]*")


def _sections_of(base: Document, chapter: int | None) -> list[Section]:
    for section in base.walk():
        if section.kind is Kind.CHAPTER and section.number == chapter:
            return [c for c in section.children if c.kind is Kind.SECTION]
    return []


def _heading_piece(step: Step, model: Section, heading: str) -> str:
    """The text before a new 节's first article: the text before ``model``'s first article with
    its heading line made the new one; the base's blank lines and Markdown marks kept."""
    first = next(s for s in model.walk() if s.kind is Kind.ARTICLE)
    block = block_of(step, (article_place(first.label or ""),))
    piece = step.state.pieces[step.state.blocks.index(block)].text
    base_text = step.state.base_text
    if model.label_span is None:
        return step.state.article_gap + heading + step.state.article_gap
    end = model.title_span[1] if model.title_span else model.label_span[1]
    written = base_text[model.label_span[0] : end]
    if model.title_span:  # the new heading spaced as the model is: 「第三节 宣告失踪…」
        label = _SECTION_HEADING.match(heading)
        if label:
            gap = base_text[model.label_span[1] : model.title_span[0]]
            heading = label.group().rstrip(" \u3000") + gap + heading[label.end() :]
    return (
        piece.replace(written, heading, 1)
        if written in piece
        else step.state.article_gap + heading + step.state.article_gap
    )


def _relabel(step: Step, numbers: tuple[int | None, ...], label: str) -> None:
    """Write a new label for the 节 whose numbers (its chapter's and its own) end the tuple."""
    for text in step.state.texts():
        for mark in text.marks:
            key = mark.key
            if key[:2] == ("label", "section") and key[2][-len(numbers) :] == numbers:
                text.splice(mark.start, mark.end, label, written=False)
                text.marks.append(Mark(mark.start, mark.start + len(label), key))
                return


def _before_number(step: Step, place: Place) -> Block | None:
    """The block a new article goes after: the one with the key just below its own."""
    key = (place.number or 0, place.suffix)
    below = [b for b in step.state.all_blocks() if b.key is not None and b.key < key]
    return max(below, key=lambda b: b.key or (0, 0)) if below else None


def _add_inside(step: Step, unit: str) -> None:
    """New 款 or items in an article, before the one that now has their number."""
    first = step.instruction.to[0]
    block = block_of(step, first)
    article, offset = article_view(block)
    container = section_at(step, article, tuple(p for p in first[:-1] if p.unit not in ("article", "lead")))
    siblings = clauses_of(container) if unit == "clause" else below(container, Kind.ITEM)
    new = step.paragraphs(step.instruction.text)
    if unit == "item" and not ITEM_LABEL.match(new):
        new = item_label(siblings, first[-1].number or 0) + new
    number = first[-1].number or 0
    gap = step.state.paragraph_gap
    if siblings and 1 <= number <= len(siblings):
        at = siblings[number - 1].span[0] - offset
        block.body.splice(at, at, new + gap, added=True)
        if unit == "item":  # the items after it take the next numbers
            shift_items(block, (at, at + len(new)), 1)
        return
    if not siblings and unit == "clause" and number == 1:
        block.body.splice(0, 0, new + gap, added=True)
        return
    end = (siblings[-1].span[1] - offset) if siblings else len(block.body.text.rstrip(BLANK))
    if unit == "item" and siblings and block.body.text[end - 1 : end] == "。":
        block.body.splice(end - 1, end, "；", written=False)  # the last item no more
    block.body.splice(end, end, gap + new, added=True)
