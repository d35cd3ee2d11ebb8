"""Reader stage (Word): one ``w:p`` as Word shows it: its lines with their bold, its text boxes, its properties.

:mod:`.body` reads each paragraph of a story through this module, in document order, then
numbers it and lays it out as blocks.

- Text. ``w:t`` as written; ``w:tab`` and ``w:ptab`` a tab; ``w:noBreakHyphen`` U+2011
  (NON-BREAKING HYPHEN: Word shows a hyphen, and this is the character the author typed);
  ``w:softHyphen`` nothing (Word shows it only where it breaks a line); ``w:sym`` the
  character its ``w:char`` gives (a Symbol-font code stays in U+F0xx); Office Math its
  ``m:t`` text. A run hidden by its own ``w:vanish`` is not shown, so not read.
- Lines. ``w:br`` and ``w:cr`` end a line. A page or column break at the very start or end
  of a paragraph makes no empty line.
- Fields. An instruction (``w:instrText``, the runs between ``w:fldChar begin`` and
  ``separate``) is not text; the result (between ``separate`` and ``end``) is. A field
  without a result (a PAGE field Word never updated) shows nothing. ``w:fldSimple`` is its
  result runs. A field still in its instruction at the end of a paragraph is dropped (Word
  never writes one; a broken one must not hide the rest of the story). Fields are followed
  across the paragraphs of a part (a TOC's results run over many).
- Containers. ``w:hyperlink``, ``w:smartTag``, ``w:customXml``, ``w:sdt`` (its
  ``w:sdtContent``), ``w:dir``, ``w:bdo``, ``w:ruby`` (its base text) are read through. In
  ``mc:AlternateContent`` the Choice is read when it requires only namespaces this reader
  understands, else the Fallback, never both.
- Text boxes. The outermost ``w:txbxContent`` of a drawing or VML shape is kept for the
  paragraph that anchors it.
- Tracked changes, read as if all were accepted: ``w:ins`` and ``w:moveTo`` kept,
  ``w:del`` and ``w:moveFrom`` dropped (with their ``w:delText``); a deleted paragraph mark
  (``w:pPr/w:rPr/w:del`` or ``moveFrom``) is noted in the paragraph's properties. Each is
  counted in the reading's :class:`~.context.Context`, as are the note references.
- Bold: the characters at the start of a line whose run is bold (the run's ``w:b``, else
  its character style's, else the paragraph style's, else the document default).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
from lxml import etree

from policyparse.readers.docx.context import Context
from policyparse.readers.docx.xml import (
    ALTERNATE,
    M_T,
    PPR,
    RPR,
    SDT,
    SDT_CONTENT,
    TXBX,
    T,
    attr,
    choose,
    on_off,
    w,
    w_int,
)

__all__ = ["Inline", "InlineReader", "Lines", "ParagraphProps"]

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
class ParagraphProps:
    """A paragraph's own properties (``w:pPr``)."""

    style_id: str | None = None
    num_id: int | None = None
    ilvl: int | None = None
    outline: int | None = None
    mark_bold: bool | None = None
    mark_deleted: bool = False


class Lines:
    """The lines of one paragraph as they are read: runs of (text, bold) pieces."""

    __slots__ = ("lines", "page_started")

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, bool]]] = [[]]
        self.page_started: list[bool] = [False]

    def add(self, text: str, bold: bool) -> None:
        """Add a piece of text to the last line (an empty one adds nothing)."""
        if text:
            self.lines[-1].append((text, bold))

    def newline(self, page: bool) -> None:
        """Start a new line; ``page`` when a page or column break starts it."""
        self.lines.append([])
        self.page_started.append(page)

    def join(self, following: Lines) -> None:
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
class Inline:
    """One ``w:p`` as read, before numbering: its lines, the text boxes it anchors, its properties."""

    index: int
    lines: Lines
    boxes: list[etree._Element]
    props: ParagraphProps


class InlineReader:
    """Reads the ``w:p`` elements of one part, in document order, following fields across them."""

    def __init__(self, context: Context, indexes: Mapping[etree._Element, int]) -> None:
        """Prepare to read a part's paragraphs.

        Args:
            context: the reading's shared state: the styles, the tracked-change and note counts.
            indexes: the index of every ``w:p`` of the part, in document order.
        """
        self._context = context
        self._styles = context.styles
        self._indexes = indexes
        self._instruction_depth = 0  # fields open in their instruction part (text hidden)
        self._fields: list[bool] = []  # per open field: True once its result has begun

    def read(self, paragraph: etree._Element) -> Inline:
        """Read one ``w:p``: its lines, the text boxes it anchors, its properties.

        Args:
            paragraph: the ``w:p`` element.

        Returns:
            The paragraph as read, before numbering; its index is -1 for a paragraph outside the part.
        """
        props = self._props(paragraph.find(PPR))
        lines = Lines()
        boxes: list[etree._Element] = []
        base_bold = self._styles.paragraph(props.style_id).bold
        self._inline(paragraph, lines, boxes, base_bold)
        if self._instruction_depth:
            # Word never runs a field's instruction past its paragraph (a TOC's results do, its
            # instruction does not): a field still in its instruction here is broken, and left
            # open it would hide the rest of the story.
            self._fields = [in_result for in_result in self._fields if in_result]
            self._instruction_depth = 0
        return Inline(index=self._indexes.get(paragraph, -1), lines=lines, boxes=boxes, props=props)

    def _props(self, ppr: etree._Element | None) -> ParagraphProps:
        if ppr is None:
            return ParagraphProps()
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
        return ParagraphProps(
            style_id=attr(ppr.find(_P_STYLE)),
            num_id=w_int(num_pr.find(_NUM_ID)) if num_pr is not None else None,
            ilvl=w_int(num_pr.find(_ILVL)) if num_pr is not None else None,
            outline=w_int(ppr.find(_OUTLINE)),
            mark_bold=mark_bold,
            mark_deleted=mark_deleted,
        )

    def _inline(self, parent: etree._Element, lines: Lines, boxes: list[etree._Element], base_bold: bool) -> None:
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

    def _run(self, run: etree._Element, lines: Lines, boxes: list[etree._Element], base_bold: bool) -> None:
        bold = base_bold
        hidden = False
        rpr = run.find(RPR)
        if rpr is not None:
            bold = self._run_bold(rpr, base_bold)
            hidden = bool(on_off(rpr.find(_VANISH)))
        self._run_content(run, lines, boxes, bold, hidden)

    def _run_content(
        self, parent: etree._Element, lines: Lines, boxes: list[etree._Element], bold: bool, hidden: bool
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
