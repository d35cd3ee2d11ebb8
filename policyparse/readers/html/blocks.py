"""Reader stage (HTML): the parsed page → its visible lines in reading order, with the markup's evidence.

One walk over the tree, as a browser lays the page out in normal flow:

* block-level elements (``p``, ``div``, ``li``, ``h1``…, ``td`` of a layout table) start a
  new line; ``<br>`` ends one; inline elements (``span``, ``b``, ``font``, ``a``) join theirs;
* runs of ASCII whitespace collapse to one space and are trimmed at a line's ends, while
  U+00A0, U+2002, U+2003, U+3000 (``&nbsp;`` ``&ensp;`` ``&emsp;`` ``&#12288;``) are text and
  are kept as they are; ``<pre>`` keeps its whitespace and each of its lines is a line;
* an empty ``<p>`` (or ``<p><br></p>``) is an empty line, as is a line that ``<br>`` ends
  without text; an empty ``div`` or ``td`` makes none;
* what is never shown is skipped: ``script``, ``style``, ``noscript``, ``template``,
  ``iframe``, ``object``, ``svg``, ``canvas``, ``audio``, ``video``, the ``head`` (its
  ``<title>`` is kept aside as the page title), and elements with the ``hidden`` attribute
  or ``display:none``; the parser already drops comments and processing instructions;
* a data table (see :mod:`.tables`) gives one line per row, its cells joined by tabs.

Each line keeps the block element it came from, its heading level, how many characters at its
start are bold, and how many of its characters are inside links (the content finder's
evidence). Each block element that holds lines is recorded as a :class:`Region`: a candidate
container for the content finder.
"""

from __future__ import annotations

import re

import attrs
from lxml import html

from policyparse.readers.html.tables import cell_span, is_data_table, join_cells
from policyparse.readers.reading import Cell

__all__ = ["Line", "Region", "Walk", "walk_page"]

# Flags of a run of text.
_STRONG = 1  # inside b, strong, th, a heading, or font-weight bold
_LINK = 2  # inside <a href>
_PRE = 4  # whitespace kept (inside <pre>)

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu",
        "nav", "noframes", "ol", "optgroup", "option", "p", "plaintext", "pre", "section", "select", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PRE_TAGS = frozenset({"pre", "listing", "xmp", "plaintext", "textarea"})
# Never rendered as text. <head> is here too; its <title> is read on the way past.
_UNSEEN = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "audio", "video", "head",
     "title", "math"}
)
_STRONG_TAGS = frozenset({"b", "strong", "th", *_HEADINGS})
# CSS collapses these; every other space character (U+00A0, U+3000 …) is text.
_ASCII_SPACES = re.compile(r"[ \t\n\r\f]+")
_SPACE_CHARS = " \t\n\r\f"


@attrs.frozen(kw_only=True, eq=False)
class Line:
    """A visible line of the page, before the content finder gives it a role.

    Attributes:
        text: the line as a browser shows it.
        element: the block element it came from (a ``tr`` for a data table's row).
        heading: 1-6 inside ``h1``-``h6``, else None.
        bold: how many characters at the start are bold (see :func:`_bold_prefix`).
        link_chars: how many of its non-space characters are inside links.
        table: the data table's index for a row, else None.
        cells: a row's cells.
        cell_lines: a row's cells, each as its lines (``text`` joins them by a space).
        runs: the text in runs of one formatting (bold, link, pre flags), for the row that
            joins a cell's lines.
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
    """What the walk saw: the lines in reading order, the block elements holding them, the page title."""

    lines: tuple[Line, ...]
    regions: tuple[Region, ...]
    page_title: str | None


def walk_page(root: html.HtmlElement) -> Walk:
    """Walk a parsed page once and return its visible lines and the regions that hold them.

    Args:
        root: the ``<html>`` element of a page parsed by ``lxml.html``.

    Returns:
        The lines, the regions and the ``<title>`` text (whitespace collapsed), if any.
    """
    walker = _Walker()
    walker.walk(root, 0)
    walker.flush(force=False)
    return Walk(lines=tuple(walker.lines), regions=tuple(walker.regions), page_title=walker.page_title)


@attrs.define
class _Open:
    """A block element being walked: where its lines start."""

    element: html.HtmlElement
    tag: str
    heading: int | None
    first: int


class _Walker:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.regions: list[Region] = []
        self.runs: list[tuple[str, int]] = []
        self.blocks: list[_Open] = []
        self.tables = 0
        self.page_title: str | None = None

    def walk(self, root: html.HtmlElement, flags: int) -> None:
        """Walk ``root`` and its subtree (not its tail) with an explicit stack: pages nest deep."""
        stack: list[tuple[html.HtmlElement, bool]] = [(root, True)]
        contexts = [flags]
        while stack:
            element, entering = stack.pop()
            tag = element.tag
            if not entering:
                contexts.pop()
                if tag in _BLOCK_TAGS:
                    self.close_block()
                if element is not root:
                    self.text(element.tail, contexts[-1])
                continue
            context = contexts[-1]
            if not isinstance(tag, str):  # a comment or entity the parser kept: only its tail shows
                if element is not root:
                    self.text(element.tail, context)
                continue
            if tag in _UNSEEN or _hidden(element):
                self._note_title(element, tag)
                if element is not root:
                    self.text(element.tail, context)
                continue
            if tag == "br":
                self.flush(force=True)
                self.text(element.tail, context)
                continue
            if tag == "table" and is_data_table(element):
                self.data_table(element, context)
                if element is not root:
                    self.text(element.tail, context)
                continue
            own = _flags(element, tag, context)
            if tag in _BLOCK_TAGS:
                self.open_block(element, tag)
            contexts.append(own)
            stack.append((element, False))
            text = element.text
            if text and tag == "pre" and text.startswith("\n"):
                text = text[1:]  # the parser keeps the newline after <pre> that browsers drop
            self.text(text, own)
            stack.extend((child, True) for child in reversed(element))

    def text(self, text: str | None, flags: int) -> None:
        """Add text to the current line; in ``<pre>`` each newline ends a line."""
        if not text:
            return
        if not flags & _PRE:
            self.runs.append((text, flags))
            return
        pieces = text.split("\n")
        for piece in pieces[:-1]:
            if piece:
                self.runs.append((piece, flags))
            self.flush(force=True)
        if pieces[-1]:
            self.runs.append((pieces[-1], flags))

    def open_block(self, element: html.HtmlElement, tag: str) -> None:
        self.flush(force=False)
        heading = _HEADINGS.get(tag)
        if heading is None and self.blocks:
            heading = self.blocks[-1].heading
        self.blocks.append(_Open(element=element, tag=tag, heading=heading, first=len(self.lines)))

    def close_block(self) -> None:
        self.flush(force=False)
        block = self.blocks.pop()
        if block.tag == "p" and len(self.lines) == block.first:
            # An empty paragraph is an empty line on the screen.
            self.lines.append(Line(text="", element=block.element, heading=block.heading))
        if len(self.lines) > block.first:
            self.regions.append(
                Region(element=block.element, first=block.first, end=len(self.lines), depth=len(self.blocks))
            )

    def flush(self, *, force: bool) -> None:
        """End the current line: emit it if it shows text, or if a ``<br>`` ends it (``force``)."""
        if not self.runs and not force:
            return
        runs = _collapse(self.runs)
        self.runs = []
        if not runs and not force:
            return
        # Below <html> (a block) some block is always open; the page's text has somewhere to go.
        block = self.blocks[-1]
        self.lines.append(
            Line(
                text="".join(text for text, _ in runs),
                element=block.element,
                heading=block.heading,
                bold=_bold_prefix(runs),
                link_chars=_link_chars(runs),
                runs=runs,
            )
        )

    def data_table(self, table: html.HtmlElement, flags: int) -> None:
        """A data table: its caption as a line, then one line per row (stray content as blocks)."""
        self.open_block(table, "table")
        index = self.tables
        self.tables += 1
        self.text(table.text, flags)
        for child in table:
            if child.tag in ("thead", "tbody", "tfoot"):
                self.text(child.text, flags)
                for row in child:
                    self.table_part(row, index, flags)
                    self.text(row.tail, flags)
            else:
                self.table_part(child, index, flags)
            self.text(child.tail, flags)
        self.close_block()

    def table_part(self, element: html.HtmlElement, index: int, flags: int) -> None:
        """A row, or what else stands in a table (a caption, stray content), unless hidden."""
        if isinstance(element.tag, str) and _hidden(element):
            return
        if element.tag == "tr":
            self.row(element, index, flags)
        else:
            self.walk(element, flags)

    def row(self, row: html.HtmlElement, index: int, flags: int) -> None:
        """One row of a data table as one line: each cell's lines joined by a space, cells by a tab."""
        self.text(row.text, flags)  # stray text in a row shows before the table: its own line
        self.flush(force=False)
        texts: list[str] = []
        cell_lines: list[tuple[str, ...]] = []
        spans: list[tuple[int, int]] = []
        runs: list[tuple[str, int]] = []
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag in _UNSEEN or _hidden(cell):
                continue
            lines = _cell_lines(cell, _flags(cell, str(cell.tag), flags))
            if runs:
                runs.append(("\t", 0))
            for number, line in enumerate(lines):
                if number:
                    runs.append((" ", 0))
                runs.extend(line.runs)
            texts.append(" ".join(line.text for line in lines))
            cell_lines.append(tuple(line.text for line in lines))
            spans.append((cell_span(cell, "colspan"), cell_span(cell, "rowspan")))
        text, cells = join_cells(texts, spans)
        if not text.strip():
            return  # a row of empty cells shows nothing
        heading = self.blocks[-1].heading if self.blocks else None
        self.lines.append(
            Line(
                text=text, element=row, heading=heading, bold=_bold_prefix(runs), link_chars=_link_chars(runs),
                table=index, cells=cells, cell_lines=tuple(cell_lines), runs=tuple(runs),
            )
        )

    def _note_title(self, element: html.HtmlElement, tag: str) -> None:
        if self.page_title is not None:
            return
        title = element if tag == "title" else element.find(".//title") if tag == "head" else None
        if title is not None:
            self.page_title = _ASCII_SPACES.sub(" ", title.text_content()).strip(_SPACE_CHARS)


def _cell_lines(cell: html.HtmlElement, flags: int) -> list[Line]:
    """The non-empty lines of a data table's cell, read by a walker of their own."""
    walker = _Walker()
    walker.open_block(cell, str(cell.tag))
    walker.text(cell.text, flags)
    for child in cell:
        walker.walk(child, flags)
        walker.text(child.tail, flags)
    walker.close_block()
    return [line for line in walker.lines if line.text]


def _flags(element: html.HtmlElement, tag: str, inherited: int) -> int:
    flags = inherited
    if tag in _STRONG_TAGS:
        flags |= _STRONG
    elif tag == "a" and element.get("href") is not None:
        flags |= _LINK
    if tag in _PRE_TAGS:
        flags |= _PRE
    style = element.get("style")
    if style and "font-weight" in style:
        weight = _font_weight(style)
        if weight is True:
            flags |= _STRONG
        elif weight is False:
            flags &= ~_STRONG
    return flags


def _font_weight(style: str) -> bool | None:
    """Whether a ``style`` attribute makes text bold (700 and above, ``bold``, ``bolder``); None if silent."""
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        if name.strip().lower() != "font-weight":
            continue
        value = value.replace("!important", "").strip().lower()
        if value in ("bold", "bolder"):
            return True
        if value.isdigit():
            return int(value) >= 700
        if value in ("normal", "lighter"):
            return False
    return None


def _hidden(element: html.HtmlElement) -> bool:
    """The ``hidden`` attribute or ``display:none`` in the element's own style."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if not style:
        return False
    squeezed = "".join(style.lower().split())
    return "display:none" in squeezed


def _collapse(runs: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Collapse ASCII whitespace as CSS does and trim it at the line's ends; pre runs stay as they are."""
    out: list[tuple[str, int]] = []
    after_space = True  # at the line's start a collapsible space is dropped
    for text, flags in runs:
        if flags & _PRE:
            out.append((text, flags))
            after_space = False
            continue
        collapsed = _ASCII_SPACES.sub(" ", text)
        if after_space and collapsed.startswith(" "):
            collapsed = collapsed[1:]
        if collapsed:
            out.append((collapsed, flags))
            after_space = collapsed.endswith(" ")
    while out:
        text, flags = out[-1]
        if flags & _PRE or not text.endswith(" "):
            break
        text = text[:-1]
        if text:
            out[-1] = (text, flags)
            break
        out.pop()
    return tuple(out)


def _bold_prefix(runs: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> int:
    """How many characters at the line's start are bold.

    Spaces take the weight of what is around them (a space shows no weight): the count runs
    from the line's start, over indentation, to the last bold character before the first
    character that is not bold. ``「\u3000\u3000<b>一、总则</b>」`` has 6 bold characters.
    """
    position = 0
    bold = 0
    for text, flags in runs:
        if text.isspace():
            position += len(text)
            continue
        if not flags & _STRONG:
            break
        bold = position + len(text.rstrip())
        position += len(text)
    return bold


def _link_chars(runs: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> int:
    return sum(len("".join(text.split())) for text, flags in runs if flags & _LINK)
