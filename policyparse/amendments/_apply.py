"""Apply an edit script to the base's blocks: one function per kind of instruction."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import regex

from policyparse.amendments._blocks import Block, State, article_key
from policyparse.amendments._model import Instruction, InstructionKind, Place, Position
from policyparse.amendments._seams import tidy
from policyparse.amendments._tracked import Mark, Tracked
from policyparse.errors import AmendError
from policyparse.model import Document, Kind, Section
from policyparse.numerals import ORDINAL_NUMERAL, SMALL_NUMERAL, int_to_chinese, label_number

__all__ = ["apply", "number_articles"]

_BLANK = " \t\u3000\u00a0\r\n"
_ENDS_SENTENCE = "。；;：:，,！？"
_ITEM_LABEL = regex.compile(rf"^[（(][{ORDINAL_NUMERAL}]+[)）]")
_ARTICLE_NUMBER = regex.compile(rf"第(?P<number>[{ORDINAL_NUMERAL}]+)条(?:之(?P<suffix>[{SMALL_NUMERAL}]+))?")

Region = tuple[Tracked, int, int]


def apply(state: State, instruction: Instruction, *, renumbering: bool) -> None:
    """Apply one instruction to ``state``.

    Raises:
        AmendError: the place is not in the base, or the quoted text not in the place.
    """
    _APPLY[instruction.kind](_Step(state, instruction, renumbering))


@attrs.define(weakref_slot=False)
class _Step:
    """One instruction being applied, with the state it edits."""

    state: State
    instruction: Instruction
    renumbering: bool

    def fail(self, why: str) -> AmendError:
        """An AmendError naming this instruction."""
        target = self.instruction.target or "the whole text"
        return AmendError(f"{self.instruction.kind.value} {target}: {why}", line=self.instruction.line)

    def paragraphs(self, text: str | None) -> str:
        """New text, its paragraphs joined the way the base joins 款."""
        if not text:
            raise self.fail("no new text")
        return self.state.paragraph_gap.join(text.split("\n"))


# ---- finding places -------------------------------------------------------------------------


def _block(step: _Step, levels: tuple[Place, ...]) -> Block:
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


def _article_view(block: Block) -> tuple[Section, int]:
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


def _regions(step: _Step, levels: tuple[Place, ...]) -> list[Region]:
    """Where a place's text stands: one region per text it spans."""
    if not levels:
        return [(text, 0, len(text.text)) for text in step.state.texts()]
    units = [place.unit for place in levels]
    if "article" in units:
        block = _block(step, levels)
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
                if mark.key[0] == "name" and mark.key[2][-len(numbers) :] == numbers:
                    return [(text, mark.start, mark.end)]
        raise step.fail(f"{levels[-2].label} has no name in the text")
    raise step.fail("this place is not supported yet")


def _introduction(step: _Step) -> Region:
    """The 引言: the sentences that end the preamble, just before the first article (a cover
    page or a document number above them is not part of it)."""
    for text in step.state.texts():
        marks = [mark for mark in text.marks if mark.key[0] == "preamble"]
        if not marks:
            continue
        run = []
        for mark in reversed(marks):
            if text.text[mark.start : mark.end].rstrip(_BLANK)[-1:] not in ("。", "：", ":"):
                break
            run.append(mark)
        if run:
            return text, run[-1].start, run[0].end
    raise step.fail("the text has no 引言")


def _spread(step: _Step, name: str) -> Region:
    """The region from the first to the last mark named ``name`` (a title over two lines)."""
    for text in step.state.texts():
        marks = [mark for mark in text.marks if mark.key[0] == name]
        if marks:
            return text, marks[0].start, marks[-1].end
    raise step.fail(f"the text has no {'title' if name == 'title' else '引言'}")


def _within(step: _Step, block: Block, rest: tuple[Place, ...]) -> tuple[int, int]:
    """A place inside an article: its span in the block's body."""
    if not rest:
        return 0, len(block.body.text)
    article, offset = _article_view(block)
    container = _container(step, article, _after_moves(step, block, article, offset, rest))
    if rest[-1].unit == "lead":
        span = _lead(container)
        if span is None:
            raise step.fail("no words before the items")
    elif container is article:
        return 0, len(block.body.text)
    else:
        span = container.span
    return span[0] - offset, span[1] - offset


def _container(step: _Step, article: Section, rest: tuple[Place, ...]) -> Section:
    container = article
    anchor = step.instruction.anchor
    if anchor and _clauses(article):
        container = next((c for c in _clauses(article) if anchor in c.text), container)
    for place in rest:
        if place.unit == "clause":
            clauses = _clauses(container)
            if not clauses and place.number == 1:
                continue
            if place.number is None or not 1 <= place.number <= len(clauses):
                raise step.fail(f"{place.label} is not in the article")
            container = clauses[place.number - 1]
        elif place.unit in ("item", "subitem"):
            kind = Kind.ITEM if place.unit == "item" else Kind.SUBITEM
            found = [s for s in _below(container, kind) if s.number == place.number]
            if len(found) != 1:
                raise step.fail(
                    f"{place.label} is not in the article" if not found else f"{place.label} is in several 款"
                )
            container = found[0]
    return container


def _after_moves(
    step: _Step, block: Block, article: Section, offset: int, rest: tuple[Place, ...]
) -> tuple[Place, ...]:
    """A 款 of a base article is named by its number in the base: the 款 the decision added
    (「增加一款，作为第二款」) do not count, nor those it moved out."""
    if block.new or not rest or rest[0].unit != "clause" or rest[0].number is None:
        return rest
    number = rest[0].number
    if number in block.gone:
        raise step.fail(f"{rest[0].label} was moved out already")
    base = number - sum(1 for gone in block.gone if gone < number)
    clauses = _clauses(article)
    kept = [i for i, c in enumerate(clauses, 1) if not _inside(block.body.added, c.span[0] - offset)]
    if not clauses or not 1 <= base <= len(kept):
        return (attrs.evolve(rest[0], number=base), *rest[1:])
    return (attrs.evolve(rest[0], number=kept[base - 1]), *rest[1:])


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)


def _clauses(section: Section) -> list[Section]:
    return [child for child in section.children if child.kind is Kind.CLAUSE]


def _below(section: Section, kind: Kind) -> list[Section]:
    found = [child for child in section.children if child.kind is kind]
    if not found:
        for clause in _clauses(section):
            found.extend(child for child in clause.children if child.kind is kind)
    return found


def _lead(section: Section) -> tuple[int, int] | None:
    if section.paragraphs:
        return section.paragraphs[0].span[0], section.paragraphs[-1].span[1]
    clauses = _clauses(section)
    return _lead(clauses[0]) if clauses else None


# ---- the kinds ------------------------------------------------------------------------------


def _replace(step: _Step) -> None:
    for levels in step.instruction.places or ((),):
        if not levels:
            raise step.fail("names no place")
        units = [place.unit for place in levels]
        new = step.paragraphs(step.instruction.text)
        if units == ["article"]:
            block = _block(step, levels)
            block.body.splice(0, len(block.body.text), new)
            continue
        [(text, start, end)] = _regions(step, levels)
        old = text.text[start:end]
        if units[-1] == "item" and not _ITEM_LABEL.match(new):
            label = _ITEM_LABEL.match(old)
            start += label.end() if label else 0
        ending = old.rstrip(_BLANK)[-1:]
        if ending and ending in _ENDS_SENTENCE and new[-1:] not in _ENDS_SENTENCE:
            new += ending  # 「第二项修改为：“（二）……职权”」 keeps the item's 「；」
        text.splice(start, end, new)


def _delete(step: _Step) -> None:
    for levels in step.instruction.places:
        units = [place.unit for place in levels]
        if units == ["article"]:
            block = _block(step, levels)
            block.deleted = True
            continue
        [(text, start, end)] = _regions(step, levels)
        _cut_out(text, start, end)


def _cut_out(text: Tracked, start: int, end: int) -> None:
    """Remove a 款 or an item with the blank lines after it (before it, when it is last)."""
    after = end
    while after < len(text.text) and text.text[after] in _BLANK:
        after += 1
    if after < len(text.text):
        text.splice(start, after, "")
        return
    before = start
    while before > 0 and text.text[before - 1] in _BLANK:
        before -= 1
    text.splice(before, end, "")


def _substitute(step: _Step, new: str | None = None) -> None:
    old = step.instruction.old
    new = step.instruction.new if new is None else new
    if not old or new is None:
        raise step.fail("no quoted text")
    found = 0
    for levels in step.instruction.places or ((),):
        for text, start, end in _regions(step, levels):
            found += _replace_all(text, start, end, old, new)
    if not found:
        raise step.fail(f"“{old}” is not in it")


def _replace_all(text: Tracked, start: int, end: int, old: str, new: str) -> int:
    count = 0
    at = text.text.find(old, start, end)
    while at != -1:
        text.splice(at, at + len(old), new)
        length = len(text.text)
        tidy(text, at if not new or new.startswith("的") else at + len(new))
        end += len(new) - len(old) + len(text.text) - length
        count += 1
        at = text.text.find(old, at + len(new), end)
    return count


def _delete_text(step: _Step) -> None:
    _substitute(step, new="")


def _insert_text(step: _Step) -> None:
    new = step.instruction.text
    if not new:
        raise step.fail("no quoted text")
    new = step.paragraphs(new)
    position = step.instruction.position
    for levels in step.instruction.places or ((),):
        regions = _regions(step, levels)
        if position is Position.START:
            text, start, _ = regions[0]
            joint = text.text[start : start + 1]
            if new[-1:] not in _ENDS_SENTENCE and joint and joint not in _ENDS_SENTENCE + _BLANK:
                new += "；"  # 「……不适用本解释」 before the 款's first sentence
            text.splice(start, start, new)
            continue
        if position is Position.END:
            text, _, end = regions[-1]
            while end > 0 and text.text[end - 1] in _BLANK:
                end -= 1
            text.splice(end, end, new)
            continue
        anchor = step.instruction.old or ""
        for text, start, end in regions:
            at = text.text.find(anchor, start, end)
            if at != -1:
                where = at if position is Position.BEFORE else at + len(anchor)
                text.splice(where, where, _in_list(text.text, where, new, position))
                break
        else:
            raise step.fail(f"“{anchor}” is not in it")


_LIST_MARKS = ("、", "，")


def _in_list(text: str, where: int, new: str, position: Position | None) -> str:
    """Words added to a list join it with its mark: after 「中央军事委员会」 in
    「国务院、中央军事委员会、最高人民法院」, 「国家监察委员会」 is 「、国家监察委员会」; after
    「保护市场公平竞争」 in 「保护市场公平竞争，提高…」, 「鼓励创新」 is 「，鼓励创新」."""
    if new[:1] in _ENDS_SENTENCE + "、" or new[-1:] in _ENDS_SENTENCE + "、":
        return new
    if position is Position.AFTER and text[where : where + 1] in _LIST_MARKS:
        return text[where] + new
    if position is Position.BEFORE and text[where - 1 : where] in _LIST_MARKS:
        return new + text[where - 1]
    return new


def _add(step: _Step) -> None:
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


def _add_articles(step: _Step) -> None:
    places = step.instruction.to
    texts = (step.instruction.text or "").split("\n")
    if len(places) > 1 and len(texts) != len(places):
        raise step.fail("cannot tell which paragraphs make which new article")
    after = _block(step, step.instruction.places[0]) if step.instruction.places else None
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


def _add_section(step: _Step) -> None:
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
    articles = _articles_of(lines[1:])
    if not articles:
        raise step.fail("the new 节 has no articles")
    last = [s for s in previous.walk() if s.kind is Kind.ARTICLE][-1]
    after: Block | None = _block(step, (_article_place(last.label or ""),))
    template = _heading_piece(step, previous, heading)
    if step.renumbering:
        for later in sections:
            if later.number is not None and later.number >= section.number:
                _relabel(step, (chapter.number, later.number), f"第{int_to_chinese(later.number + 1)}节")
    for index, (label, body) in enumerate(articles):
        place = _article_place(label)
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
_ARTICLE_START = regex.compile(rf"^(第[{ORDINAL_NUMERAL}]+条(?:之[{SMALL_NUMERAL}]+)?)[ \u3000]*")


def _sections_of(base: Document, chapter: int | None) -> list[Section]:
    for section in base.walk():
        if section.kind is Kind.CHAPTER and section.number == chapter:
            return [c for c in section.children if c.kind is Kind.SECTION]
    return []


def _articles_of(lines: list[str]) -> list[tuple[str, str]]:
    """Quoted lines into articles: a line opening with 第N条 starts one."""
    articles: list[tuple[str, list[str]]] = []
    for line in lines:
        start = _ARTICLE_START.match(line)
        if start:
            articles.append((start.group(1), [line[start.end() :]]))
        elif articles:
            articles[-1][1].append(line)
    return [(label, "\n".join(body)) for label, body in articles]


def _article_place(label: str) -> Place:
    number, suffix = article_key(label)
    return Place(unit="article", number=number, suffix=suffix, label=label)


def _heading_piece(step: _Step, model: Section, heading: str) -> str:
    """The text before a new 节's first article: the text before ``model``'s first article with
    its heading line made the new one; the base's blank lines and Markdown marks kept."""
    first = next(s for s in model.walk() if s.kind is Kind.ARTICLE)
    block = _block(step, (_article_place(first.label or ""),))
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


def _relabel(step: _Step, numbers: tuple[int | None, ...], label: str) -> None:
    """Write a new label for the 节 whose numbers (its chapter's and its own) end the tuple."""
    for text in step.state.texts():
        for mark in text.marks:
            key = mark.key
            if key[:2] == ("label", "section") and key[2][-len(numbers) :] == numbers:
                text.splice(mark.start, mark.end, label, written=False)
                text.marks.append(Mark(mark.start, mark.start + len(label), key))
                return


def _before_number(step: _Step, place: Place) -> Block | None:
    """The block a new article goes after: the one with the key just below its own."""
    key = (place.number or 0, place.suffix)
    below = [b for b in step.state.all_blocks() if b.key is not None and b.key < key]
    return max(below, key=lambda b: b.key or (0, 0)) if below else None


def _add_inside(step: _Step, unit: str) -> None:
    """New 款 or items in an article, before the one that now has their number."""
    first = step.instruction.to[0]
    block = _block(step, first)
    article, offset = _article_view(block)
    container = _container(step, article, tuple(p for p in first[:-1] if p.unit not in ("article", "lead")))
    siblings = _clauses(container) if unit == "clause" else _below(container, Kind.ITEM)
    new = step.paragraphs(step.instruction.text)
    if unit == "item" and not _ITEM_LABEL.match(new):
        new = _item_label(siblings, first[-1].number or 0) + new
    number = first[-1].number or 0
    gap = step.state.paragraph_gap
    if siblings and 1 <= number <= len(siblings):
        at = siblings[number - 1].span[0] - offset
        block.body.splice(at, at, new + gap, added=True)
        return
    if not siblings and unit == "clause" and number == 1:
        block.body.splice(0, 0, new + gap, added=True)
        return
    end = (siblings[-1].span[1] - offset) if siblings else len(block.body.text.rstrip(_BLANK))
    if unit == "item" and siblings and block.body.text[end - 1 : end] == "。":
        block.body.splice(end - 1, end, "；", written=False)  # the last item no more
    block.body.splice(end, end, gap + new, added=True)


def _item_label(siblings: list[Section], number: int) -> str:
    label = siblings[0].label if siblings and siblings[0].label else "（一）"
    opening, closing = ("(", ")") if label.startswith("(") else ("（", "）")
    return f"{opening}{int_to_chinese(number)}{closing}"


def _merge(step: _Step) -> None:
    places = step.instruction.places
    if not places:
        raise step.fail("names no article")
    first = _block(step, places[0])
    others = [_block(step, levels) for levels in places[1:]]
    new = step.paragraphs(step.instruction.text)
    first.body.splice(0, len(first.body.text), new)
    for block in others:
        block.deleted = True


def _split(step: _Step) -> None:
    """「将第三条改为两条，作为第三条、第四条，修改为：“第三条　……”“第四条　……”」; without a new
    text the moves after it (「第一款作为第八十条」) do the work."""
    if not step.instruction.to or not step.instruction.text:
        return
    old = _block(step, step.instruction.places[0])
    lines = step.instruction.text.split("\n")
    labelled = _articles_of(lines)
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


def _move(step: _Step) -> None:
    """款 made an article, or 款 of another article: 「将第十三条第二款改为第十六条」,
    「第三、四款分别作为第八十一条第二、三款」, 「将第九十九条第三款修改后作为本条第一款：“……”」.
    The old article goes when no 款 is left in it."""
    sources, targets = step.instruction.places, step.instruction.to
    if not sources or not targets or len(targets) not in (1, len(sources)):
        raise step.fail("cannot tell where each 款 goes")
    block = _block(step, sources[0])
    if block.clauses is None:
        article, _ = _article_view(block)
        block.clauses = len(_clauses(article)) or 1
    spans = [_regions(step, levels)[0][1:] for levels in sources]
    texts = [block.body.text[start:end] for start, end in spans]
    carried = [
        [Mark(m.start - start, m.end - start, m.key) for m in block.body.marks
         if start <= m.start and m.end <= end]
        for start, end in spans
    ]  # fmt: skip
    for start, end in sorted(spans, reverse=True):
        _cut_out(block.body, start, end)
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


def _put(step: _Step, levels: tuple[Place, ...], text: str, after: Block) -> tuple[Block, int, int]:
    """Text moved to a place: a new article, or a 款 of one (made, if it is not there yet).
    Returns the article, the 款's number and where the text starts in the article's body."""
    article = next(place for place in levels if place.unit == "article")
    try:
        target = _block(step, (article,))
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


def _insert_clause(step: _Step, block: Block, number: int, new: str) -> int:
    """Put ``new`` in as the article's 款 ``number``; return where it starts in the body."""
    body = block.body
    if not body.text.strip(_BLANK):
        body.splice(0, len(body.text), new)
        return 0
    article, offset = _article_view(block)
    clauses = _clauses(article)
    gap = step.state.paragraph_gap
    if clauses and 1 <= number <= len(clauses):
        at = clauses[number - 1].span[0] - offset
        body.splice(at, at, new + gap)
        return at
    if number == 1:
        body.splice(0, 0, new + gap)
        return 0
    end = len(body.text.rstrip(_BLANK))
    body.splice(end, end, gap + new)
    return end + len(gap)


def _renumber(step: _Step) -> None:
    places, to = step.instruction.places, step.instruction.to
    if not places:
        return  # 条文顺序作相应调整: done once every instruction is applied
    if len(places) != len(to):
        raise step.fail("as many new numbers as places are needed")
    for old, new in zip(places, to, strict=True):
        unit, new_unit = old[-1].unit, new[-1].unit
        if unit == "article" and new_unit == "article":
            block = _block(step, old)
            if step.renumbering:
                block.final = new[-1].number  # placed and labelled with the others at the end
            else:
                block.label = new[-1].label
        elif unit == "clause" and new_unit == "article":
            _move(attrs.evolve(step, instruction=attrs.evolve(step.instruction, places=(old,), to=(new,))))
        elif unit == "clause" and new_unit == "clause":
            _regions(step, old)  # 款 have no labels: the place must exist, nothing to write
        elif unit == "item" and new_unit == "item":
            _relabel_item(step, old, new[-1])
        else:
            raise step.fail(f"renumbering a {old[-1].label[-1]} as a {new[-1].label[-1]} is not supported yet")


def _relabel_item(step: _Step, old: tuple[Place, ...], new: Place) -> None:
    block = _block(step, old)
    article, offset = _article_view(block)
    candidates = [
        s for s in _below(_container(step, article, ()), Kind.ITEM)
        if s.number == old[-1].number and not _written(block.body, s.span[0] - offset)
    ]  # fmt: skip
    if not candidates:
        raise step.fail(f"{old[-1].label} is not in the article")
    item = candidates[0]
    label = _ITEM_LABEL.match(block.body.text, item.span[0] - offset)
    if label:
        start = item.span[0] - offset
        block.body.splice(start, label.end(), _item_label([item], new.number or 0), written=False)


def _written(text: Tracked, position: int) -> bool:
    return any(start <= position < end for start, end in text.written)


_APPLY: dict[InstructionKind, Callable[[_Step], None]] = {
    InstructionKind.REPLACE: _replace,
    InstructionKind.DELETE: _delete,
    InstructionKind.ADD: _add,
    InstructionKind.SUBSTITUTE: _substitute,
    InstructionKind.DELETE_TEXT: _delete_text,
    InstructionKind.INSERT_TEXT: _insert_text,
    InstructionKind.MERGE: _merge,
    InstructionKind.SPLIT: _split,
    InstructionKind.MOVE: _move,
    InstructionKind.RENUMBER: _renumber,
}


# ---- renumbering ----------------------------------------------------------------------------


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
        key = _key_or_none(match["article"])
        moved = state.moved.get((key, label_number(match["clause"]))) if key else None
        if moved is not None:
            target, clause = moved
            edits.append((match.start(), match.end(), _clause_label(target, clause, None)))
    for match in _ARTICLE_NUMBER.finditer(text.text, mark.start, mark.end):
        if any(start <= match.start() < end for start, end, _ in edits):
            continue
        final = finals.get(_key_or_none(match.group()[1:]) or (0, 0))
        if final is not None:
            edits.append((match.start(), match.end(), f"第{int_to_chinese(final)}条"))
    for start, end, written in sorted(edits, reverse=True):
        if text.text[start:end] != written:
            text.splice(start, end, written, written=False)


def _key_or_none(label: str) -> tuple[int, int] | None:
    """「七十二条」 or 「十条之一」 as an article key."""
    try:
        return article_key("第" + label)
    except ValueError:
        return None


def _clause_label(target: Block, clause: int, here: Block | None) -> str:
    if target is here:
        return f"本条第{int_to_chinese(clause)}款"
    return f"第{int_to_chinese(target.final or 0)}条第{int_to_chinese(clause)}款"
