"""Layout, for the joins pass: hard wraps. does a line of a hard-wrapped text (a PDF extraction) go on in the next line?

A hard-wrapped text cuts every paragraph into lines of one width; only a paragraph's last line
is shorter. A full line therefore usually goes on, but not always: a paragraph can end exactly
at the edge. The rules, each from what such a break looks like in real text:

* a line shorter than the width ends its paragraph; a line one short counts as full only where
  the wrapper kept a closing mark off the next line's start (kinsoku) by pushing a character
  down, so that the next line opens with the character and the mark; where the cut lines
  spread over a few lengths (a typesetter that squeezes punctuation), the width is a band;
* a full line that stops mid-sentence goes on, even into a line that opens like a heading (a
  reference cut before 「第一百零一条」), unless it is a bare title (「2.1.3　…职责」 over
  「（1）…」): a heading kind whose unwrapped lines are sentences (「第五条　…。」) is never one;
* a full line that closes a sentence (。；：) goes on into text, because a paragraph ends
  exactly at the edge far less often than a sentence does, but not into a short line that
  closes nothing (a signature), a field (「指标来源：」) or a sentence that opens with 「前款」
  (only a new 款 refers back to the one before); nor into a heading, unless the heading goes
  on an inline list (「…；（2）…；」 + 「（3）…」);
* a full line that closes a bracket or a quotation (「…533号）」) goes on into a heading whose
  number does not follow the last one of its kind (「第三条」 in a text without articles);
* blank lines end a paragraph, beyond those the layout puts at every break inside a sentence
  (every line break doubled; a blank line before each page number).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs
import regex

from policyparse._grammar import NOT_HEADINGS, OUT_OF_FLOW, marker_pattern
from policyparse._lexer import Line
from policyparse.layout.lines import filled, heading_number, number_of, title_like

# A line that closes a sentence or an item ends with one of these.
CLOSING = "。！？；：…”’」』）)】.!?;:—"
# Marks a typesetter keeps off a line's start (kinsoku).
_NO_LINE_START = CLOSING + "，、,》〕"
_ENDS_SENTENCE = "。！？；：….!?;:"
_MIN_CUT_LINES = 2
# The share of the cut lines that the wrap's band of lengths holds; the band is at most
# _MAX_SLACK + 1 lengths wide.
_BAND_SHARE = 0.8
_MAX_SLACK = 4
_MIN_BAND_LINES = 10
_MIN_LONG_LINE = 20
_TITLE_SHARE = 0.8
# How far back an inline list's previous item is looked for (a bound keeps long chains linear).
_INLINE_ITEM_REACH = 400
# A table row or a link may run past a page's edge; text lines do not.
_MAX_OVERLONG_SHARE = 0.1
_OPENS_PARAGRAPH = regex.compile(r"前[两二三四五六七八九]?款|\p{Han}{2,6}[：:]")
_ASCII = regex.compile(r"[\x20-\x7e]")


@attrs.frozen
class Gaps:
    """The blank lines a layout puts everywhere: between any two lines of text (a copy that
    doubles every line break), and before and after page furniture (pdftotext frames a page
    number with a blank line). Only blank lines beyond these end a paragraph."""

    between: int = 0
    before_furniture: int = 0
    after_furniture: int = 0

    def end_paragraph(self, gap: Sequence[Line]) -> bool:
        """True when the lines between two lines of text (blank, or furniture) end a paragraph."""
        furniture, before, after, blanks = _gap_shape(gap)
        if furniture:
            return before > self.before_furniture or after > self.after_furniture
        return blanks > self.between


@attrs.frozen
class Wrapping:
    """How a text was hard-wrapped: its width, and which heading kinds open a sentence.

    ``slack``: how much shorter than the width a line that goes on may be. 0 for a text cut at
    one width (a line one short is full only for kinsoku); more where the cut lines spread over
    a few lengths (a typesetter that squeezes punctuation fits one or two characters more).
    """

    width: int
    sentence_kinds: frozenset[str]
    gaps: Gaps = attrs.field(factory=Gaps)
    slack: int = 0

    @property
    def shortest_full(self) -> int:
        """The length from which a line counts as full (a kinsoku line one shorter)."""
        return self.width - self.slack

    def continues(self, text: str, line: Line, following: Line, head: Line, last_values: Mapping[str, int]) -> bool:
        """True when ``following`` is the rest of the paragraph that ``line`` cuts.

        ``head`` is the paragraph's first line, ``line`` its last line so far; ``last_values``
        holds the number of the last heading of each kind before ``head``.
        """
        content = text[line.content_start : line.content_end]
        if not content or not _full(text, line, following, self.shortest_full):
            return False
        last = content[-1]
        if following.kind in NOT_HEADINGS:
            return last not in _ENDS_SENTENCE or not self._opens_paragraph(text, following)
        if last not in CLOSING:
            return not self._bare_title(text, head, line)
        if last in _ENDS_SENTENCE:
            return _goes_on_inline_list(text, head, line, following)
        return not _follows_numbering(text, following, last_values)

    def _opens_paragraph(self, text: str, following: Line) -> bool:
        """After a sentence: a short line that closes nothing (a signature, a date), a field
        (「指标来源：」) or a reference to the 款 before (「前款」) stands on its own."""
        short = following.content_end - following.start < self.shortest_full - 1
        if short and text[following.content_end - 1] not in CLOSING:
            return True
        return bool(_OPENS_PARAGRAPH.match(text, following.content_start, following.content_end))

    def _bare_title(self, text: str, head: Line, line: Line) -> bool:
        if head.kind in NOT_HEADINGS or head.kind in self.sentence_kinds:
            return False
        return title_like(text[head.rest_start : line.content_end].strip())


def find_wrapping(text: str, lines: Sequence[Line]) -> Wrapping | None:
    """How ``lines`` were hard-wrapped, or None.

    A text is hard-wrapped when several lines stop mid-sentence at one length (the width),
    and (almost) no line is longer, counting ASCII characters as half.
    """
    # filled(), written out: a call per line costs more than the test
    text_lines = [line for line in lines if line.content_start != line.content_end and line.kind not in OUT_OF_FLOW]
    cut: Counter[int] = Counter()
    for line in text_lines[:-1]:
        length = line.content_end - line.start
        if length >= _MIN_LONG_LINE and text[line.content_end - 1] not in CLOSING:
            cut[length] += 1
    if not cut:
        return None
    width, slack = _band(cut)
    if _held(cut, width, slack) < _MIN_CUT_LINES:
        return None
    if _overlong(text, text_lines, width):
        return None
    shortest = width - slack
    return Wrapping(
        width=width,
        sentence_kinds=_sentence_kinds(text, lines, shortest),
        gaps=_measure_gaps(text, lines, shortest),
        slack=slack,
    )


def _band(cut: Counter[int]) -> tuple[int, int]:
    """The width and slack of the lengths at which lines stop mid-sentence.

    The narrowest band that holds most of them: one length with kinsoku lines one short (a
    text cut at one width, slack 0), or up to ``_MAX_SLACK`` + 1 lengths, from the longest
    down. Without such a band, the most common length, slack 0.
    """
    total = sum(cut.values())
    width = cut.most_common(1)[0][0]  # one width: the most common length, kinsoku lines one short
    if _held(cut, width, 0) >= _BAND_SHARE * total:
        return width, 0
    if total < _MIN_BAND_LINES:
        return width, 0  # too few cut lines to tell a band from chance
    for slack in range(2, _MAX_SLACK + 1):
        top = max(cut, key=lambda length: (_held(cut, length, slack), length))
        if _held(cut, top, slack) >= _BAND_SHARE * total:
            return top, slack
    return width, 0


def _held(cut: Counter[int], top: int, slack: int) -> int:
    """How many cut lines the band of lengths from ``top`` down holds (with slack 0, the
    width and its kinsoku length one short)."""
    return sum(cut[length] for length in range(top - max(slack, 1), top + 1))


def _overlong(text: str, text_lines: Sequence[Line], width: int) -> bool:
    """More than a few lines are longer than the width (ASCII characters counted as half)."""
    allowed = _MAX_OVERLONG_SHARE * len(text_lines)
    found = 0
    for line in text_lines:
        length = line.content_end - line.start
        if length > width + 1 and length - len(_ASCII.findall(text, line.start, line.content_end)) / 2 > width + 1:
            found += 1
            if found > allowed:
                return True
    return False


def _measure_gaps(text: str, lines: Sequence[Line], shortest_full: int) -> Gaps:
    """The blank lines every break inside a sentence has (after a full line that stops with no
    closing mark): those are the layout's, not a paragraph's."""
    indices = [index for index, line in enumerate(lines) if filled(line)]
    plain: list[int] = []
    framed: list[tuple[int, int]] = []
    for index, following in itertools.pairwise(indices):
        line = lines[index]
        if line.content_end - line.start < shortest_full - 1 or text[line.content_end - 1] in CLOSING:
            continue  # a paragraph may end here: its blank lines prove nothing
        furniture, before, after, blanks = _gap_shape(lines[index + 1 : following])
        if furniture:
            framed.append((before, after))
        else:
            plain.append(blanks)
    return Gaps(
        between=_usual(plain),
        before_furniture=_usual([before for before, _ in framed]),
        after_furniture=_usual([after for _, after in framed]),
    )


def _usual(counts: Sequence[int]) -> int:
    """The most common count (the smaller of a tie), 0 for none: one odd gap (furniture the
    layout stage could not tell) does not decide for the whole text."""
    if not counts:
        return 0
    tally = Counter(counts)
    return min(tally, key=lambda count: (-tally[count], count))


def _gap_shape(gap: Sequence[Line]) -> tuple[bool, int, int, int]:
    """Whether a gap holds furniture; its blank lines before the furniture, after it, in all."""
    blanks = sum(line.is_blank for line in gap)
    marks = [k for k, line in enumerate(gap) if not line.is_blank]
    if not marks:
        return False, 0, 0, blanks
    return True, marks[0], len(gap) - 1 - marks[-1], blanks






def _sentence_kinds(text: str, lines: Sequence[Line], shortest_full: int) -> frozenset[str]:
    """Heading kinds whose unwrapped lines (shorter than the width) are mostly sentences:
    「第五条　…。」 or 「（六）丰富交易产品。…」, not bare titles (「2.1.2　…办公室及其职责」)."""
    seen: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    for line in lines:
        if line.kind in NOT_HEADINGS or line.content_end - line.start >= shortest_full - 1:
            continue
        seen[line.kind] += 1
        rest = text[line.rest_start : line.content_end].strip()
        titles[line.kind] += not rest or title_like(rest)
    return frozenset(kind for kind, count in seen.items() if count >= 2 and titles[kind] < _TITLE_SHARE * count)




def _full(text: str, line: Line, following: Line, shortest_full: int) -> bool:
    """The line reaches the wrap width (less its slack), or stops one short for kinsoku."""
    length = line.content_end - line.start
    if length >= shortest_full:
        return True
    if length < shortest_full - 1 or following.kind not in NOT_HEADINGS:
        return False  # a heading's own mark (「二、」) is no mark the wrapper pushed down
    return any(char in _NO_LINE_START for char in text[following.content_start : following.content_start + 2])


def _goes_on_inline_list(text: str, head: Line, line: Line, following: Line) -> bool:
    """「…（1）…；（2）…；」 then 「（3）…」: the paragraph already holds the item before it, inline."""
    wanted = heading_number(text, following)
    if wanted is None or wanted < 2:
        return False
    start = max(head.rest_start, line.content_end - _INLINE_ITEM_REACH)
    for found in marker_pattern().finditer(text, start, line.content_end):
        if found.lastgroup == following.kind and number_of(found.group()) == wanted - 1:
            return True
    return False


def _follows_numbering(text: str, following: Line, last_values: Mapping[str, int]) -> bool:
    """The heading's number is 1 or one more than the last heading of its kind."""
    value = heading_number(text, following)
    return value is not None and (value == 1 or last_values.get(following.kind) == value - 1)


