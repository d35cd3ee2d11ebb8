"""Reader stage (HTML): the content finder's passes about the page's heading: title, dateline, title fact.

Passes 3, 4 and 6 of :mod:`.content`, over the table of lines (:mod:`.line_table`):

3. *title*: the page's heading for the document (an ``h1``-``h3``, an element whose class names
   a title, a short all-bold line, a line that is the page's ``<title>``) just before the
   container is the document's title line, BODY; a heading at the container's start, or one
   before it, that one of the document's first lines (or a few of them together) repeats, the
   page's date after it aside, is the page's copy and is set aside: text is never doubled;
4. *dateline*: a date alone (「2025-10-09」, 「2024-05-13 14:34」) right under the title is the
   page's publishing date: chrome, and the ``published`` date when no metadata gives one;
6. *title fact*: the document's first line, when it is a heading (an ``h1``-``h3`` or a title
   class) alone in its element that is the page's title (``<title>`` less the site's name, or
   ``<meta name="ArticleTitle">``) or stands in a heading element, and is no site's or
   column's name, is the document's title (:class:`.content.Finding`); and so is the body line
   that repeats a page heading set aside.
"""

from __future__ import annotations

import functools
import re

from lxml import html

from policyparse.readers.html.chrome import WHITESPACE
from policyparse.readers.html.css import named_words
from policyparse.readers.html.line_table import LineTable
from policyparse.readers.html.metadata import bare_date
from policyparse.readers.html.titles import squeeze, without_date
from policyparse.readers.reading import Role

__all__ = ["dateline", "heading_text", "title", "title_fact", "titleish"]

_TITLE_WINDOW = 6  # how many lines before the container the title may stand
_REPEAT_WINDOW = 6  # how many of the document's first lines may repeat the page's heading
_REPEAT_LINES = 4  # how many lines a repeated title may stand on
_TITLE_LEVELS = frozenset({1, 2, 3})
# A class or id naming a title: 「title」, 「article-title」, 「Article_bt」 (标题), 「biaoti」.
_TITLE_NAMES = re.compile(r"title|biaoti|headline|(?<![a-z])(?:bt|tit)(?![a-z])")
_LONGEST_TITLE = 80
_SENTENCE_END = "。；：？！"


def title(table: LineTable) -> None:
    """The page's heading for the document: kept as BODY unless the document's own lines repeat it.

    A heading just before the container (an ``h1`` …; metadata, chrome, links, a date and
    empty lines may stand between) is the document's title line: BODY. A heading element at
    the container's start, or one before it, that the document's first lines then repeat is
    the page's copy: set aside. Text is never doubled.
    """
    first, _ = table.span
    inside = _heading_at_start(table)
    if inside is not None:
        table.heading = inside
        repeat = _repeat(table, inside, inside[1])
        if repeat is not None:
            _set_aside_heading(table, inside, repeat)
        return
    index = first - 1
    while index >= 0 and first - index <= _TITLE_WINDOW:
        line = table.seen[index]
        skipped = line.chrome or (line.links and not line.kept) or bare_date(table.lines[index].text) is not None
        if not line.visible or index in table.metadata or skipped:
            index -= 1
            continue
        if not (_is_title(table, index, bold_counts=True) or table.titles.agrees(table.lines[index].text)):
            return
        break
    else:
        return
    start = index
    while start > 0 and table.lines[start - 1].element is table.lines[index].element:
        start -= 1
    heading = (start, index + 1)
    repeat = _repeat(table, heading, first)
    if repeat is None:
        for i in range(*heading):
            table.roles[i] = Role.BODY
        table.heading = heading
    else:
        _set_aside_heading(table, heading, repeat)


def dateline(table: LineTable) -> None:
    """A date alone right under the title line: the page's publishing date, chrome."""
    if table.heading is None or table.repeat is not None:
        return
    _, end = table.span
    for index in range(table.heading[1], end):
        if not table.seen[index].visible:
            continue
        text = table.lines[index].text
        iso = bare_date(text, written=False)
        if iso is not None and table.roles[index] is not Role.METADATA:
            table.roles[index] = Role.SITE_CHROME
            start, stop = _stripped_span(text)
            table.published = (index, start, stop, iso)
        return


def title_fact(table: LineTable) -> None:
    """The document's title line as the page sets it, if its first line is one (see the module doc)."""
    if table.repeat is not None:
        start, stop = table.repeat
        if stop - start == 1 and not table.titles.names_site(table.lines[start].text):
            _title_at(table, start)
        return
    first = next((i for i, role in enumerate(table.roles) if role is Role.BODY and table.seen[i].visible), None)
    if first is None or not _is_title(table, first, bold_counts=False):
        return
    line = table.lines[first]
    alone = all(
        other is first or table.lines[other].element is not line.element or not table.seen[other].visible
        for other in range(max(first - 1, 0), min(first + 2, len(table.lines)))
    )
    text = line.text
    # A numbered heading (「第一章　总则」 in an h2) opens the text, it is no title.
    if not alone or table.titles.names_site(text) or table.seen[first].links or table.seen[first].shaped:
        return
    if table.titles.agrees(text) or line.heading in _TITLE_LEVELS:
        _title_at(table, first)


def titleish(table: LineTable, index: int) -> bool:
    """Whether a line is set as a title, or is the page's title: the title pass finds it wherever it is."""
    return _is_title(table, index, bold_counts=False) or table.titles.agrees(table.lines[index].text)


def heading_text(table: LineTable) -> str | None:
    """The page's heading for the document as one text, without spaces or a date after it; None if none."""
    if table.heading is None:
        return None
    return squeeze(without_date(" ".join(table.lines[i].text for i in range(*table.heading))))


def _set_aside_heading(table: LineTable, heading: tuple[int, int], repeat: tuple[int, int]) -> None:
    for index in range(*heading):
        table.roles[index] = Role.SITE_CHROME
    table.repeat = repeat
    table.heading = repeat


def _heading_at_start(table: LineTable) -> tuple[int, int] | None:
    """The lines ``(start, end)`` of a heading element that opens the container's text, if one does."""
    first, end = table.span
    for index in range(first, end):
        if table.roles[index] is not Role.BODY or not table.seen[index].visible:
            continue
        # A numbered heading (「一、总体要求」 in an h2) opens the text, not the page's title.
        if not _is_title(table, index, bold_counts=False) or table.seen[index].shaped:
            return None
        stop = index + 1
        while stop < end and table.lines[stop].element is table.lines[index].element:
            stop += 1
        return index, stop
    return None


def _repeat(table: LineTable, heading: tuple[int, int], start: int) -> tuple[int, int] | None:
    """The BODY lines from ``start`` that repeat the heading, whole: one line or a few together.

    Only the document's first few lines are looked at, and a date after the heading's text
    (「关于…的通知 ( 2021年07月23日 )」) is the page's: it need not be repeated. A line that
    only begins with the title (「…反馈意见，具体见附件。」) is no repetition.
    """
    title = squeeze(without_date(" ".join(table.lines[i].text for i in range(*heading))))
    if not title:
        return None
    _, end = table.span
    body = [i for i in range(start, end) if table.roles[i] is Role.BODY and table.seen[i].visible]
    body = body[:_REPEAT_WINDOW]
    for number, index in enumerate(body):
        joined = ""
        for other in body[number : number + _REPEAT_LINES]:
            joined += squeeze(table.lines[other].text)
            if joined == title:
                return index, other + 1
            if len(joined) >= len(title) or not title.startswith(joined):
                break
    return None


def _is_title(table: LineTable, index: int, *, bold_counts: bool) -> bool:
    """Whether a line is set as a page's title.

    A line in an ``h1``-``h3``, or one whose element (or its parent) has a title's name in its
    id or class (「title」, 「article-title」, 「Article_bt」); with ``bold_counts``, also a short
    line all in bold with no sentence mark (an old page's ``<font size=5><b>…</b></font>``).
    """
    line = table.lines[index]
    if line.heading in _TITLE_LEVELS:
        return True
    stripped = line.text.strip(WHITESPACE)
    if (bold_counts and line.bold >= len(line.text.rstrip(WHITESPACE)) and len(stripped) <= _LONGEST_TITLE
            and not any(char in _SENTENCE_END for char in stripped)):
        return True
    parent = line.element.getparent()
    return _titled(line.element) or (parent is not None and _titled(parent))


def _title_at(table: LineTable, index: int) -> None:
    text = table.lines[index].text
    start, stop = _stripped_span(text)
    if stop > start:
        table.title_line = (index, start, stop)


def _titled(element: html.HtmlElement) -> bool:
    """Whether an element's id or class names a title (「title」, 「article-title」, 「Article_bt」)."""
    ident, classes = element.get("id"), element.get("class")
    return bool(ident or classes) and _names_title(ident or "", classes or "")


@functools.lru_cache(maxsize=4096)
def _names_title(ident: str, classes: str) -> bool:
    return _TITLE_NAMES.search(named_words(ident, classes)) is not None


def _stripped_span(text: str) -> tuple[int, int]:
    """Where a line's text starts and ends without the spaces around it."""
    start = len(text) - len(text.lstrip(WHITESPACE))
    return start, max(start, len(text.rstrip(WHITESPACE)))
