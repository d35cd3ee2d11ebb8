"""Layout pass: what a 一、 line is in its context.

* An article's list. In many regulations an article introduces a list (「第七条 申请人应当提交下列
  材料：」) whose items are numbered 一、 (「一、申请书；」「二、……」): they are the article's items
  (项), not top-level headings. A run of 一、 lines numbered 1, 2, 3 … right after a line of the
  article that ends with a colon gets the ITEM1 kind, which the grammar nests in the article as
  it does （一）; the run ends at the next article, a division, or a number that does not follow.
* A sentence that starts like a number: 「一、二级道路客运站应当……」, 「三、四级医院」 (grades one and
  two, three and four): the label's number, the next number and a classifier. Such a line is
  text, unless the numbering around it expects a heading of that number there (the 一、 before
  a 二、, a 三、 after a 二、) outside any article.
"""

from __future__ import annotations

import regex

from policyparse._grammar import ITEM1, Role
from policyparse._lexer import Line
from policyparse.kinds import DIVISION_TERMINALS, RULES
from policyparse.layout.lines import heading_number, number_of
from policyparse.layout.state import Layout
from policyparse.numerals import SMALL_NUMERAL

_ARTICLE = RULES["article"].terminal
_H1 = RULES["heading1"].terminal
_INTRODUCES = ("：", ":")
# The next number of an enumeration and its classifier: 「二级」, 「二类」, 「四等」.
_ENUMERATED = regex.compile(rf"([{SMALL_NUMERAL}]+)[级类等档期批种星线]")


def mark_article_lists(layout: Layout) -> None:
    """The pass: 一、 lines that list an article's items become ITEM1; enumerations become TEXT."""
    text, lines = layout.text, layout.lines
    in_article = False
    expected: int | None = None  # the number of the list's next item, while a list is open
    introduced = False  # the paragraph before ends with a colon
    previous_h1: int | None = None  # the number of the last 一、 heading outside articles
    for index, line in enumerate(lines):
        if line.is_blank or line.kind == Role.SET_ASIDE:
            continue  # blank, or set aside: the paragraph before goes on
        kind = line.kind
        if kind == _ARTICLE or kind in DIVISION_TERMINALS:
            in_article, expected = kind == _ARTICLE, None
        elif kind == _H1:
            number = heading_number(text, line)
            if in_article and number is not None and (number == expected or (number == 1 and introduced)):
                lines[index] = line._replace(kind=ITEM1)
                expected = number + 1
            elif number is not None and _enumerates(text, line, number):
                if in_article or not _expected_heading(text, lines, index, number, previous_h1):
                    lines[index] = line._replace(
                        kind=Role.TEXT, label_start=line.content_start, label_end=line.content_start,
                        rest_start=line.content_start,
                    )
                elif not in_article:
                    previous_h1 = number
            else:
                expected = None
                if not in_article:
                    previous_h1 = number
        introduced = text[line.content_end - 1 : line.content_end] in _INTRODUCES


def _enumerates(text: str, line: Line, number: int) -> bool:
    """「一、二级…」: the label's number, then the next number with a classifier."""
    found = _ENUMERATED.match(text, line.rest_start, line.content_end)
    return found is not None and number_of(found.group(1)) == number + 1


def _expected_heading(text: str, lines: list[Line], index: int, number: int, previous: int | None) -> bool:
    """The numbering around a 一、 line expects it: the heading before is number − 1, or it is
    the first (1) and a 二、 heading follows."""
    if number > 1:
        return previous == number - 1
    for line in lines[index + 1 :]:
        if line.kind == _H1:
            following = heading_number(text, line)
            return following == 2 and not _enumerates(text, line, 2)
    return False
