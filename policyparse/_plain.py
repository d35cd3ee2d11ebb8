"""Serializer stage (views): a section's or a document's plain text, as a reader would copy it.

One line per heading and per paragraph: the heading's label and title (「四、着力提升碳市场活力」,
「第一章　总则」 as 「第一章 总则」, an inline title 「（六）丰富交易产品」 on a line of its own), an
untitled section's label before its first paragraph (「第一条 为了……」, 「（一）受理申请；」; an
article whose first 款 is a clause takes that clause's first paragraph), then the paragraphs
and the children. A joined paragraph is one line; text set aside (page
furniture, site chrome, a Word page header) is not there. To get the input back exactly, use
``to_text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policyparse.kinds import SPACED
from policyparse.model import Kind

if TYPE_CHECKING:
    from policyparse.model import Attachment, Document, Section

# Labels that a space parts from their title or text (「第一章 总则」): policyparse.kinds.SPACED.
_SPACED = SPACED


def section_text(section: Section) -> str:
    """The section's plain text: its heading, paragraphs and children, a line each."""
    return "\n".join(_section_lines(section))


def document_text(document: Document) -> str:
    """The document's plain text: header, preamble, contents, sections, closing, attachments."""
    lines = [p.text for p in (*document.header, *document.preamble, *document.contents)]
    for section in document.sections:
        lines.extend(_section_lines(section))
    lines.extend(p.text for p in document.closing)
    for attachment in document.attachments:
        lines.extend(_attachment_lines(attachment))
    return "\n".join(lines)


def _attachment_lines(attachment: Attachment) -> list[str]:
    lines = [p.text for p in (*attachment.header, *attachment.preamble, *attachment.contents)]
    for section in attachment.sections:
        lines.extend(_section_lines(section))
    lines.extend(p.text for p in attachment.closing)
    return lines


def _section_lines(section: Section) -> list[str]:
    paragraphs = [p.text for p in section.paragraphs]
    children = list(section.children)
    lines = []
    if not section.implicit and section.label is not None:
        heading = section.label
        gap = " " if section.kind in _SPACED else ""
        if section.title is not None:
            heading += gap + section.title
        else:
            if not paragraphs and children and children[0].kind is Kind.CLAUSE:
                first = children.pop(0)
                paragraphs = [p.text for p in first.paragraphs]
                children = [*first.children, *children]
            if paragraphs:
                heading += gap + paragraphs.pop(0)
        lines.append(heading)
    lines.extend(paragraphs)
    for child in children:
        lines.extend(_section_lines(child))
    return lines
