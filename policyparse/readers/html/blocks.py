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
  ``<title>`` and ``<meta name="ArticleTitle">`` are kept aside), and elements with the
  ``hidden`` attribute or ``display:none`` in their own style; the parser already drops
  comments and processing instructions;
* a data table (see :mod:`.tables`) gives one line per row, its cells joined by tabs.

Each line keeps the block element it came from, its heading level, how many characters at its
start are bold, and how many of its characters are inside links (the content finder's
evidence), and what the elements around it say:

* *concealed*: inside what a page shows only on demand: an element whose class or id names a
  dialog, modal, popup or mask, a ``<dialog>`` that is not open, or an element that a
  ``<style>`` rule of the page hides (``.alert-warning{display:none}``, a simple class or id
  selector outside ``@media``). Such lines are read, and set aside as chrome: scripts show
  them, and a stylesheet is weaker evidence than the element's own style;
* *box*: the innermost element whose class or id names a tool of the page (share, qr/ewm/
  erweima, print, tools, fontsize, search), for the content finder to weigh;
* *control*: the line holds a form control (``input``, ``select``, ``button``, ``textarea``).

Each block element that holds lines is recorded as a :class:`.lines.Region`: a candidate
container for the content finder. The records are in :mod:`.lines`, a run's flags and the
whitespace rules in :mod:`.runs`, what styles hide or make bold in :mod:`.css`.
"""

from __future__ import annotations

import functools
import re

import attrs
from lxml import html

from policyparse.readers.html.css import css_hidden, is_hidden, named_words
from policyparse.readers.html.lines import Line, Region, Walk
from policyparse.readers.html.runs import (
    FILE,
    PRE,
    SPACE_CHARS,
    STRONG,
    bold_prefix,
    collapse_runs,
    collapse_spaces,
    element_flags,
    link_chars,
)
from policyparse.readers.html.tables import UNSEEN, cell_spans, is_data_table, join_cells

__all__ = ["walk_page"]

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
# What the elements around a line say (see the module docstring).
_CONCEAL = 1
_BOX = 2
_CONTROL = 4
_CONTROL_TAGS = frozenset({"select", "button", "textarea"})
# Class and id names, split at case changes (「mainText」 → 「main text」) and lowercased, are
# matched as words: 「popup」 and 「pop-box」, not 「population」.
_CONCEALING_NAMES = re.compile(r"(?<![a-z])(?:dialog|modal|popup|pop|popover|mask|mengban|overlay|lightbox)(?![a-z])")
_TOOL_NAMES = re.compile(
    r"(?<![a-z])(?:share|fenxiang|qr|qrcode|ewm|erweima|print|dayin|tools?|toolbar|font[-_ ]?size|zihao|"
    r"search|sousuo)(?![a-z])"
)
_META_TITLES = ("articletitle", "title")  # <meta name=…> naming the document, the preferred first


def walk_page(root: html.HtmlElement) -> Walk:
    """Walk a parsed page once and return its visible lines and the regions that hold them.

    Args:
        root: the ``<html>`` element of a page parsed by ``lxml.html``.

    Returns:
        The lines, the regions, the ``<title>`` and the meta title (whitespace collapsed), if any.
    """
    walker = _Walker(css_hidden(root))
    walker.walk(root, 0)
    walker.flush(force=False)
    return Walk(
        lines=tuple(walker.lines), regions=tuple(walker.regions), page_title=walker.page_title,
        meta_title=walker.meta_title,
    )


@attrs.define
class _Open:
    """A block element being walked: where its lines start."""

    element: html.HtmlElement
    tag: str
    heading: int | None
    first: int


class _Walker:
    def __init__(self, css_hidden: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> None:
        self.lines: list[Line] = []
        self.regions: list[Region] = []
        self.runs: list[tuple[str, int]] = []
        self.blocks: list[_Open] = []
        self.tables = 0
        self.page_title: str | None = None
        self.meta_title: str | None = None
        self.css_hidden = css_hidden
        self.concealed = 0  # how many concealing elements are open
        self.boxes: list[html.HtmlElement] = []  # the tool boxes open, innermost last
        self.controls = 0  # how many select, button, textarea elements are open
        self.control_seen = False  # an <input> in the current line

    def walk(self, root: html.HtmlElement, flags: int) -> None:
        """Walk ``root`` and its subtree (not its tail) with an explicit stack: pages nest deep.

        The stack holds ``(element, -1)`` to enter an element and ``(element, marks)`` to leave it.
        """
        stack: list[tuple[html.HtmlElement, int]] = [(root, -1)]
        contexts = [flags]
        while stack:
            element, marks = stack.pop()
            tag = element.tag
            if marks >= 0:
                contexts.pop()
                if tag in _BLOCK_TAGS:
                    self.close_block()
                self.leave(element, marks)
                if element is not root:
                    self.text(element.tail, contexts[-1])
                continue
            context = contexts[-1]
            if not isinstance(tag, str):  # a comment or entity the parser kept: only its tail shows
                if element is not root:
                    self.text(element.tail, context)
                continue
            if tag in UNSEEN or is_hidden(element):
                self._note_title(element, tag)
                if element is not root:
                    self.text(element.tail, context)
                continue
            if tag == "br":
                self.flush(force=True)
                self.text(element.tail, context)
                continue
            if tag == "input":
                if (element.get("type") or "").strip().lower() != "hidden":
                    self.control_seen = True
                if element is not root:
                    self.text(element.tail, context)
                continue
            own_marks = self.enter(element, tag)
            if tag == "table" and is_data_table(element):
                self.data_table(element, context)
                self.leave(element, own_marks)
                if element is not root:
                    self.text(element.tail, context)
                continue
            own = element_flags(element, tag, context)
            if tag in _BLOCK_TAGS:
                heading = _repaired_heading(element) if tag == "p" else None
                if heading is not None:
                    own |= STRONG
                self.open_block(element, tag, heading)
            contexts.append(own)
            stack.append((element, own_marks))
            text = element.text
            if text and tag == "pre" and text.startswith("\n"):
                text = text[1:]  # the parser keeps the newline after <pre> that browsers drop
            self.text(text, own)
            stack.extend((child, -1) for child in reversed(element))

    def text(self, text: str | None, flags: int) -> None:
        """Add text to the current line; in ``<pre>`` each newline ends a line."""
        if not text:
            return
        if not flags & PRE:
            self.runs.append((text, flags))
            return
        pieces = text.split("\n")
        for piece in pieces[:-1]:
            if piece:
                self.runs.append((piece, flags))
            self.flush(force=True)
        if pieces[-1]:
            self.runs.append((pieces[-1], flags))

    def enter(self, element: html.HtmlElement, tag: str) -> int:
        """Note what an element says about the lines inside it; return its marks for :meth:`leave`."""
        marks = _CONTROL if tag in _CONTROL_TAGS else 0
        if tag == "dialog" and element.get("open") is None:
            marks |= _CONCEAL
        classes, ident = element.get("class"), element.get("id")
        if (classes or ident) and tag not in ("html", "body"):
            marks |= _name_marks(ident or "", classes or "")
            hidden_classes, hidden_ids = self.css_hidden
            if (ident and ident in hidden_ids) or (
                hidden_classes and classes and not hidden_classes.isdisjoint(classes.split())
            ):
                marks |= _CONCEAL
        if marks & _CONCEAL:
            self.concealed += 1
        if marks & _BOX:
            self.boxes.append(element)
        if marks & _CONTROL:
            self.controls += 1
            self.control_seen = True  # the line that holds it holds a control
        return marks

    def leave(self, element: html.HtmlElement, marks: int) -> None:
        """Undo :meth:`enter` when the walk leaves the element."""
        if marks & _CONCEAL:
            self.concealed -= 1
        if marks & _BOX and self.boxes and self.boxes[-1] is element:
            self.boxes.pop()
        if marks & _CONTROL:
            self.controls -= 1

    def open_block(self, element: html.HtmlElement, tag: str, heading: int | None = None) -> None:
        self.flush(force=False)
        heading = heading or _HEADINGS.get(tag)
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
        control = self.control_seen
        self.control_seen = False
        if not self.runs and not force:
            return
        runs = collapse_runs(self.runs)
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
                bold=bold_prefix(runs),
                link_chars=link_chars(runs),
                runs=runs,
                concealed=self.concealed > 0,
                box=self.boxes[-1] if self.boxes else None,
                control=control or self.controls > 0,
                file_link=any(flags & FILE for _, flags in runs),
            )
        )

    def data_table(self, table: html.HtmlElement, flags: int) -> None:
        """A data table: its caption as a line, then one line per row (stray content as blocks)."""
        self.open_block(table, "table")
        index = self.tables
        self.tables += 1
        self.text(table.text, flags)
        # Rows standing in the table itself make one implied section, as a browser's tbody.
        direct = _rows_left(list(table))
        for position, child in enumerate(table):
            if child.tag in ("thead", "tbody", "tfoot"):
                self.text(child.text, flags)
                left = _rows_left(list(child))
                for number, row in enumerate(child):
                    self.table_part(row, index, flags, left[number])
                    self.text(row.tail, flags)
            else:
                self.table_part(child, index, flags, direct[position])
            self.text(child.tail, flags)
        self.close_block()

    def table_part(self, element: html.HtmlElement, index: int, flags: int, remaining: int) -> None:
        """A row, or what else stands in a table (a caption, stray content), unless hidden.

        ``remaining`` is how many rows the section holds from this one on, for ``rowspan=0``.
        """
        if isinstance(element.tag, str) and is_hidden(element):
            return
        if element.tag == "tr":
            self.row(element, index, flags, remaining)
        else:
            self.walk(element, flags)

    def row(self, row: html.HtmlElement, index: int, flags: int, remaining: int) -> None:
        """One row of a data table as one line: each cell's lines joined by a space, cells by a tab."""
        self.text(row.text, flags)  # stray text in a row shows before the table: its own line
        self.flush(force=False)
        texts: list[str] = []
        cell_lines: list[tuple[str, ...]] = []
        spans: list[tuple[int, int]] = []
        runs: list[tuple[str, int]] = []
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag in UNSEEN or is_hidden(cell):
                continue
            lines = _cell_lines(cell, element_flags(cell, str(cell.tag), flags))
            if runs:
                runs.append(("\t", 0))
            for number, line in enumerate(lines):
                if number:
                    runs.append((" ", 0))
                runs.extend(line.runs)
            texts.append(" ".join(line.text for line in lines))
            cell_lines.append(tuple(line.text for line in lines))
            spans.append(cell_spans(cell, remaining))
        text, cells = join_cells(texts, spans)
        if not text.strip():
            return  # a row of empty cells shows nothing
        heading = self.blocks[-1].heading if self.blocks else None
        self.lines.append(
            Line(
                text=text, element=row, heading=heading, bold=bold_prefix(runs), link_chars=link_chars(runs),
                table=index, cells=cells, cell_lines=tuple(cell_lines), runs=tuple(runs),
                concealed=self.concealed > 0, box=self.boxes[-1] if self.boxes else None,
                file_link=any(flags & FILE for _, flags in runs),
            )
        )

    def _note_title(self, element: html.HtmlElement, tag: str) -> None:
        if tag == "head" and self.meta_title is None:
            self.meta_title = _meta_title(element)
        if self.page_title is not None:
            return
        title = element if tag == "title" else element.find(".//title") if tag == "head" else None
        if title is not None:
            self.page_title = collapse_spaces(title.text_content())


@functools.lru_cache(maxsize=4096)
def _name_marks(ident: str, classes: str) -> int:
    """What an element's id and class name: a concealing element, a tool box (pages repeat their classes)."""
    said = named_words(ident, classes)
    marks = _CONCEAL if _CONCEALING_NAMES.search(said) else 0
    return marks | _BOX if _TOOL_NAMES.search(said) else marks


def _meta_title(head: html.HtmlElement) -> str | None:
    """The document's title as the ``<head>``'s ``<meta name="ArticleTitle">`` (or ``name="title"``) gives it."""
    found: dict[str, str] = {}
    for meta in head.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        if name in _META_TITLES:
            content = collapse_spaces(meta.get("content") or "")
            if content:
                found.setdefault(name, content)
    return next((found[name] for name in _META_TITLES if name in found), None)


def _repaired_heading(paragraph: html.HtmlElement) -> int | None:
    """The heading a ``<p>`` was written in, when the HTML parser moved it out.

    libxml2 closes a heading where a ``<p>`` opens (``<h1><p>标题</p></h1>`` becomes
    ``<h1></h1><p>标题</p>``) where a browser keeps the paragraph inside; an empty heading
    right before the paragraph is that heading.
    """
    previous = paragraph.getprevious()
    if previous is None or not isinstance(previous.tag, str) or previous.tag not in _HEADINGS:
        return None
    if len(previous) or (previous.text or "").strip(SPACE_CHARS):
        return None
    return _HEADINGS[previous.tag]


def _rows_left(children: list[html.HtmlElement]) -> list[int]:
    """For each child of a row section, how many ``tr`` stand from it to the section's end."""
    left = [0] * len(children)
    count = 0
    for position in range(len(children) - 1, -1, -1):
        if children[position].tag == "tr":
            count += 1
        left[position] = count
    return left


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
