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
* the tables of a web page or a Word file as GFM pipe tables (their first row as the header);
* the document's text made inert: what CommonMark would read as HTML or a link is escaped
  (``policyparse/_markdown_escape.py``);
* cross-references as links to the sections they name, which get an anchor line
  (``<a id="art-65"></a>``) before them (``policyparse/_markdown_links.py``).

The page parses back to the same labels, titles and nesting (tests/test_markdown.py).
"""

from __future__ import annotations

import regex

from policyparse._markdown_escape import escape_text
from policyparse._markdown_links import Links
from policyparse._markdown_tables import TablePlacement
from policyparse.kinds import NAMED, SPACED, STATUTE_UNITS
from policyparse.model import Attachment, Document, Kind, Paragraph, Section

_MAX_HEADING_LEVEL = 6
_CONTENTS_HEADING = regex.compile(r"目[\s\u3000]*录")
# A title with these reads as a heading only when it ends with 。 (「统筹两个市场，打造加工制造中心。」).
_NEEDS_STOP = regex.compile(r"[，,；;：:！？!?]")


def to_markdown(document: Document) -> str:
    """Return the document as CommonMark (headings, paragraphs, bold article labels, tables)."""
    links = Links(document)
    return _Writer(TablePlacement(document, links.text), links).document(document)


class _Writer:
    """Writes one document: it knows where the document's tables stand whole."""

    def __init__(self, tables: TablePlacement, links: Links) -> None:
        self.tables = tables
        self.links = links

    def document(self, document: Document) -> str:
        """The whole document, blocks separated by blank lines."""
        blocks: list[str] = []
        meta = document.meta
        if meta.title:
            blocks.append(f"# {escape_text(meta.title)}")
        if meta.history:
            blocks.extend(escape_text(line) for line in meta.history)
            blocks.append("<!-- INFO END -->")
        blocks.extend(self._header_lines(document))
        blocks.extend(self._parts(document.preamble, document.contents, document.sections, level=2))
        blocks.extend(self.tables.texts(document.closing))
        for attachment in document.attachments:
            blocks.extend(self._attachment(attachment))
        return "\n\n".join(blocks) + "\n"

    @staticmethod
    def _header_lines(document: Document) -> list[str]:
        """The header lines other than the title and front matter: 发文字号, 主送机关, notes."""
        spans = document.meta.spans
        wanted = {span for name in ("doc_number", "recipients", "notes") for span in spans.get(name, ())}
        return [escape_text(p.text) for p in document.header if p.span in wanted]

    def _attachment(self, attachment: Attachment) -> list[str]:
        blocks = ["---"]
        if attachment.label:
            blocks.append(f"## {escape_text(attachment.label)}")
            if attachment.title:
                blocks.append(f"### {escape_text(attachment.title)}")
        elif attachment.title:
            blocks.append(f"## {escape_text(attachment.title)}")
        blocks.extend(f"（{escape_text(note)}）" for note in attachment.notes)
        blocks.extend(self._parts(attachment.preamble, attachment.contents, attachment.sections, level=3))
        blocks.extend(self.tables.texts(attachment.closing))
        return blocks

    def _parts(
        self, preamble: tuple[Paragraph, ...], contents: tuple[Paragraph, ...], sections: tuple[Section, ...],
        level: int,
    ) -> list[str]:
        blocks = self.tables.texts(preamble)
        if contents:
            entries = contents
            if _CONTENTS_HEADING.fullmatch(contents[0].text):  # 「目录」; a table may have none
                blocks.append(escape_text(contents[0].text))
                entries = contents[1:]
            blocks.append("\n".join(f"- {escape_text(p.text)}" for p in entries))
        for section in sections:
            blocks.extend(self._section(section, level))
        return blocks

    def _section(self, section: Section, level: int) -> list[str]:
        return [*self.links.anchor(section), *self._unit(section, level)]

    def _unit(self, section: Section, level: int) -> list[str]:
        if section.implicit:
            return [block for child in section.children for block in self._section(child, level + 1)]
        if section.kind is Kind.CLAUSE:
            return [*self.tables.texts(section.paragraphs), *self._children(section, level)]
        if section.kind in STATUTE_UNITS:
            return self._statute_unit(section, level)
        heading = _heading_text(section)
        if section.title is not None and level <= _MAX_HEADING_LEVEL:
            blocks = [f"{'#' * level} {heading}", *self.tables.texts(section.paragraphs)]
            return blocks + self._children(section, level + 1)
        # Untitled sections (list items) and levels past ######: a paragraph led by the label.
        if section.title is not None:
            heading += "" if heading.endswith("。") else "。"
        paragraphs = self.tables.texts(section.paragraphs)
        separator = " " if section.kind in SPACED and section.title is None else ""
        joins = paragraphs and section.title is None and not _is_table(paragraphs[0])
        first = heading + (separator + paragraphs.pop(0) if joins else "")
        return [first, *paragraphs, *self._children(section, level + 1)]

    def _statute_unit(self, section: Section, level: int) -> list[str]:
        """「**第十条** 正文」: an article's first paragraph shares the line with its bold label."""
        label = section.label or ""
        opening = f"**{label}**" if section.kind is Kind.ARTICLE else label
        if section.title is not None:
            paragraphs = self.tables.texts(section.paragraphs)
            return [f"{opening} {escape_text(section.title)}", *paragraphs, *self._children(section, level)]
        paragraphs = self.tables.texts(section.paragraphs)
        children = list(section.children)
        anchors = []
        if not paragraphs and children and children[0].kind is Kind.CLAUSE:
            first_clause = children.pop(0)
            anchors = self.links.anchor(first_clause)  # its text is on the article's line
            paragraphs = self.tables.texts(first_clause.paragraphs)
            children = [*first_clause.children, *children]
        separator = " " if section.kind is Kind.ARTICLE else ""
        first = opening + (separator + paragraphs.pop(0) if paragraphs and not _is_table(paragraphs[0]) else "")
        blocks = [*anchors, first, *paragraphs]
        for child in children:
            blocks.extend(self._section(child, level))
        return blocks

    def _children(self, section: Section, level: int) -> list[str]:
        return [block for child in section.children for block in self._section(child, level)]


def _is_table(block: str) -> bool:
    """A pipe table, which stands on lines of its own, never after a label."""
    return block.startswith("| ") and "\n| --- |" in block


def _heading_text(section: Section) -> str:
    label = section.label or ""
    if section.kind in NAMED:
        return label
    title = escape_text(section.title or "")
    if title and _NEEDS_STOP.search(title):
        title += "。"
    separator = " " if section.kind in SPACED and title else ""
    return f"{label}{separator}{title}"
