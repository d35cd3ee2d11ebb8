"""Layout pass: page furniture. Page numbers (「— 3 —」, 「第5页」, bare 「6」s) and the running header
or footer repeated beside them are set aside."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

import regex

from policyparse._grammar import NOT_HEADINGS, OUT_OF_FLOW, Role
from policyparse._lexer import Line
from policyparse.layout.lines import (
    SHORT_LINE,
    filled,
    heading_number,
    line_text,
    next_filled,
    previous_filled,
    title_like,
)
from policyparse.layout.state import Layout, take_out

# The dashes and dots around a page number (「— 3 —」, 「- 4 -」, 「·5·」), and the characters a
# line that holds one starts or ends with.
_DASH = "－—–\\-~·"


_NUMBER_EDGE = frozenset("0123456789０１２３４５６７８９—－–-~·页第")


_NUMBER_START = _NUMBER_EDGE | frozenset("Pp")  # and 「Page 3 of 9」


# 「— 3 —」, 「- 4 -」, 「第5页」, 「6/12」, 「第 7 页 共 12 页」, 「第7页/共12页」, 「Page 8 of 12」.
# The runs of spaces are possessive, so that 「1」 and ten thousand spaces stay linear.
PAGE_NUMBER = regex.compile(
    rf"[{_DASH}\s]*+(?:第\s*+|(?i:page)\s*+)?\d{{1,4}}(?:\s*+页)?"
    rf"(?:\s*+(?:[/，,]\s*+共|/|共|(?i:of))\s*+\d{{1,4}}(?:\s*+页)?)?[{_DASH}\s]*+"
)


_DIGITS = regex.compile(r"\d+")


_LETTERS = regex.compile(r"[\p{Han}A-Za-z]{2}")


_SENTENCE_END = "。！？；!?;"


# A page number with text beside it on one line, in a form no sentence uses: 「第3页」, 「— 3 —」, 「3/12」.
_NUMBER_IN_LINE = (
    rf"第\s*+\d{{1,4}}\s*+页(?:\s*+[/，,]?\s*+共\s*+\d{{1,4}}\s*+页)?|[{_DASH}]\s*+\d{{1,4}}\s*+[{_DASH}]"
    r"|\d{1,4}\s*+/\s*+\d{1,4}"
)


_PAGE_NUMBER_IN_LINE = regex.compile(_NUMBER_IN_LINE)


_PAGE_NUMBER_AT_END = regex.compile(rf"(?:{_NUMBER_IN_LINE})$")


_MAX_RUNNING_LINE = 120  # characters: a running footer with its page number (a web page's address, 「1/5」)


_MAX_PAGE_NUMBER = 30  # characters: a longer line is no page number, and is not matched


# A page number that is one even alone: in dashes or dots, or with 页 or a page count.
_LONE_PAGE_NUMBER = regex.compile(rf"[{_DASH}]+\s*\d{{1,4}}\s*[{_DASH}]+|.*(?:页|/|(?i:of)).*")


# A page holds at least this many lines: page n is no earlier than line 5 × (n − 1).
_MIN_PAGE_LINES = 5


def set_aside_furniture(layout: Layout) -> None:
    """The pass: page numbers (two or more) and the running header or footer repeated beside them."""
    text, lines = layout.text, layout.lines
    numbers = set(_page_numbers(text, lines))
    if not numbers:
        return
    near = {j for i in numbers for j in range(max(0, i - 3), min(len(lines), i + 4))}
    repeated = Counter(line_text(text, lines[j]) for j in near if _runs(lines[j]) and j not in numbers)
    # A running header stands beside most page numbers, and it ends no sentence.
    headers = {
        content for content, count in repeated.items()
        if count >= max(2, len(numbers) // 2) and len(content) <= _MAX_RUNNING_LINE and _running_like(content)
    }
    headers |= _headers_beside_few_numbers(text, lines, numbers)
    if len(numbers) == 1:
        # One page break: the short line right after its number heads the next page, unless a
        # first heading follows it (then it titles a document: 「暂行办法」 over 「第一章」). The
        # line before it is a footer only when a page follows: before a last page number, it is
        # the document's own (「（此件公开发布）」).
        (number,) = numbers
        after = next_filled(lines, number + 1)
        beyond = next_filled(lines, after + 1)
        titles_a_document = _opens_numbering(text, lines, beyond)
        if after < len(lines) and _single_running_line(text, lines[after]) and not titles_a_document:
            headers.add(line_text(text, lines[after]))
        before = previous_filled(lines, number - 1)
        if after < len(lines) and before is not None and _single_running_line(text, lines[before]):
            headers.add(line_text(text, lines[before]))
    for i in sorted(near):
        line = lines[i]
        if i in numbers or (filled(line) and line_text(text, line) in headers):
            take_out(layout, i, (line.content_start, line.content_end), "page-furniture")
    _take_out_first_header(text, layout, headers, near)


def _take_out_first_header(text: str, layout: Layout, headers: set[str], near: set[int]) -> None:
    """The running header atop the first page, above the title (a printed web page's site name
    or date and title): set aside when a longer title follows it, or when it is no title at all
    (「2024/3/5 10:23　…」); a first line that only equals the header is the title itself."""
    lines = layout.lines
    first = next_filled(lines, 0)
    if first >= len(lines) or first in near or line_text(text, lines[first]) not in headers:
        return
    header = line_text(text, lines[first])
    following = next_filled(lines, first + 1)
    if following >= len(lines):
        return
    title = line_text(text, lines[following])
    # A title follows the header (「中国政府网」 over 「国务院关于…」), not a note under it
    # (「（2025年…通过）」 under a title that the header repeats).
    title_follows = lines[following].kind == Role.TEXT and title_like(title) and not title.startswith(("（", "("))
    if not title_like(header) or (title_follows and len(title) > len(header)):
        take_out(layout, first, (lines[first].content_start, lines[first].content_end), "page-furniture")


def _single_running_line(text: str, line: Line) -> bool:
    """A line that may be the header or footer beside a document's one page number: text,
    shorter than a wrapped line (a line of a wrapped text can hold no mark either), no
    sentence, it names something, and it is no bracketed note."""
    content = line_text(text, line)
    return (
        _runs(line) and len(content) < SHORT_LINE and title_like(content) and _running_like(content)
        and not content.startswith(("（", "("))
    )


def _opens_numbering(text: str, lines: Sequence[Line], index: int) -> bool:
    """A first heading (「第一章」, 「第一条」, 「一、」): what follows a document's title."""
    return index < len(lines) and lines[index].kind not in NOT_HEADINGS and heading_number(text, lines[index]) == 1


def _runs(line: Line) -> bool:
    """A line that may run on every page: text (in a 目录's entries too), not a heading."""
    return line.kind in _RUNNING_KINDS and not line.is_blank


_RUNNING_KINDS = frozenset({Role.TEXT, Role.TOC_ENTRY})


def _headers_beside_few_numbers(text: str, lines: Sequence[Line], numbers: set[int]) -> set[str]:
    """With a page break or two, a running header is a line right beside a page number that
    stands elsewhere too (atop the first page: a printed web page's date and title)."""
    if len(numbers) > 3:
        return set()
    beside = [j for i in numbers for j in (next_filled(lines, i + 1), previous_filled(lines, i - 1))]
    candidates = {
        line_text(text, lines[j]) for j in beside
        if j is not None and j < len(lines) and j not in numbers and _runs(lines[j])
    }
    return _repeated(text, lines, {c for c in candidates if len(c) <= _MAX_RUNNING_LINE and _running_like(c)})


def _repeated(text: str, lines: Sequence[Line], contents: set[str]) -> set[str]:
    """Those of ``contents`` that stand on two or more text lines."""
    if not contents:
        return set()
    seen = Counter(line_text(text, line) for line in lines if _runs(line) and line_text(text, line) in contents)
    return {content for content, count in seen.items() if count >= 2}


def _page_numbers(text: str, lines: Sequence[Line]) -> list[int]:
    """Lines that number pages: 「— 3 —」, 「- 4 -」, 「第5页」 (two or more), or bare 「6」 (three
    or more, or one or two standing alone between paragraphs), their numbers rising.

    Each form (「— # —」, 「#」, 「第 # 页 共 # 页」) is a sequence of its own: a page can carry
    two (the document's 「— 3 —」 and the printer's 「第 1 页 共 9 页」).
    """
    forms: dict[str, list[tuple[int, int]]] = {}
    # Lines with a page number and text, by their text: (line, number, number apart from the text).
    running: dict[str, list[tuple[int, int, bool]]] = {}
    for i, line in enumerate(lines):
        length = line.content_end - line.content_start
        if length == 0 or length > _MAX_RUNNING_LINE or line.kind in OUT_OF_FLOW:
            continue  # a reader's set-aside line (a Word footer 「— 1 —」) is out already
        if text[line.content_start] not in _NUMBER_START and text[line.content_end - 1] not in _NUMBER_EDGE:
            continue  # most lines: a page number, alone or beside words, starts or ends the line
        content = line_text(text, line)
        if length <= _MAX_PAGE_NUMBER and PAGE_NUMBER.fullmatch(content):
            digits = _DIGITS.search(content)
            assert digits is not None
            forms.setdefault(_DIGITS.sub("#", "".join(content.split())), []).append((i, int(digits.group())))
        elif line.kind in _RUNNING_KINDS and (content[0] in _NUMBER_EDGE or content[-1] in _NUMBER_EDGE):
            edge = _page_number_at_edge(content)
            if edge is not None:
                start, end = edge
                digits = _DIGITS.search(content, start, end)
                assert digits is not None
                apart = content[end : end + 1].isspace() or content[start - 1 : start].isspace()
                words = " ".join((content[:start] + "\0" + content[end:]).split())
                running.setdefault(words, []).append((i, int(digits.group()), apart))
    numbers = _running_with_numbers(running)
    for form, found in forms.items():
        rising = [item for k, item in enumerate(found) if k == 0 or item[1] > found[k - 1][1]]
        if form == "#":
            numbers += _bare_page_numbers(text, lines, rising)
        elif len(rising) > 1 or _LONE_PAGE_NUMBER.fullmatch(line_text(text, lines[rising[0][0]])):
            numbers += [i for i, _ in rising]  # one is enough only in dashes or with 页: 「— 3 —」, 「第3页」
    return sorted(numbers)


def _bare_page_numbers(text: str, lines: Sequence[Line], rising: list[tuple[int, int]]) -> list[int]:
    """Bare 「6」s: at least five lines apart, three or more, or one or two standing alone."""
    if len(rising) > 1 and min(b - a for (a, _), (b, _) in itertools.pairwise(rising)) < _MIN_PAGE_LINES:
        return []  # numbers a few lines apart are a table's column (序号 1, 2, 3 …), not pages
    if len(rising) < 3:
        return [i for i, number in rising if _lone_bare_page_number(text, lines, i, number)]
    return [i for i, _ in rising]


def _page_number_at_edge(content: str) -> tuple[int, int] | None:
    """Where a page number stands at the start or the end of a line, in a form no sentence uses."""
    tail = len(content) - min(len(content), _MAX_PAGE_NUMBER)
    found = _PAGE_NUMBER_IN_LINE.match(content) or _PAGE_NUMBER_AT_END.search(content, tail)
    if found is None:
        return None
    numbers = [int(digits) for digits in _DIGITS.findall(found.group())]
    if "/" in found.group() and numbers[0] > numbers[-1]:
        return None  # 「2024/12」 is a year and month, not page 2024 of 12
    start, end = found.span()
    return start, end


def _running_with_numbers(running: dict[str, list[tuple[int, int, bool]]]) -> list[int]:
    """A running footer or header with the page number at an end (「国务院公报　第3页」, 「— 3 —　国务院
    公报」, a printed web page's address and 「1/5」): two or more lines with the same words and
    rising page numbers, or one title-like line whose number stands apart (not 「详见第3页」)."""
    found: list[int] = []
    for words, numbered in running.items():
        numbers = [number for _, number, _ in numbered]
        words = words.replace("\0", "")
        if numbers != sorted(set(numbers)) or not _running_like(words):
            continue
        if len(numbered) >= 2 or (numbered[0][2] and title_like(words)):
            found.extend(i for i, _, _ in numbered)
    return found


def _running_like(content: str) -> bool:
    """A running header or footer: it names something (a dated column 「2019-01-05」 does not),
    ends no sentence and asks for nothing (a form's 「填表人：　　联系电话：」)."""
    return content[-1:] not in _SENTENCE_END and "：" not in content and _LETTERS.search(content) is not None


def _lone_bare_page_number(text: str, lines: Sequence[Line], index: int, number: int) -> bool:
    """A bare 「6」 of a text of one or two pages: a page number when it stands between two lines
    of text, late enough for its page, and what follows is no title it could number
    (「6」 + 「总则」) nor another number (a table's column)."""
    previous, following = previous_filled(lines, index - 1), next_filled(lines, index + 1)
    if previous is None or following >= len(lines) or index < _MIN_PAGE_LINES * (number - 1):
        return False
    after, before = line_text(text, lines[following]), line_text(text, lines[previous])
    if PAGE_NUMBER.fullmatch(after) or before.isdigit() or (title_like(before) and len(before) < SHORT_LINE):
        return False  # after a short line that closes nothing: a table's heading row, a title
    if lines[following].kind != Role.TEXT or not title_like(after):
        return True
    # A title-like line that stands elsewhere too is a running header (「中国政府网」), no title.
    return bool(_repeated(text, lines, {after}))
