"""Punctuation at the seams of an edit, as the consolidated texts write it.

A decision quotes the words to delete or replace, not the punctuation around them; the
consolidated text (重新公布的文本) drops what the edit leaves hanging. Three rules, each seen in
real consolidations (the 2021 railway-injury interpretation):

- a 、，； left before a 。；， or the paragraph's end goes (「管辖；。」 → 「管辖。」);
- a 、 left before a conjunction goes (「受害人、以及」 → 「受害人以及」);
- a ， left before a replacement that starts with 的 goes (「之间，的责任份额」 → 「之间的责任份额」).

A paragraph an edit leaves with punctuation only goes with the blank lines after it.
"""

from __future__ import annotations

import regex

from policyparse.amendments._tracked import BLANK, Tracked

__all__ = ["full_width", "tidy"]

_HANGING = "、，；"
_CLOSING = "。；，、"
_CONJUNCTION = regex.compile(r"以及|及|和|或者|或|等")
_LINE_END = "\n\r"
_PUNCTUATION_ONLY = regex.compile(r"^[\p{P}\s\u3000]*$")
_ASCII_PUNCTUATION = regex.compile(r"(?<=[\p{Han}）》”])([,;:])(?=[\p{Han}（《“]|$)", regex.MULTILINE)
_FULL_WIDTH = {",": "，", ";": "；", ":": "："}


def full_width(text: str) -> str:
    """ASCII , ; : between Han characters made full width, as the consolidated texts print a
    decision's quoted text (「人身损害,有」 → 「人身损害，有」)."""
    return str(_ASCII_PUNCTUATION.sub(lambda m: _FULL_WIDTH[m.group(1)], text))


def tidy(text: Tracked, position: int) -> None:
    """Mend the punctuation where an edit ended at ``position`` in ``text``."""
    body = text.text
    if 0 < position <= len(body) and body[position - 1] in _HANGING:
        after = body[position : position + 2]
        if (
            not after
            or after[0] in _CLOSING
            or after[0] in _LINE_END
            or (body[position - 1] == "、" and _CONJUNCTION.match(body, position))
            or (body[position - 1] == "，" and after[:1] == "的")
        ):
            text.splice(position - 1, position, "", written=False)
            position -= 1
    _drop_if_bare(text, position)


def _drop_if_bare(text: Tracked, position: int) -> None:
    """Remove the paragraph around ``position`` when only punctuation is left in it."""
    body = text.text
    start = body.rfind("\n", 0, position) + 1
    end = body.find("\n", position)
    end = len(body) if end == -1 else end
    if start >= end or not _PUNCTUATION_ONLY.match(body[start:end]):
        return
    if body[start:end].strip(BLANK) == "":
        return
    before = start
    while before > 0 and body[before - 1] in BLANK:
        before -= 1
    text.splice(before, end, "", written=False)
