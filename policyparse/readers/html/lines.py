"""Reader stage (HTML): the walk's records: a visible line with the markup's evidence, the regions, the walk.

The walk (:mod:`.blocks`) makes them; the metadata finder (:mod:`.metadata`) and the content
finder (:mod:`.content`) read them.
"""

from __future__ import annotations

import attrs
from lxml import html

from policyparse.readers.reading import Cell

__all__ = ["Line", "Region", "Walk"]


@attrs.frozen(kw_only=True, eq=False)
class Line:
    """A visible line of the page, before the content finder gives it a role.

    Attributes:
        text: the line as a browser shows it.
        element: the block element it came from (a ``tr`` for a data table's row).
        heading: 1-6 inside ``h1``-``h6``, else None.
        bold: how many characters at the start are bold (see :func:`.runs.bold_prefix`).
        link_chars: how many of its non-space characters are inside links.
        table: the data table's index for a row, else None.
        cells: a row's cells.
        cell_lines: a row's cells, each as its lines (``text`` joins them by a space).
        runs: the text in runs of one formatting (bold, link, pre flags), for the row that
            joins a cell's lines.
        concealed: inside a dialog, a modal, a mask or an element a style rule hides.
        box: the innermost element around it whose class or id names a page tool (share,
            print, qr …), else None.
        control: it holds a form control.
        file_link: some of its text is a link to a file (an ``href`` ending in .pdf, .doc …).
    """

    text: str
    element: html.HtmlElement
    heading: int | None = None
    bold: int = 0
    link_chars: int = 0
    table: int | None = None
    cells: tuple[Cell, ...] = ()
    cell_lines: tuple[tuple[str, ...], ...] = ()
    runs: tuple[tuple[str, int], ...] = ()
    concealed: bool = False
    box: html.HtmlElement | None = None
    control: bool = False
    file_link: bool = False

    @property
    def tag(self) -> str:
        """The element's tag (``p``, ``tr`` …)."""
        return str(self.element.tag)

    @property
    def cell_texts(self) -> tuple[str, ...]:
        """A row's cell texts, in order; empty for a line that is not a row."""
        return tuple(self.text[cell.start : cell.end] for cell in self.cells)


@attrs.frozen(kw_only=True, eq=False)
class Region:
    """A block element that holds the lines ``first`` to ``end`` (exclusive), ``depth`` deep."""

    element: html.HtmlElement
    first: int
    end: int
    depth: int


@attrs.frozen(kw_only=True, eq=False)
class Walk:
    """What the walk saw: the lines in reading order, the block elements holding them, the page's titles.

    ``page_title`` is the ``<title>``; ``meta_title`` the ``<meta name="ArticleTitle">`` (or
    ``name="title"``) content, which CMSs fill with the document's title alone.
    """

    lines: tuple[Line, ...]
    regions: tuple[Region, ...]
    page_title: str | None
    meta_title: str | None = None
