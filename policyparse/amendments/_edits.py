"""The kinds that change words: replace, delete, substitute, delete_text, insert_text."""

from __future__ import annotations

from policyparse.amendments._blocks import Block
from policyparse.amendments._model import Place, Position
from policyparse.amendments._places import article_view, block_of, item_label, regions_of
from policyparse.amendments._seams import tidy
from policyparse.amendments._step import BLANK, ENDS_SENTENCE, ITEM_LABEL, Step
from policyparse.amendments._tracked import Tracked
from policyparse.model import Kind

__all__ = ["cut_out", "delete", "delete_text", "insert_text", "put_in", "replace", "shift_items", "substitute"]


def replace(step: Step) -> None:
    places = step.instruction.places
    if not places or not all(places):
        raise step.fail("names no place")
    if len(places) > 1 and all(levels[-1].unit != "article" for levels in places):
        _replace_together(step)  # 「将第十二条第一款、第二款修改为：“……”」: one text for both
        return
    for levels in places:
        units = [place.unit for place in levels]
        new = step.paragraphs(step.instruction.text)
        if units == ["article"]:
            block = block_of(step, levels)
            block.body.splice(0, len(block.body.text), new)
            continue
        [(text, start, end)] = regions_of(step, levels)
        put_in(step, levels, text, start, end)


def _replace_together(step: Step) -> None:
    regions = [regions_of(step, levels)[0] for levels in step.instruction.places]
    text = regions[0][0]
    if any(region[0] is not text for region in regions):
        raise step.fail("one new text for places in several articles")
    put_in(step, step.instruction.places[-1], text, min(r[1] for r in regions), max(r[2] for r in regions))


def put_in(step: Step, levels: tuple[Place, ...], text: Tracked, start: int, end: int) -> None:
    """The new text in place of ``text[start:end]``: an item keeps its label when the new words
    have none, and every item or 款 its closing 。 or ； (「第二项修改为：“（二）……职权”」 keeps
    the item's 「；」); when one item becomes several, the items after it take the next numbers."""
    new = step.paragraphs(step.instruction.text)
    old = text.text[start:end]
    if levels[-1].unit == "item" and not ITEM_LABEL.match(new):
        label = ITEM_LABEL.match(old)
        start += label.end() if label else 0
    ending = old.rstrip(BLANK)[-1:]
    if ending and ending in ENDS_SENTENCE:
        lines = new.split(step.state.paragraph_gap)
        items = sum(1 for line in lines if ITEM_LABEL.match(line))
        if levels[-1].unit == "item" and items > 1:
            lines = [line if line[-1:] in ENDS_SENTENCE else line + "；" for line in lines[:-1]] + lines[-1:]
        if lines[-1][-1:] not in ENDS_SENTENCE:
            lines[-1] += ending
        new = step.state.paragraph_gap.join(lines)
    text.splice(start, end, new)
    if levels[-1].unit == "item":
        items = sum(1 for line in new.split(step.state.paragraph_gap) if ITEM_LABEL.match(line))
        if items > 1:
            shift_items(block_of(step, levels), (start, start + len(new)), items - 1)


def shift_items(block: Block, region: tuple[int, int], by: int) -> None:
    """The items after ``region`` (new items of an article) in the same list take numbers ``by``
    higher: the consolidated texts number their items in order."""
    article, offset = article_view(block)
    for section in article.walk():
        items = [c for c in section.children if c.kind is Kind.ITEM]
        if any(region[0] <= c.span[0] - offset < region[1] for c in items):
            for item in reversed([c for c in items if c.span[0] - offset >= region[1]]):
                position = item.span[0] - offset
                label = ITEM_LABEL.match(block.body.text[position:])
                if label and item.number is not None:
                    relabelled = item_label([item], item.number + by)
                    block.body.splice(position, position + label.end(), relabelled, written=False)
            return


def delete(step: Step) -> None:
    for levels in step.instruction.places:
        units = [place.unit for place in levels]
        if units == ["article"]:
            block = block_of(step, levels)
            block.deleted = True
            continue
        [(text, start, end)] = regions_of(step, levels)
        if units[-1] == "item":
            _last_item_goes(step, levels, text, start, end)
        cut_out(text, start, end)
        if units[-1] == "clause" and len(units) == 2:  # 「删去第四款，将第五款改为第四款」:
            block_of(step, levels).gone.append(levels[-1].number or 0)  # later 款 by base number


def _last_item_goes(step: Step, levels: tuple[Place, ...], text: Tracked, start: int, end: int) -> None:
    """Deleting the last item of a list: the item before it ends the list, with its 。."""
    block = block_of(step, levels)
    article, offset = article_view(block)
    for section in article.walk():
        items = [c for c in section.children if c.kind is Kind.ITEM]
        if len(items) > 1 and items[-1].span[0] - offset == start:
            before = items[-2].span[1] - offset
            ending = text.text[start:end].rstrip(BLANK)[-1:]
            if text.text[before - 1 : before] == "；" and ending == "。":
                text.splice(before - 1, before, "。", written=False)
            return


def cut_out(text: Tracked, start: int, end: int) -> None:
    """Remove a 款 or an item with the blank lines after it (before it, when it is last)."""
    after = end
    while after < len(text.text) and text.text[after] in BLANK:
        after += 1
    if after < len(text.text):
        text.splice(start, after, "")
        return
    before = start
    while before > 0 and text.text[before - 1] in BLANK:
        before -= 1
    text.splice(before, end, "")


def substitute(step: Step, new: str | None = None) -> None:
    old = step.instruction.old
    new = step.instruction.new if new is None else new
    if not old or new is None:
        raise step.fail("no quoted text")
    found = 0
    only = step.instruction.occurrence
    for levels in step.instruction.places or ((),):
        for text, start, end in _where_the_words_are(step, levels, old):
            found += _replace_all(text, start, end, old, new, only=None if only is None else only - found)
    if not found or (only is not None and found < only):
        times = f" {only} times" if only is not None and found else ""
        raise step.fail(f"“{old}” is not in it{times}")


def _where_the_words_are(step: Step, levels: tuple[Place, ...], old: str) -> list[tuple[Tracked, int, int]]:
    """The place's regions; when the words are not in a 款 or item of an article but are in the
    article, the article (「删去第四项中的“A”，将“B”修改为“C”」: B is in the article, not in
    its 第四项)."""
    regions = regions_of(step, levels)
    if any(old in text.text[start:end] for text, start, end in regions):
        return regions
    units = [place.unit for place in levels]
    if "article" in units and units[-1] != "article":
        return regions_of(step, levels[: units.index("article") + 1])
    return regions


def _replace_all(text: Tracked, start: int, end: int, old: str, new: str, *, only: int | None = None) -> int:
    """Replace ``old`` by ``new`` in ``text[start:end]``: every time, or (``only``) the
    ``only``-th time alone; return how many times it stood there (up to ``only``)."""
    count = 0
    at = text.text.find(old, start, end)
    while at != -1:
        if text.overlaps_written(at, at + len(old)):
            at = text.text.find(old, at + 1, end)  # the decision's own words stand as it wrote them
            continue
        count += 1
        if only is None or count == only:
            text.splice(at, at + len(old), new)
            length = len(text.text)
            tidy(text, at if not new or new.startswith("的") else at + len(new))
            end += len(new) - len(old) + len(text.text) - length
            if only is not None:
                return count
            at = text.text.find(old, at + len(new), end)
        else:
            at = text.text.find(old, at + len(old), end)
    return count


def delete_text(step: Step) -> None:
    substitute(step, new="")


def insert_text(step: Step) -> None:
    new = step.instruction.text
    if not new:
        raise step.fail("no quoted text")
    new = step.paragraphs(new)
    position = step.instruction.position
    for levels in step.instruction.places or ((),):
        regions = regions_of(step, levels)
        if position is Position.START:
            text, start, _ = regions[0]
            joint = text.text[start : start + 1]
            if new[-1:] not in ENDS_SENTENCE and joint and joint not in ENDS_SENTENCE + BLANK:
                new += "；"  # 「……不适用本解释」 before the 款's first sentence
            text.splice(start, start, new)
            continue
        if position is Position.END:
            text, _, end = regions[-1]
            while end > 0 and text.text[end - 1] in BLANK:
                end -= 1
            text.splice(end, end, new)
            continue
        anchor = step.instruction.old or ""
        for text, start, end in regions:
            at = text.text.find(anchor, start, end)
            if at != -1:
                where = at if position is Position.BEFORE else at + len(anchor)
                text.splice(where, where, _in_list(text.text, where, new, position, anchor))
                break
        else:
            raise step.fail(f"“{anchor}” is not in it")


_LIST_MARKS = ("、", "，")


def _in_list(text: str, where: int, new: str, position: Position | None, anchor: str) -> str:
    """Words added to a list join it with its mark: after 「中央军事委员会」 in
    「国务院、中央军事委员会、最高人民法院」, 「国家监察委员会」 is 「、国家监察委员会」; after
    「保护市场公平竞争」 in 「保护市场公平竞争，提高…」, 「鼓励创新」 is 「，鼓励创新」."""
    if new[:1] in ENDS_SENTENCE + "、" or new[-1:] in ENDS_SENTENCE + "、":
        return new
    if position is Position.AFTER and text[where : where + 1] in _LIST_MARKS:
        return text[where] + new
    if position is Position.BEFORE and text[where - 1 : where] in _LIST_MARKS:
        return new + text[where - 1]
    if position is Position.AFTER and text[where - len(anchor) - 1 : where - len(anchor)] == "、":
        return "、" + new  # the anchor a member of a list: 「第三十二条、第三十三条」 + 「第三十四条」
    if position is Position.BEFORE and text[where + len(anchor) : where + len(anchor) + 1] == "、":
        return new + "、"
    return new
