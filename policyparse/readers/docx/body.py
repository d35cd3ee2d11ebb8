"""Reader stage (Word): a story's paragraphs, runs and tables as blocks, tracked changes accepted.

A story is the body, a header, a footer, a note or a comment. Each ``w:p`` is read once, in
document order, and becomes one block per line:

- Text. ``w:t`` as written; ``w:tab`` and ``w:ptab`` a tab; ``w:noBreakHyphen`` U+2011
  (NON-BREAKING HYPHEN: Word shows a hyphen, and this is the character the author typed);
  ``w:softHyphen`` nothing (Word shows it only where it breaks a line); ``w:sym`` the
  character its ``w:char`` gives (a Symbol-font code stays in U+F0xx); Office Math its
  ``m:t`` text. A line feed or carriage return inside text (which Word shows as a space)
  is a space. A run hidden by its own ``w:vanish`` is not shown, so not read.
- Lines. ``w:br`` and ``w:cr`` end a line: the paragraph goes on as a new block with the
  same index and locator (blocks never hold a line break). A page or column break at the
  very start or end of a paragraph makes no empty line.
- Fields. An instruction (``w:instrText``, the runs between ``w:fldChar begin`` and
  ``separate``) is not text; the result (between ``separate`` and ``end``) is. A field
  without a result (a PAGE field Word never updated) shows nothing. ``w:fldSimple`` is its
  result runs. A field still in its instruction at the end of a paragraph is dropped (Word
  never writes one; a broken one must not hide the rest of the story).
- Containers. ``w:hyperlink``, ``w:smartTag``, ``w:customXml``, ``w:sdt`` (its
  ``w:sdtContent``), ``w:dir``, ``w:bdo``, ``w:ruby`` (its base text) are read through. In
  ``mc:AlternateContent`` the Choice is read when it requires only namespaces this reader
  understands, else the Fallback, never both.
- Text boxes. The paragraphs of a ``w:txbxContent`` (inside a drawing or VML shape) are
  blocks of their own right after the paragraph that anchors them, numbered in the same
  counters; each keeps its own index.
- Tracked changes, read as if all were accepted: ``w:ins`` and ``w:moveTo`` kept,
  ``w:del`` and ``w:moveFrom`` dropped (with their ``w:delText``), a row marked deleted
  (``w:trPr/w:del``) dropped. A paragraph whose mark is deleted (``w:pPr/w:rPr/w:del`` or
  ``moveFrom``) joins the next paragraph of the same container: its text is put before the
  next one's, and the joined paragraph is the next one (its index, style and numbering: the
  properties live on the paragraph mark, and the next paragraph's mark is the one left).
- Numbering: each paragraph's label (see :mod:`~policyparse.readers.docx.numbering`) is
  put before its first line's text; ``generated`` counts the label and its suffix.
- Bold: the characters at the start of a line whose run is bold (the run's ``w:b``, else
  its character style's, else the paragraph style's, else the document default); the label
  counts as bold when its level's ``w:rPr``, else the paragraph mark's, else the style says
  bold.
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
from policyparse.readers.docx.numbering import ListCounter
from policyparse.readers.docx.styles import outline_heading
from policyparse.readers.docx.tables import row_change, table_layout
from policyparse.readers.docx.xml import (
    ALTERNATE,
    M_T,
    PPR,
    RPR,
    SDT,
    SDT_CONTENT,
    TBL,
    TXBX,
    P,
    T,
    attr,
    choose,
    on_off,
    unwrap,
    w,
    w_int,
)
from policyparse.readers.reading import Block, Cell, Role

__all__ = ["Story"]

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_R = w("r")
_TAB = w("tab")
_PTAB = w("ptab")
_BR = w("br")
_CR = w("cr")
_NO_BREAK_HYPHEN = w("noBreakHyphen")
_SYM = w("sym")
_FLD_CHAR = w("fldChar")
_INS = w("ins")
_DEL = w("del")
_MOVE_TO = w("moveTo")
_MOVE_FROM = w("moveFrom")
_RUBY = w("ruby")
_RUBY_BASE = w("rubyBase")
_B = w("b")
_VANISH = w("vanish")
_R_STYLE = w("rStyle")
_TYPE = w("type")
_P_STYLE = w("pStyle")
_NUM_PR = w("numPr")
_NUM_ID = w("numId")
_ILVL = w("ilvl")
_OUTLINE = w("outlineLvl")
_FLD_CHAR_TYPE = w("fldCharType")
_CHAR = w("char")
_ID = w("id")
_FOOTNOTE_REFERENCE = w("footnoteReference")
_ENDNOTE_REFERENCE = w("endnoteReference")
_OMATH = (_M + "oMath", _M + "oMathPara")
_SHAPES = (w("drawing"), w("pict"), w("object"))
# Inline elements read straight through (their runs are the paragraph's text).
_INLINE_WRAPPERS = frozenset(
    w(name) for name in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent")
) | {_INS, _MOVE_TO}
_PAGE_BREAKS = ("page", "column")


@attrs.frozen(kw_only=True)
class _Props:
    """A paragraph's own properties (``w:pPr``)."""

    style_id: str | None = None
    num_id: int | None = None
    ilvl: int | None = None
    outline: int | None = None
    mark_bold: bool | None = None
    mark_deleted: bool = False


class _Lines:
    """The lines of one paragraph as they are read: runs of (text, bold) pieces."""

    __slots__ = ("lines", "page_started")

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, bool]]] = [[]]
        self.page_started: list[bool] = [False]

    def add(self, text: str, bold: bool) -> None:
        if text:
            self.lines[-1].append((text, bold))

    def newline(self, page: bool) -> None:
        self.lines.append([])
        self.page_started.append(page)

    def join(self, following: _Lines) -> None:
        """Put ``following``'s lines after these, its first line going on this last one."""
        self.lines[-1].extend(following.lines[0])
        self.lines.extend(following.lines[1:])
        self.page_started.extend(following.page_started[1:])

    def texts(self) -> list[tuple[str, int]]:
        """Each line's text and its count of leading bold characters, edge page breaks dropped."""
        lines = [("".join(text for text, _ in pieces), _leading_bold(pieces)) for pieces in self.lines]
        starts = list(self.page_started)
        while len(lines) > 1 and not lines[-1][0] and starts[-1]:
            lines.pop()
            starts.pop()
        while len(lines) > 1 and not lines[0][0] and starts[1]:
            lines.pop(0)
            starts.pop(0)
        return lines


def _leading_bold(pieces: list[tuple[str, bool]]) -> int:
    count = 0
    for text, bold in pieces:
        if not bold:
            break
        count += len(text)
    return count


@attrs.define(kw_only=True)
class _Inline:
    """One ``w:p`` as read, before numbering: its lines, the text boxes it anchors, its properties."""

    index: int
    lines: _Lines
    boxes: list[etree._Element]
    props: _Props


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
        self._instruction_depth = 0  # fields open in their instruction part (text hidden)
        self._fields: list[bool] = []  # per open field: True once its result has begun
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
        held: _Inline | None = None
        for child in unwrap(container, (P, TBL)):
            if child.tag == TBL:
                if held is not None:
                    yield from self._finish(held)
                    held = None
                yield child
                continue
            inline = self._collect(child)
            if held is not None:
                held.lines.join(inline.lines)
                inline = _Inline(
                    index=inline.index, lines=held.lines, boxes=held.boxes + inline.boxes, props=inline.props
                )
                held = None
            if inline.props.mark_deleted:
                held = inline
                continue
            yield from self._finish(inline)
        if held is not None:
            yield from self._finish(held)

    def _finish(self, inline: _Inline) -> Iterator[_Paragraph | etree._Element]:
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

    # Collect: one w:p's text, runs and text boxes.

    def _collect(self, paragraph: etree._Element) -> _Inline:
        props = self._props(paragraph.find(PPR))
        lines = _Lines()
        boxes: list[etree._Element] = []
        base_bold = self._styles.paragraph(props.style_id).bold
        self._inline(paragraph, lines, boxes, base_bold)
        if self._instruction_depth:
            # Word never runs a field's instruction past its paragraph (a TOC's results do, its
            # instruction does not): a field still in its instruction here is broken, and left
            # open it would hide the rest of the story.
            self._fields = [in_result for in_result in self._fields if in_result]
            self._instruction_depth = 0
        return _Inline(index=self._indexes.get(paragraph, -1), lines=lines, boxes=boxes, props=props)

    def _props(self, ppr: etree._Element | None) -> _Props:
        if ppr is None:
            return _Props()
        num_pr = ppr.find(_NUM_PR)
        rpr = ppr.find(RPR)
        mark_deleted = False
        mark_bold = None
        if rpr is not None:
            mark_bold = on_off(rpr.find(_B))
            if rpr.find(_DEL) is not None or rpr.find(_MOVE_FROM) is not None:
                mark_deleted = True
                self._context.deletions += 1
            elif rpr.find(_INS) is not None or rpr.find(_MOVE_TO) is not None:
                self._context.insertions += 1
        return _Props(
            style_id=attr(ppr.find(_P_STYLE)),
            num_id=w_int(num_pr.find(_NUM_ID)) if num_pr is not None else None,
            ilvl=w_int(num_pr.find(_ILVL)) if num_pr is not None else None,
            outline=w_int(ppr.find(_OUTLINE)),
            mark_bold=mark_bold,
            mark_deleted=mark_deleted,
        )

    def _inline(self, parent: etree._Element, lines: _Lines, boxes: list[etree._Element], base_bold: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == _R:
                self._run(child, lines, boxes, base_bold)
            elif tag in _INLINE_WRAPPERS:
                if tag in (_INS, _MOVE_TO):
                    self._context.insertions += 1
                self._inline(child, lines, boxes, base_bold)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, lines, boxes, base_bold)
            elif tag in (_DEL, _MOVE_FROM):
                self._context.deletions += 1
            elif tag == ALTERNATE:
                branch = choose(child)
                if branch is not None:
                    self._inline(branch, lines, boxes, base_bold)
            elif tag in _OMATH and not self._instruction_depth:
                lines.add("".join(t.text or "" for t in child.iter(M_T)), base_bold)

    def _run(self, run: etree._Element, lines: _Lines, boxes: list[etree._Element], base_bold: bool) -> None:
        bold = base_bold
        hidden = False
        rpr = run.find(RPR)
        if rpr is not None:
            bold = self._run_bold(rpr, base_bold)
            hidden = bool(on_off(rpr.find(_VANISH)))
        self._run_content(run, lines, boxes, bold, hidden)

    def _run_content(
        self, parent: etree._Element, lines: _Lines, boxes: list[etree._Element], bold: bool, hidden: bool
    ) -> None:
        for child in parent:
            tag = child.tag
            if tag == T:
                if not hidden and not self._instruction_depth:
                    lines.add(child.text or "", bold)
            elif tag == _FLD_CHAR:
                self._field(child.get(_FLD_CHAR_TYPE))
            elif hidden or self._instruction_depth:
                continue
            elif tag in (_TAB, _PTAB):
                lines.add("\t", bold)
            elif tag in (_BR, _CR):
                lines.newline(page=child.get(_TYPE) in _PAGE_BREAKS)
            elif tag == _NO_BREAK_HYPHEN:
                lines.add("\u2011", bold)
            elif tag == _SYM:
                lines.add(_symbol(child.get(_CHAR)), bold)
            elif tag in _SHAPES:
                boxes.extend(_text_boxes(child))
            elif tag == ALTERNATE:
                branch = choose(child)
                if branch is not None:
                    self._run_content(branch, lines, boxes, bold, hidden)
            elif tag == _RUBY:
                base = child.find(_RUBY_BASE)
                if base is not None:
                    self._inline(base, lines, boxes, bold)
            elif tag == _FOOTNOTE_REFERENCE:
                self._context.footnotes.setdefault(child.get(_ID) or "", None)
            elif tag == _ENDNOTE_REFERENCE:
                self._context.endnotes.setdefault(child.get(_ID) or "", None)

    def _field(self, kind: str | None) -> None:
        """Follow a field's begin/separate/end: text shows only in results, never in instructions."""
        if kind == "begin":
            self._fields.append(False)
            self._instruction_depth += 1
        elif kind == "separate":
            if self._fields and not self._fields[-1]:
                self._fields[-1] = True
                self._instruction_depth -= 1
        elif kind == "end" and self._fields and not self._fields.pop():
            self._instruction_depth -= 1

    def _run_bold(self, rpr: etree._Element, base_bold: bool) -> bool:
        own = on_off(rpr.find(_B))
        if own is not None:
            return own
        style_id = attr(rpr.find(_R_STYLE))
        if style_id is not None:
            from_style = self._styles.run_bold(style_id)
            if from_style is not None:
                return from_style
        return base_bold

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


def _text_boxes(shape: etree._Element) -> list[etree._Element]:
    """The outermost ``w:txbxContent`` elements of a drawing or shape, one alternate branch only."""
    found: list[etree._Element] = []
    for child in shape:
        if child.tag == TXBX:
            found.append(child)
        elif child.tag == ALTERNATE:
            branch = choose(child)
            if branch is not None:
                found.extend(_text_boxes(branch))
        elif isinstance(child.tag, str):
            found.extend(_text_boxes(child))
    return found


def _no_newlines(text: str) -> str:
    if "\n" in text or "\r" in text:
        return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return text


def _symbol(code: str | None) -> str:
    """A ``w:sym``'s character: its hexadecimal ``w:char``, as given; nothing for a control
    character or a surrogate, which no text can hold (it could not be written as UTF-8)."""
    try:
        value = int(code or "", 16)
    except (ValueError, OverflowError):
        return ""
    if value < 0x20 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return ""
    return chr(value)

