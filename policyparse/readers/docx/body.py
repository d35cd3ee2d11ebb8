"""Reader stage (Word): a story's paragraphs and tables as blocks, in reading order, numbered, tracked changes accepted.

A story is the body, a header, a footer, a note or a comment. Each ``w:p`` is read once, in
document order (its text, runs, fields and text boxes: :mod:`.inline`), and becomes one block
per line:

- Lines. A paragraph that ``w:br`` or ``w:cr`` breaks goes on as a new block with the same
  index and locator (blocks never hold a line break). A line feed or carriage return inside
  text (which Word shows as a space) is a space.
- Text boxes. The paragraphs of a ``w:txbxContent`` (inside a drawing or VML shape) are
  blocks of their own right after the paragraph that anchors them, numbered in the same
  counters; each keeps its own index.
- Tracked changes, read as if all were accepted (in a paragraph: :mod:`.inline`): a row
  marked deleted (``w:trPr/w:del``) dropped. A paragraph whose mark is deleted
  (``w:pPr/w:rPr/w:del`` or ``moveFrom``) joins the next paragraph of the same container: its
  text is put before the next one's, and the joined paragraph is the next one (its index,
  style and numbering: the properties live on the paragraph mark, and the next paragraph's
  mark is the one left).
- Numbering: each paragraph's label (see :mod:`~policyparse.readers.docx.numbering`) is
  put before its first line's text; ``generated`` counts the label and its suffix.
- Bold: a line's bold start is its runs' (:mod:`.inline`); the label counts as bold when its
  level's ``w:rPr``, else the paragraph mark's, else the style says bold.
- Tables. Each ``w:tr`` is one block (element ``row``, index of its first paragraph): its
  cells' texts joined by tabs, each cell's place in ``cells``. A cell's paragraphs are
  joined by one space (empty ones add nothing), and so are a paragraph's lines in a cell. A
  cell spanning columns (``w:gridSpan``) has that colspan; a ``w:vMerge`` restart cell the
  rowspan of the rows it covers; the covered (continue) cells are not read (Word shows
  nothing of them; the layout is :mod:`.tables`'s). A table nested in a cell has no rows of
  its own: its cells' texts are joined by spaces into the outer cell (it still takes a table
  number, in reading order).
- Indexes and locators count every ``w:p`` of the part in document order (the n-th
  ``//w:p``), those of skipped branches and deleted paragraphs included, so that a locator
  always names the same element.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from lxml import etree

from policyparse.readers.docx.context import Context
from policyparse.readers.docx.inline import Inline, InlineReader
from policyparse.readers.docx.numbering import ListCounter
from policyparse.readers.docx.styles import outline_heading
from policyparse.readers.docx.tables import row_change, table_layout
from policyparse.readers.docx.xml import TBL, P, unwrap, w
from policyparse.readers.reading import Block, Cell, Role

__all__ = ["Story"]

# Tracked changes of a table row (``w:trPr``).
_INS = w("ins")
_DEL = w("del")


@attrs.frozen(kw_only=True)
class _Line:
    """One line of a finished paragraph."""

    text: str
    generated: int = 0
    generated_label: int = 0
    bold: int = 0


@attrs.frozen(kw_only=True)
class _Paragraph:
    """A finished paragraph: its lines (the first one labelled) and its style evidence."""

    index: int
    lines: tuple[_Line, ...]
    style: str | None
    heading: int | None
    title: bool


class Story:
    """Reads the block containers of one part (the body, a header, the footnotes …) into blocks."""

    def __init__(self, context: Context, part: str, root: etree._Element, role: Role) -> None:
        """Prepare to read a part.

        Args:
            context: the reading's shared state; blocks are appended to ``context.blocks``.
            part: the part's name (``word/document.xml``), for locators.
            root: the part's root element (every ``w:p`` under it is counted for indexes).
            role: the role of every block read from this part.
        """
        self._context = context
        self._styles = context.styles
        self._numbering = context.numbering
        self._part = part
        self._role = role
        self._indexes = {paragraph: index for index, paragraph in enumerate(root.iter(P))}
        self._counter: ListCounter = context.numbering.counter(context.unknown_format)
        self._paragraphs = InlineReader(context, self._indexes)
        self._prefix = f"{part}#"
        self._base = 0

    def read(self, container: etree._Element, prefix: str = "", first: etree._Element | None = None) -> None:
        """Read a block container (``w:body``, ``w:hdr``, ``w:footnote`` …) into blocks.

        Args:
            container: the element whose paragraphs and tables to read.
            prefix: what locators put before ``p{n}`` / ``t{n}r{n}`` after the ``#`` (``n1`` for
                footnote 1); empty for a whole part.
            first: with a prefix, the paragraph counted as ``p0`` (the note's first).
        """
        self._prefix = f"{self._part}#{prefix}"
        self._base = self._indexes.get(first, 0) if first is not None else 0
        for item in self._flow(container):
            if isinstance(item, _Paragraph):
                self._emit_paragraph(item)
            else:
                self._emit_table(item)

    # Flow: paragraphs (finished, numbered) and tables of a container, in reading order.

    def _flow(self, container: etree._Element) -> Iterator[_Paragraph | etree._Element]:
        held: Inline | None = None
        for child in unwrap(container, (P, TBL)):
            if child.tag == TBL:
                if held is not None:
                    yield from self._finish(held)
                    held = None
                yield child
                continue
            inline = self._paragraphs.read(child)
            if held is not None:
                held.lines.join(inline.lines)
                inline = Inline(
                    index=inline.index, lines=held.lines, boxes=held.boxes + inline.boxes, props=inline.props
                )
                held = None
            if inline.props.mark_deleted:
                held = inline
                continue
            yield from self._finish(inline)
        if held is not None:
            yield from self._finish(held)

    def _finish(self, inline: Inline) -> Iterator[_Paragraph | etree._Element]:
        props = inline.props
        style = self._styles.paragraph(props.style_id)
        listed = self._numbering.paragraph_list(props.num_id, props.ilvl, props.style_id, style)
        label = self._counter.next_label(*listed) if listed is not None else None
        lines = [(_no_newlines(text), bold) for text, bold in inline.lines.texts()]
        label_text = _no_newlines(label.text) if label is not None else ""
        suffix = label.suffix if label is not None and label_text else ""
        generated = len(label_text) + len(suffix)
        first_text, first_bold = lines[0]
        if generated:
            label_bold = label.bold if label is not None and label.bold is not None else None
            if label_bold is None:
                label_bold = props.mark_bold if props.mark_bold is not None else style.bold
            first_bold = generated + first_bold if label_bold else 0
        labelled = label_text + suffix + first_text
        finished = [_Line(text=labelled, generated=generated, generated_label=len(label_text), bold=first_bold)]
        finished.extend(_Line(text=line, bold=bold) for line, bold in lines[1:])
        heading = outline_heading(props.outline) if props.outline is not None else style.heading
        yield _Paragraph(
            index=inline.index, lines=tuple(finished), style=style.name, heading=heading, title=style.title
        )
        for box in inline.boxes:
            yield from self._flow(box)

    # Emit: paragraphs and table rows as blocks.

    def _locator(self, index: int) -> str:
        return f"{self._prefix}p{index - self._base}"

    def _emit_paragraph(self, paragraph: _Paragraph) -> None:
        locator = self._locator(paragraph.index)
        for line in paragraph.lines:
            self._context.blocks.append(
                Block(
                    text=line.text,
                    role=self._role,
                    element="paragraph",
                    locator=locator,
                    index=paragraph.index,
                    generated=line.generated,
                    generated_label=line.generated_label,
                    heading=paragraph.heading,
                    title=paragraph.title,
                    bold=line.bold,
                    style=paragraph.style,
                )
            )

    def _emit_table(self, table: etree._Element) -> None:
        number = self._context.tables
        self._context.tables += 1
        for row_number, (row, cells) in enumerate(table_layout(table)):
            if row_change(row, _DEL):
                self._context.deletions += 1
                continue
            if row_change(row, _INS):
                self._context.insertions += 1
            texts: list[str] = []
            spans: list[Cell] = []
            start = 0
            generated = generated_label = bold = 0
            for position, cell in enumerate(cells):
                if cell.covered:
                    continue
                text, first = self._cell_text(cell.element)
                if position == 0 and first is not None and text.startswith(first.text):
                    generated, generated_label, bold = first.generated, first.generated_label, first.bold
                if texts:
                    start += 1
                texts.append(text)
                spans.append(Cell(start=start, end=start + len(text), colspan=cell.colspan, rowspan=cell.rowspan))
                start += len(text)
            first_paragraph = next(row.iter(P), None)
            index = self._indexes.get(first_paragraph, -1) if first_paragraph is not None else -1
            self._context.blocks.append(
                Block(
                    text="\t".join(texts),
                    role=self._role,
                    element="row",
                    locator=f"{self._prefix}t{number}r{row_number}",
                    index=index,
                    generated=generated,
                    generated_label=generated_label,
                    bold=bold,
                    table=number,
                    cells=tuple(spans),
                )
            )

    def _cell_text(self, cell: etree._Element) -> tuple[str, _Line | None]:
        """A cell's paragraphs joined by spaces, and its first paragraph's first line."""
        parts: list[str] = []
        first: _Line | None = None
        for item in self._flow(cell):
            if isinstance(item, _Paragraph):
                if first is None:
                    first = item.lines[0]
                parts.extend(line.text for line in item.lines if line.text)
            else:
                parts.extend(self._nested_table_texts(item))
        return " ".join(parts), first

    def _nested_table_texts(self, table: etree._Element) -> list[str]:
        self._context.tables += 1
        parts: list[str] = []
        for row, cells in table_layout(table):
            if row_change(row, _DEL):
                self._context.deletions += 1
                continue
            for cell in cells:
                if not cell.covered:
                    text = self._cell_text(cell.element)[0]
                    if text:
                        parts.append(text)
        return parts


def _no_newlines(text: str) -> str:
    if "\n" in text or "\r" in text:
        return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return text


