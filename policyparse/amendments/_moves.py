"""The kinds that change where text stands or its number: merge, split, move, renumber."""

from __future__ import annotations

import attrs
import regex

from policyparse.amendments._blocks import Block, article_key
from policyparse.amendments._edits import cut_out, put_in
from policyparse.amendments._model import Place
from policyparse.amendments._places import article_view, below, block_of, clauses_of, item_label, regions_of, section_at
from policyparse.amendments._step import BLANK, ITEM_LABEL, Step
from policyparse.amendments._tracked import Mark, Tracked
from policyparse.errors import AmendError
from policyparse.model import Kind
from policyparse.numerals import ORDINAL_NUMERAL, SMALL_NUMERAL

__all__ = ["article_place", "articles_of", "merge", "move", "renumber", "split"]


def merge(step: Step) -> None:
    """Articles made one (「将第六条和第七条合并修改为：“……”」, 「将第十条、第二十五条合并，作为第十条」:
    the first takes the text and the number, the others go), or 款 of an article made one."""
    places, to = step.instruction.places, step.instruction.to
    if not places:
        raise step.fail("names no article")
    if to and to[0][-1].unit == "article" and any(levels[-1].unit != "article" for levels in places):
        _merge_into_article(step)
        return
    if places[0][-1].unit == "article":
        first = block_of(step, places[0])
        others = [block_of(step, levels) for levels in places[1:]]
        if step.instruction.text:
            first.body.splice(0, len(first.body.text), step.paragraphs(step.instruction.text))
        for block in others:
            block.deleted = True
        if to and to[0][-1].unit == "article":
            first.final = to[0][-1].number
            if not step.renumbering:
                first.label = to[0][-1].label
        return
    spans = [regions_of(step, levels)[0] for levels in places]  # 款 or items of one article
    text, start, end = spans[0][0], min(s[1] for s in spans), max(s[2] for s in spans)
    new = step.paragraphs(step.instruction.text) if step.instruction.text else text.text[start:end]
    text.splice(start, end, new)


def _merge_into_article(step: Step) -> None:
    """「将第十八条第二款、第二十条、第二十一条合并，作为第二十二条，修改为：“……”」: the first whole
    article takes the text and the number, the others go, the 款 named move out of theirs."""
    places, to = step.instruction.places, step.instruction.to
    articles = [levels for levels in places if levels[-1].unit == "article"]
    clauses = [levels for levels in places if levels[-1].unit != "article"]
    for levels in reversed(clauses):
        [(text, start, end)] = regions_of(step, levels)
        cut_out(text, start, end)
        if levels[-1].unit == "clause":
            block_of(step, levels).gone.append(levels[-1].number or 0)
    number = to[0][-1].number
    if articles:
        first = block_of(step, articles[0])
        for levels in articles[1:]:
            block_of(step, levels).deleted = True
    else:
        first = Block(key=None, label=to[0][-1].label, gap=step.state.label_gap, body=Tracked(""), new=True,
                      after=block_of(step, clauses[0]))  # fmt: skip
        step.state.added.append(first)
    if step.instruction.text:
        first.body.splice(0, len(first.body.text), step.paragraphs(step.instruction.text))
    first.final = number
    if not step.renumbering:
        first.label = to[0][-1].label


def split(step: Step) -> None:
    """「将第三条改为两条，作为第三条、第四条，修改为：“第三条　……”“第四条　……”」; without a new
    text the moves after it (「第一款作为第八十条」) do the work. A 款 or an article divided in
    place (「分为两款，修改为：“……”」) takes the new text."""
    if not step.instruction.text:
        return
    if not step.instruction.to or step.instruction.to[0][-1].unit != "article":
        for levels in step.instruction.places[:1]:
            [(text, start, end)] = regions_of(step, levels)
            if levels[-1].unit == "article":
                text.splice(start, end, step.paragraphs(step.instruction.text))
            else:
                put_in(step, levels, text, start, end)
        return
    old = block_of(step, step.instruction.places[0])
    lines = step.instruction.text.split("\n")
    labelled = articles_of(lines)
    texts = [body for _, body in labelled] if labelled else lines
    if len(texts) != len(step.instruction.to):
        raise step.fail("cannot tell which paragraphs make which new article")
    after = old
    for levels, body in zip(step.instruction.to, texts, strict=True):
        body = step.paragraphs(body)
        place = levels[-1]
        block = Block(
            key=None, label=place.label, gap=step.state.label_gap,
            body=Tracked(body, written=[(0, len(body))]),
            final=place.number if step.renumbering else None, new=True, after=after,
        )  # fmt: skip
        step.state.added.append(block)
        after = block
    old.deleted = True


def move(step: Step) -> None:
    """款 made an article, or 款 of another article: 「将第十三条第二款改为第十六条」,
    「第三、四款分别作为第八十一条第二、三款」, 「将第九十九条第三款修改后作为本条第一款：“……”」.
    The old article goes when no 款 is left in it."""
    sources, targets = step.instruction.places, step.instruction.to
    if not sources or not targets or len(targets) not in (1, len(sources)):
        raise step.fail("cannot tell where each 款 goes")
    block = block_of(step, sources[0])
    if block.clauses is None:
        article, _ = article_view(block)
        block.clauses = len(clauses_of(article)) or 1
    spans = [regions_of(step, levels)[0][1:] for levels in sources]
    texts = [block.body.text[start:end] for start, end in spans]
    carried = [
        [Mark(m.start - start, m.end - start, m.key) for m in block.body.marks
         if start <= m.start and m.end <= end]
        for start, end in spans
    ]  # fmt: skip
    for start, end in sorted(spans, reverse=True):
        cut_out(block.body, start, end)
    numbers = [levels[-1].number or 0 for levels in sources]
    block.gone.extend(numbers)
    if len(block.gone) >= block.clauses:
        block.deleted = True
    gap = step.state.paragraph_gap
    if step.instruction.text:  # 「修改后作为本条第一款：“……”」: the decision's words, no references
        texts, carried = [step.paragraphs(step.instruction.text)], [[]]
    if len(targets) == 1 and len(texts) > 1:
        joined: list[Mark] = []
        offset = 0
        for text, marks in zip(texts, carried, strict=True):
            joined.extend(Mark(m.start + offset, m.end + offset, m.key) for m in marks)
            offset += len(text) + len(gap)
        texts, carried = [gap.join(texts)], [joined]
    for index, (levels, text) in enumerate(zip(targets, texts, strict=False)):
        target, clause, at = _put(step, levels, text, after=block)
        marks = carried[index] if index < len(carried) else []
        target.body.marks.extend(Mark(m.start + at, m.end + at, m.key) for m in marks)
        for within, number in enumerate(numbers if len(targets) == 1 else [numbers[index]]):
            step.state.moved[(block.key or (0, 0), number)] = (target, clause + within)


def _put(step: Step, levels: tuple[Place, ...], text: str, after: Block) -> tuple[Block, int, int]:
    """Text moved to a place: a new article, or a 款 of one (made, if it is not there yet).
    Returns the article, the 款's number and where the text starts in the article's body."""
    article = next(place for place in levels if place.unit == "article")
    try:
        target = block_of(step, (article,))
    except AmendError:
        target = Block(
            key=None if step.renumbering else (article.number or 0, article.suffix),
            label=article.label, gap=step.state.label_gap, body=Tracked(""),
            final=article.number if step.renumbering else None, new=True,
            after=None if step.renumbering else after,
        )  # fmt: skip
        step.state.added.append(target)
    number = (levels[-1].number if levels[-1].unit == "clause" else 1) or 1
    return target, number, _insert_clause(step, target, number, text)


def _insert_clause(step: Step, block: Block, number: int, new: str) -> int:
    """Put ``new`` in as the article's 款 ``number``; return where it starts in the body."""
    body = block.body
    if not body.text.strip(BLANK):
        body.splice(0, len(body.text), new)
        return 0
    article, offset = article_view(block)
    clauses = clauses_of(article)
    gap = step.state.paragraph_gap
    if clauses and 1 <= number <= len(clauses):
        at = clauses[number - 1].span[0] - offset
        body.splice(at, at, new + gap)
        return at
    if number == 1:
        body.splice(0, 0, new + gap)
        return 0
    end = len(body.text.rstrip(BLANK))
    body.splice(end, end, gap + new)
    return end + len(gap)


_ARTICLE_START = regex.compile(rf"^(第[{ORDINAL_NUMERAL}]+条(?:之[{SMALL_NUMERAL}]+)?)[ \u3000]*")


def articles_of(lines: list[str]) -> list[tuple[str, str]]:
    """Quoted lines into articles: a line opening with 第N条 starts one."""
    articles: list[tuple[str, list[str]]] = []
    for line in lines:
        start = _ARTICLE_START.match(line)
        if start:
            articles.append((start.group(1), [line[start.end() :]]))
        elif articles:
            articles[-1][1].append(line)
    return [(label, "\n".join(body)) for label, body in articles]


def article_place(label: str) -> Place:
    number, suffix = article_key(label)
    return Place(unit="article", number=number, suffix=suffix, label=label)


def renumber(step: Step) -> None:
    places, to = step.instruction.places, step.instruction.to
    if not places:
        return  # 条文顺序作相应调整: done once every instruction is applied
    if len(places) != len(to):
        raise step.fail("as many new numbers as places are needed")
    for old, new in zip(places, to, strict=True):
        unit, new_unit = old[-1].unit, new[-1].unit
        if unit == "article" and new_unit == "article":
            block = block_of(step, old)
            if step.renumbering:
                block.final = new[-1].number  # placed and labelled with the others at the end
            else:
                block.label = new[-1].label
        elif unit == "clause" and new_unit == "article":
            move(attrs.evolve(step, instruction=attrs.evolve(step.instruction, places=(old,), to=(new,))))
        elif unit == "clause" and new_unit == "clause":
            regions_of(step, old)  # 款 have no labels: the place must exist, nothing to write
        elif unit == "item" and new_unit == "item" and len(new) > 1 and new[-2].unit != old[-2].unit:
            raise step.fail(f"moving {old[-1].label} to another 款 is not supported yet")
        elif unit == "item" and new_unit == "item":
            _relabel_item(step, old, new[-1])
        else:
            raise step.fail(f"renumbering a {old[-1].label[-1]} as a {new[-1].label[-1]} is not supported yet")


def _relabel_item(step: Step, old: tuple[Place, ...], new: Place) -> None:
    block = block_of(step, old)
    article, offset = article_view(block)
    candidates = [
        s for s in below(section_at(step, article, ()), Kind.ITEM)
        if s.number == old[-1].number and not block.body.is_written(s.span[0] - offset)
    ]  # fmt: skip
    if not candidates:
        if any(s.number == new.number for s in below(section_at(step, article, ()), Kind.ITEM)):
            return  # numbered so already: the items after one added take the next numbers
        raise step.fail(f"{old[-1].label} is not in the article")
    item = candidates[0]
    start = item.span[0] - offset
    label = ITEM_LABEL.match(block.body.text[start:])
    if label:
        block.body.splice(start, start + label.end(), item_label([item], new.number or 0), written=False)
