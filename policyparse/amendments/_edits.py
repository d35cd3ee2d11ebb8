"""The kinds that change words: replace, delete, substitute, delete_text, insert_text."""

from __future__ import annotations

from policyparse.amendments._model import Position
from policyparse.amendments._places import block_of, regions_of
from policyparse.amendments._seams import tidy
from policyparse.amendments._step import BLANK, ENDS_SENTENCE, ITEM_LABEL, Step
from policyparse.amendments._tracked import Tracked

__all__ = ["cut_out", "delete", "delete_text", "insert_text", "replace", "substitute"]


def replace(step: Step) -> None:
    for levels in step.instruction.places or ((),):
        if not levels:
            raise step.fail("names no place")
        units = [place.unit for place in levels]
        new = step.paragraphs(step.instruction.text)
        if units == ["article"]:
            block = block_of(step, levels)
            block.body.splice(0, len(block.body.text), new)
            continue
        [(text, start, end)] = regions_of(step, levels)
        old = text.text[start:end]
        if units[-1] == "item" and not ITEM_LABEL.match(new):
            label = ITEM_LABEL.match(old)
            start += label.end() if label else 0
        ending = old.rstrip(BLANK)[-1:]
        if ending and ending in ENDS_SENTENCE and new[-1:] not in ENDS_SENTENCE:
            new += ending  # 「第二项修改为：“（二）……职权”」 keeps the item's 「；」
        text.splice(start, end, new)


def delete(step: Step) -> None:
    for levels in step.instruction.places:
        units = [place.unit for place in levels]
        if units == ["article"]:
            block = block_of(step, levels)
            block.deleted = True
            continue
        [(text, start, end)] = regions_of(step, levels)
        cut_out(text, start, end)


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
        for text, start, end in regions_of(step, levels):
            found += _replace_all(text, start, end, old, new, only=None if only is None else only - found)
    if not found or (only is not None and found < only):
        times = f" {only} times" if only is not None and found else ""
        raise step.fail(f"“{old}” is not in it{times}")


def _replace_all(text: Tracked, start: int, end: int, old: str, new: str, *, only: int | None = None) -> int:
    """Replace ``old`` by ``new`` in ``text[start:end]``: every time, or (``only``) the
    ``only``-th time alone; return how many times it stood there (up to ``only``)."""
    count = 0
    at = text.text.find(old, start, end)
    while at != -1:
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
                text.splice(where, where, _in_list(text.text, where, new, position))
                break
        else:
            raise step.fail(f"“{anchor}” is not in it")


_LIST_MARKS = ("、", "，")


def _in_list(text: str, where: int, new: str, position: Position | None) -> str:
    """Words added to a list join it with its mark: after 「中央军事委员会」 in
    「国务院、中央军事委员会、最高人民法院」, 「国家监察委员会」 is 「、国家监察委员会」; after
    「保护市场公平竞争」 in 「保护市场公平竞争，提高…」, 「鼓励创新」 is 「，鼓励创新」."""
    if new[:1] in ENDS_SENTENCE + "、" or new[-1:] in ENDS_SENTENCE + "、":
        return new
    if position is Position.AFTER and text[where : where + 1] in _LIST_MARKS:
        return text[where] + new
    if position is Position.BEFORE and text[where - 1 : where] in _LIST_MARKS:
        return new + text[where - 1]
    return new
