"""Serializer stage: a Document as CommonMark that reads well on GitHub and parses back.

Layout (see docs/markdown.md):

* the title as ``#``; the document number, recipients and history as paragraphs;
* headings by depth for titled sections: 编/章/节 and 一、（一）1.（1）① and outlines
  (``## 四、着力提升碳市场活力``, ``### 第一章 总则``); levels past ``######`` and untitled
  sections (list items, 「2.有规范的名称。」) are paragraphs that start with their label;
* statute articles as paragraphs that open with the label in bold (「**第十条** 有下列…」),
  the way official gazettes print them: a law has hundreds of articles, and headings for
  each would drown the chapter outline; each further 款 is a paragraph, each 项 a paragraph;
* attachments after a rule (``---``), under ``## 附件1`` and the title;
* the tables of a web page or a Word file as GFM pipe tables (their first row as the header).

The page parses back to the same labels, titles and nesting (tests/test_markdown.py).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable

import attrs
import regex

from policyparse.model import Attachment, Document, Kind, Paragraph, Section, Table

_MAX_HEADING_LEVEL = 6
_SPACED_LABELS = {
    Kind.BOOK, Kind.SUBBOOK, Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.ARTICLE, Kind.OUTLINE,
}
_NAMED = {Kind.PREFACE, Kind.SUPPLEMENTARY}
_STATUTE_UNITS = {Kind.ARTICLE, Kind.CLAUSE, Kind.ITEM, Kind.SUBITEM}
# A title with these reads as a heading only when it ends with 。 (「统筹两个市场，打造加工制造中心。」).
_NEEDS_STOP = regex.compile(r"[，,；;：:！？!?]")


def to_markdown(document: Document) -> str:
    """Return the document as CommonMark (headings, paragraphs, bold article labels, tables)."""
    token = _TABLES.set(_Tables.of(document.tables))
    try:
        return _document(document)
    finally:
        _TABLES.reset(token)


def _document(document: Document) -> str:
    blocks: list[str] = []
    meta = document.meta
    if meta.title:
        blocks.append(f"# {meta.title}")
    if meta.history:
        blocks.extend(meta.history)
        blocks.append("<!-- INFO END -->")
    blocks.extend(_header_lines(document))
    blocks.extend(_parts(document.preamble, document.contents, document.sections, level=2))
    blocks.extend(_texts(document.closing))
    for attachment in document.attachments:
        blocks.extend(_attachment(attachment))
    return "\n\n".join(blocks) + "\n"


def _header_lines(document: Document) -> list[str]:
    """The header lines other than the title and front matter: 发文字号, 主送机关, notes."""
    spans = document.meta.spans
    wanted = {span for name in ("doc_number", "recipients", "notes") for span in spans.get(name, ())}
    return [p.text for p in document.header if p.span in wanted]


def _attachment(attachment: Attachment) -> list[str]:
    blocks = ["---"]
    if attachment.label:
        blocks.append(f"## {attachment.label}")
        if attachment.title:
            blocks.append(f"### {attachment.title}")
    elif attachment.title:
        blocks.append(f"## {attachment.title}")
    blocks.extend(f"（{note}）" for note in attachment.notes)
    blocks.extend(_parts(attachment.preamble, attachment.contents, attachment.sections, level=3))
    blocks.extend(_texts(attachment.closing))
    return blocks


def _parts(
    preamble: tuple[Paragraph, ...],
    contents: tuple[Paragraph, ...],
    sections: tuple[Section, ...],
    level: int,
) -> list[str]:
    blocks = _texts(preamble)
    if contents:
        blocks.append(contents[0].text)
        blocks.append("\n".join(f"- {p.text}" for p in contents[1:]))
    for section in sections:
        blocks.extend(_section(section, level))
    return blocks


def _section(section: Section, level: int) -> list[str]:
    if section.implicit:
        return [block for child in section.children for block in _section(child, level + 1)]
    if section.kind is Kind.CLAUSE:
        return [*_texts(section.paragraphs), *_children(section, level)]
    if section.kind in _STATUTE_UNITS:
        return _statute_unit(section, level)
    heading = _heading_text(section)
    if section.title is not None and level <= _MAX_HEADING_LEVEL:
        blocks = [f"{'#' * level} {heading}", *_texts(section.paragraphs)]
        return blocks + _children(section, level + 1)
    # Untitled sections (list items) and levels past ######: a paragraph led by the label.
    if section.title is not None:
        heading += "" if heading.endswith("。") else "。"
    paragraphs = _texts(section.paragraphs)
    separator = " " if section.kind in _SPACED_LABELS and section.title is None else ""
    first = heading + (separator + paragraphs.pop(0) if paragraphs and section.title is None else "")
    return [first, *paragraphs, *_children(section, level + 1)]


def _statute_unit(section: Section, level: int) -> list[str]:
    """「**第十条** 正文」: an article's first paragraph shares the line with its bold label."""
    label = section.label or ""
    opening = f"**{label}**" if section.kind is Kind.ARTICLE else label
    if section.title is not None:
        paragraphs = _texts(section.paragraphs)
        return [f"{opening} {section.title}", *paragraphs, *_children(section, level)]
    paragraphs = _texts(section.paragraphs)
    children = list(section.children)
    if not paragraphs and children and children[0].kind is Kind.CLAUSE:
        first_clause = children.pop(0)
        paragraphs = _texts(first_clause.paragraphs)
        children = [*first_clause.children, *children]
    separator = " " if section.kind is Kind.ARTICLE else ""
    first = opening + (separator + paragraphs.pop(0) if paragraphs else "")
    blocks = [first, *paragraphs]
    for child in children:
        blocks.extend(_section(child, level))
    return blocks


def _children(section: Section, level: int) -> list[str]:
    return [block for child in section.children for block in _section(child, level)]


def _heading_text(section: Section) -> str:
    label = section.label or ""
    if section.kind in _NAMED:
        return label
    title = section.title or ""
    if title and _NEEDS_STOP.search(title):
        title += "。"
    separator = " " if section.kind in _SPACED_LABELS and title else ""
    return f"{label}{separator}{title}"


# -- tables -------------------------------------------------------------------------------------


@attrs.frozen
class _Tables:
    """The tables of the document being written, and which table and row starts at each offset."""

    tables: tuple[Table, ...]
    starts: dict[int, tuple[int, int]]

    @classmethod
    def of(cls, tables: tuple[Table, ...]) -> _Tables:
        starts = {row.span[0]: (t, r) for t, table in enumerate(tables) for r, row in enumerate(table.rows)}
        return cls(tables=tables, starts=starts)


# Set by to_markdown for the document it writes: every function that writes paragraphs reads
# it, rather than taking the tables through each of the writer's recursive calls.
_TABLES: contextvars.ContextVar[_Tables | None] = contextvars.ContextVar("tables", default=None)
_PIPE = regex.compile(r"([|\\])")


def _texts(paragraphs: Iterable[Paragraph]) -> list[str]:
    """The paragraphs' texts, with each table whose rows all stand here as one pipe table."""
    current = _TABLES.get()
    listed = list(paragraphs)
    if current is None or not current.starts:
        return [p.text for p in listed]
    tables, starts = current.tables, current.starts
    blocks: list[str] = []
    i = 0
    while i < len(listed):
        found = starts.get(listed[i].span[0])
        if found is not None and found[1] == 0:
            table = tables[found[0]]
            end = _table_end(listed, i, table)
            if end is not None:
                blocks.append(_pipe_table(table))
                i = end
                continue
        blocks.append(listed[i].text)
        i += 1
    return blocks


def _table_end(paragraphs: list[Paragraph], first: int, table: Table) -> int | None:
    """Where the table ends among ``paragraphs`` if all of it stands there from ``first``, else None."""
    end = table.span[1]
    i = first
    while i < len(paragraphs) and paragraphs[i].span[1] <= end:
        i += 1
    return i if paragraphs[i - 1].span[1] == end else None


def _pipe_table(table: Table) -> str:
    """A GFM table; the first row is its header. A merged cell stands in its first row and
    column; the places it covers beyond them are empty."""
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(table.rows):
        column = 0
        for cell in row.cells:
            while (r, column) in grid:
                column += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[(r + dr, column + dc)] = ""
            grid[(r, column)] = _PIPE.sub(r"\\\1", " ".join(cell.text.split()))
            column += cell.colspan
    width = 1 + max((c for _, c in grid), default=0)
    lines = []
    for r in range(len(table.rows)):
        lines.append("| " + " | ".join(grid.get((r, c), "") for c in range(width)) + " |")
        if r == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)
