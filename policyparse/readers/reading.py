"""Reader stage: what a reader (web page, Word file) gives the parser: blocks of text with their origin.

A reader turns a file into a :class:`Reading`: one :class:`Block` per line the reader sees,
in reading order, each with the element it came from and the evidence the markup gave (a
heading element or style, bold text, a label drawn by Word's numbering), and the facts of a
metadata table. It never drops text: what is not the document (site navigation, a page
header, a footnote) is a block too, with the role that sets it aside. ``assemble`` turns a
reading into the text that the parser reads.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["Block", "Cell", "Fact", "Reading", "Role"]


class Role(enum.StrEnum):
    """What a block is to the document; every role but BODY is set aside with this reason."""

    BODY = "body"
    SITE_CHROME = "site-chrome"  # navigation, 「扫一扫在手机打开当前页」, 【打印】【关闭】, 责任编辑, footers
    METADATA = "metadata"  # a web page's metadata table (索引号, 发文机关 …): its facts fill ``meta``
    PAGE_HEADER = "page-header"  # a Word page header
    PAGE_FOOTER = "page-footer"  # a Word page footer
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    COMMENT = "comment"


@attrs.frozen(kw_only=True)
class Cell:
    """One cell of a table row: where its text stands in the row block's text.

    A merged cell stands once, in the first row and column it covers, with its spans.
    """

    start: int
    end: int
    colspan: int = 1
    rowspan: int = 1


@attrs.frozen(kw_only=True)
class Block:
    """One line of a reading.

    Attributes:
        text: the line as the reader sees it; empty for an empty paragraph. A Word table's
            row is its cells' texts joined by tabs; a web page's table cell is a block, its
            paragraphs joined by ``\\n`` (the only blocks that stand on several lines).
        role: BODY, or why the block is set aside.
        element: the element it came from: an HTML tag (``p``, ``h2``, ``td``, ``tr``, ``li``)
            or a Word part (``paragraph``, ``row``).
        locator: where that element is: an HTML element's path (``/html/body/div[2]/p[5]``),
            a Word paragraph's part and index (``word/document.xml#p17``).
        source_line: the HTML source line of the element; None for Word.
        index: a Word paragraph's index in its part (0-based, tables' paragraphs counted);
            None for HTML.
        generated: how many characters at the start of ``text`` a program drew rather than
            the author typed: Word's numbering label and the tab or space after it.
        generated_label: of those, how many are the label itself (「第十条」 without its tab).
        heading: heading evidence: 1-9 for an ``h1``-``h6`` element, a Heading N style or an
            outline level; None if none.
        title: the block is styled as the document's title (Word's Title style).
        bold: how many characters at the start of ``text`` are bold (or in a heading element);
            0 if none.
        style: a Word paragraph's style name (``Heading 1``, ``公文一级标题``); None for HTML.
        table: the index of the table a row belongs to (0-based, in reading order); None
            outside tables.
        row: the index of the row in its table, when a row stands on several blocks (a web
            page's table is read one cell a line); None when the block is the whole row.
        cells: a table row's cells, in order (for a one-cell block, that cell).
    """

    text: str
    role: Role = Role.BODY
    element: str
    locator: str
    source_line: int | None = None
    index: int | None = None
    generated: int = 0
    generated_label: int = 0
    heading: int | None = None
    title: bool = False
    bold: int = 0
    style: str | None = None
    table: int | None = None
    row: int | None = None
    cells: tuple[Cell, ...] = ()


@attrs.frozen(kw_only=True)
class Fact:
    """A metadata fact that the file states outside the text flow, and where it stands.

    Attributes:
        field: ``title``, ``doc_number``, ``date`` (成文日期), ``issuers`` (发文机关),
            ``published`` (发布日期), ``publisher`` (发布机构, the office that put it online),
            another known label of a metadata table in English (``index_number`` 索引号,
            ``subject`` 主题分类, ``keywords`` 主题词), or ``label:`` and an unknown label as
            written (``label:统一编号``).
        value: the fact: the cell's text trimmed; a date as ISO ``YYYY-MM-DD``.
        block: the index of the block that holds it (a metadata table's row).
        start: where the value starts in that block's text.
        end: where it ends.
        source: how the file stated it: ``metadata-table`` (a web page's grid),
            ``html-heading`` (the title line of a page, in a heading element, that its
            ``<title>`` confirms), ``html-title`` (the page's ``<title>``), ``html-dateline``
            (a bare date under a page's heading),
            ``docx-title-style``, ``docx-properties``.
    """

    field: str
    value: str
    block: int | None
    start: int = 0
    end: int = 0
    source: str


@attrs.frozen(kw_only=True)
class Reading:
    """A file as a reader sees it: its blocks in reading order, its facts and remarks.

    Attributes:
        kind: ``html`` or ``docx``.
        blocks: every line, the set-aside ones included, in order.
        facts: metadata facts stated outside the text.
        remarks: ``(code, message)`` pairs for the document's diagnostics (``tracked-changes``,
            ``encoding-fallback`` …), each an info.
    """

    kind: str
    blocks: tuple[Block, ...]
    facts: tuple[Fact, ...] = ()
    remarks: tuple[tuple[str, str], ...] = ()
