"""Reader stage (HTML): tell a data table from a layout table, and lay a data table's row out as one line.

Pages built before CSS layouts put everything in tables: gov.cn's policy pages hold the whole
document in a ``<td>`` three tables deep. Such a table is a page region, not a grid, and its
cells read as ordinary blocks. A table is LAYOUT when any of these holds:

* a cell holds another table (grids do not nest; page regions do), a list, a heading or a
  form, or ``_MENU_LINKS`` links or more (a column of navigation);
* it has a single column (a box drawn round something, or boxes stacked: a title row, an
  information row, the content row, a row of buttons); a grid has two columns at least;
* a cell holds several paragraphs of running text: at least ``_REGION_PARAGRAPHS`` block
  elements or line breaks and ``_REGION_CHARS`` characters (the hospital page's indicator
  cells hold at most 3 paragraphs and 245 characters);
* one cell holds most of the table's text (``_DOMINANT_SHARE``), and that is real text
  (``_DOMINANT_CHARS``): the content cell beside a narrow date or icon cell.

Everything else is DATA: gov.cn's metadata grid (索引号, 主题分类 … in short cells) and a
document's own tables (the hospital page's indicator table: hundreds of short cells).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lxml import html

from policyparse.readers.reading import Cell

__all__ = ["CELL_TAGS", "UNSEEN", "cell_spans", "is_data_table", "join_cells", "table_rows"]

CELL_TAGS = frozenset({"td", "th"})
_SECTION_TAGS = frozenset({"thead", "tbody", "tfoot"})
_PARAGRAPH_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd"})
# Elements that a page region holds and a datum does not.
_REGION_TAGS = ("table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "form")
_MENU_LINKS = 3
_REGION_PARAGRAPHS = 4
_REGION_CHARS = 300
_DOMINANT_SHARE = 0.8
_DOMINANT_CHARS = 300
# Elements whose text is never shown, for the walk (:mod:`.blocks`) and for weighing a cell. The
# ``<head>`` is here too (the walk reads its ``<title>`` on the way past).
UNSEEN = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "audio", "video", "math",
     "head", "title"}
)
# A span attribute as browsers read it: ASCII whitespace, an optional plus, ASCII digits (「2px」 is 2);
# 「²」 and 「٣」 are digits to ``str.isdigit`` but not to a browser.
_SPAN_NUMBER = re.compile(r"[ \t\n\f\r]*\+?([0-9]+)")
# The bounds browsers clamp spans to (HTML's table model).
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534


def is_data_table(table: html.HtmlElement) -> bool:
    """Tell whether a ``<table>`` is a grid of data (True) or a region of the page's layout (False).

    Args:
        table: the table element.

    Returns:
        False for a layout table (see the module docstring for the rule), True otherwise.
    """
    rows = [[cell for cell in row if cell.tag in CELL_TAGS] for row in table_rows(table)]
    if max((len(row) for row in rows), default=0) <= 1:
        return False
    cells = [cell for row in rows for cell in row]
    for cell in cells:
        if next(cell.iter(*_REGION_TAGS), None) is not None:
            return False
        if sum(1 for link in cell.iter("a") if link.get("href") is not None) >= _MENU_LINKS:
            return False
    sizes = [_weigh(cell) for cell in cells]
    total = sum(chars for chars, _ in sizes)
    for chars, paragraphs in sizes:
        if paragraphs >= _REGION_PARAGRAPHS and chars >= _REGION_CHARS:
            return False
        if chars >= _DOMINANT_CHARS and chars >= _DOMINANT_SHARE * total:
            return False
    return True


def table_rows(table: html.HtmlElement) -> Iterator[list[html.HtmlElement]]:
    """Yield the rows of this table (not of tables inside it), each as its element children.

    Rows may stand in the table itself or in its ``thead``/``tbody``/``tfoot``; the HTML
    parser adds no ``tbody``.
    """
    for child in table:
        if child.tag == "tr":
            yield list(child)
        elif child.tag in _SECTION_TAGS:
            for row in child:
                if row.tag == "tr":
                    yield list(row)


def cell_spans(cell: html.HtmlElement, remaining: int) -> tuple[int, int]:
    """A cell's ``(colspan, rowspan)`` as a browser reads them.

    Args:
        cell: the ``td`` or ``th``.
        remaining: how many rows its row section holds from its row on (its row included).

    Returns:
        The colspan, 1 to 1000 (0, a missing or an unreadable value: 1); the rowspan, 1 to
        65534, where 0 means "to the end of the row section" and is those remaining rows.
    """
    colspan = _span_number(cell.get("colspan"))
    rowspan = _span_number(cell.get("rowspan"))
    colspan = 1 if colspan is None or colspan == 0 else min(colspan, _MAX_COLSPAN)
    if rowspan is None:
        rowspan = 1
    elif rowspan == 0:
        rowspan = max(remaining, 1)
    return colspan, min(rowspan, _MAX_ROWSPAN)


def _span_number(value: str | None) -> int | None:
    """The number a span attribute starts with, in ASCII digits; None when it has none."""
    if value is None:
        return None
    match = _SPAN_NUMBER.match(value)
    if match is None:
        return None
    # Twelve significant digits are enough to see a value is past the bounds (and int() of
    # thousands of digits is slow).
    return int(match.group(1).lstrip("0")[:12] or "0")


def join_cells(texts: Sequence[str], spans: Sequence[tuple[int, int]]) -> tuple[str, tuple[Cell, ...]]:
    """Lay a row's cell texts out as one line: joined by tabs, each cell's offsets recorded.

    Args:
        texts: each cell's text (its lines joined by one space).
        spans: each cell's ``(colspan, rowspan)``.

    Returns:
        The row text and its cells.
    """
    cells = []
    position = 0
    for text, (colspan, rowspan) in zip(texts, spans, strict=True):
        cells.append(Cell(start=position, end=position + len(text), colspan=colspan, rowspan=rowspan))
        position += len(text) + 1
    return "\t".join(texts), tuple(cells)


def _weigh(cell: html.HtmlElement) -> tuple[int, int]:
    """A cell's visible characters (whitespace aside) and how many paragraph elements and breaks it holds.

    What is never shown (a script, a ``<video>``'s fallback paragraphs) is not weighed, its
    subtree neither; its tail is.
    """
    chars = _count(cell.text or "")
    paragraphs = 0
    stack = list(reversed(cell))
    while stack:
        element = stack.pop()
        if element.tail:
            chars += _count(element.tail)
        tag = element.tag
        if not isinstance(tag, str) or tag in UNSEEN:
            continue
        if element.text:
            chars += _count(element.text)
        if tag in _PARAGRAPH_TAGS:
            paragraphs += 1
        stack.extend(reversed(element))
    return chars, paragraphs


def _count(text: str) -> int:
    """Characters that are not spaces."""
    return len("".join(text.split()))
