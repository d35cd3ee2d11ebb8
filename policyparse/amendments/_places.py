"""Finding the place an instruction names in the text being amended: an article's block, a 款,
an item, the 引言, the title, a 自然段, a chapter's name."""

from __future__ import annotations

import attrs

from policyparse.amendments._blocks import Block
from policyparse.amendments._model import Place
from policyparse.amendments._step import BLANK, Region, Step
from policyparse.model import Kind, Section
from policyparse.numerals import int_to_chinese

__all__ = ["article_view", "below", "block_of", "clauses_of", "item_label", "regions_of", "section_at"]


def block_of(step: Step, levels: tuple[Place, ...]) -> Block:
    article = next((place for place in levels if place.unit == "article"), None)
    if article is None or article.number is None:
        raise step.fail("names no article")
    if article.new and step.renumbering and not article.suffix:
        for block in step.state.added:  # 「作为第一百一十一条第二款」: the new article 111
            if not block.deleted and block.key is None and block.final == article.number:
                return block
        raise step.fail(f"no new {article.label} to put it in")
    key = (article.number, article.suffix)
    for block in step.state.all_blocks():
        if block.key == key:
            return block
    raise step.fail(f"{article.label} is not in the text")


def article_view(block: Block) -> tuple[Section, int]:
    """The block parsed alone: its article section, and where its body starts in that text."""
    from policyparse._parse import parse

    document = parse(block.text)
    article = next((s for s in document.walk() if s.kind is Kind.ARTICLE), None)
    offset = len(block.label) + len(block.gap)
    if article is None:  # an empty new article: a section of nothing
        span = (0, len(block.text))
        article = Section(
            kind=Kind.ARTICLE, label=block.label, number=None, title=None, id="", path="", line=1, span=span
        )
    return article, offset


def regions_of(step: Step, levels: tuple[Place, ...]) -> list[Region]:
    """Where a place's text stands: one region per text it spans."""
    if not levels:
        return [(text, 0, len(text.text)) for text in step.state.texts()]
    units = [place.unit for place in levels]
    if units[-1] == "sentence" and len(levels) > 1:  # 「第九十七条第一款第一句」
        [(text, start, end)] = regions_of(step, levels[:-1])
        return [(text, *_sentence(step, text.text, start, end, levels[-1]))]
    if "article" in units:
        block = block_of(step, levels)
        start, end = _within(step, block, levels[units.index("article") + 1 :])
        return [(block.body, start, end)]
    if units[0] == "title":
        return [_spread(step, "title")]
    if units[0] == "preamble":
        number = levels[-1].number if units[-1] == "paragraph" else None
        if number is None:
            return [_introduction(step)]
        found = step.state.find_mark(("paragraph", number)) or step.state.find_mark(("preamble", number - 1))
        if found is None:
            raise step.fail(f"the 序言 has no {levels[-1].label}")
        return [(found[0], found[1].start, found[1].end)]
    if units[-1] == "name" and len(levels) >= 2:
        numbers = tuple(place.number for place in levels[:-1])
        for text in step.state.texts():
            for mark in text.marks:
                key = mark.key
                if key[0] == "name" and key[1] == levels[-2].unit and key[2][-len(numbers) :] == numbers:
                    return [(text, mark.start, mark.end)]
        raise step.fail(f"{levels[-2].label} has no name in the text")
    raise step.fail("this place is not supported yet")


def _sentence(step: Step, text: str, start: int, end: int, place: Place) -> tuple[int, int]:
    """The Nth sentence (up to its 。) of ``text[start:end]``."""
    bounds = [start]
    for at in range(start, end):
        if text[at] == "。":
            bounds.append(at + 1)
    if bounds[-1] < end and text[bounds[-1] : end].strip(BLANK):
        bounds.append(end)
    number = place.number or 0
    if not 1 <= number < len(bounds):
        raise step.fail(f"{place.label} is not in it")
    return bounds[number - 1], bounds[number]


def _introduction(step: Step) -> Region:
    """The 引言: the sentences that end the preamble, just before the first article (a cover
    page or a document number above them is not part of it)."""
    for text in step.state.texts():
        marks = [mark for mark in text.marks if mark.key[0] == "preamble"]
        if not marks:
            continue
        run = []
        for mark in reversed(marks):
            if text.text[mark.start : mark.end].rstrip(BLANK)[-1:] not in ("。", "：", ":"):
                break
            run.append(mark)
        if run:
            return text, run[-1].start, run[0].end
    raise step.fail("the text has no 引言")


def _spread(step: Step, name: str) -> Region:
    """The region from the first to the last mark named ``name`` (a title over two lines)."""
    for text in step.state.texts():
        marks = [mark for mark in text.marks if mark.key[0] == name]
        if marks:
            return text, marks[0].start, marks[-1].end
    raise step.fail(f"the text has no {'title' if name == 'title' else '引言'}")


def _within(step: Step, block: Block, rest: tuple[Place, ...]) -> tuple[int, int]:
    """A place inside an article: its span in the block's body."""
    if not rest:
        return 0, len(block.body.text)
    article, offset = article_view(block)
    container = section_at(step, article, _after_moves(step, block, article, offset, rest))
    if rest[-1].unit == "lead":
        span = _lead(container)
        if span is None:
            raise step.fail("no words before the items")
    elif container is article:
        return 0, len(block.body.text)
    else:
        span = container.span
    return span[0] - offset, span[1] - offset


def section_at(step: Step, article: Section, rest: tuple[Place, ...]) -> Section:
    container = article
    anchor = step.instruction.anchor
    if anchor and clauses_of(article):
        container = next((c for c in clauses_of(article) if anchor in c.text), container)
    for place in rest:
        if place.unit == "clause":
            clauses = clauses_of(container)
            if not clauses and place.number == 1:
                continue
            if place.number is None or not 1 <= place.number <= len(clauses):
                raise step.fail(f"{place.label} is not in the article")
            container = clauses[place.number - 1]
        elif place.unit in ("item", "subitem"):
            kind = Kind.ITEM if place.unit == "item" else Kind.SUBITEM
            found = [s for s in below(container, kind) if s.number == place.number]
            if len(found) != 1:
                raise step.fail(
                    f"{place.label} is not in the article" if not found else f"{place.label} is in several 款"
                )
            container = found[0]
    return container


def _after_moves(
    step: Step, block: Block, article: Section, offset: int, rest: tuple[Place, ...]
) -> tuple[Place, ...]:
    """A 款 of a base article is named by its number in the base: the 款 the decision added
    (「增加一款，作为第二款」) do not count, nor those it moved out."""
    if block.new or not rest or rest[0].unit != "clause" or rest[0].number is None:
        return rest
    number = rest[0].number
    if number in block.gone:
        raise step.fail(f"{rest[0].label} was moved out already")
    base = number - sum(1 for gone in block.gone if gone < number)
    clauses = clauses_of(article)
    kept = [i for i, c in enumerate(clauses, 1) if not block.body.is_added(c.span[0] - offset)]
    if not clauses or not 1 <= base <= len(kept):
        return (attrs.evolve(rest[0], number=base), *rest[1:])
    return (attrs.evolve(rest[0], number=kept[base - 1]), *rest[1:])


def clauses_of(section: Section) -> list[Section]:
    return [child for child in section.children if child.kind is Kind.CLAUSE]


def below(section: Section, kind: Kind) -> list[Section]:
    found = [child for child in section.children if child.kind is kind]
    if not found:
        for clause in clauses_of(section):
            found.extend(child for child in clause.children if child.kind is kind)
    return found


def _lead(section: Section) -> tuple[int, int] | None:
    if section.paragraphs:
        return section.paragraphs[0].span[0], section.paragraphs[-1].span[1]
    clauses = clauses_of(section)
    return _lead(clauses[0]) if clauses else None


def item_label(siblings: list[Section], number: int) -> str:
    label = siblings[0].label if siblings and siblings[0].label else "（一）"
    opening, closing = ("(", ")") if label.startswith("(") else ("（", "）")
    return f"{opening}{int_to_chinese(number)}{closing}"
