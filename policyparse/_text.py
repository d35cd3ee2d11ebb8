"""Serializer stage: a Document back to the exact text it was parsed from."""

from __future__ import annotations

from policyparse.model import Document, Paragraph, Section


def to_text(document: Document) -> str:
    """Return the original text: every piece and separator, in order of position.

    Raises:
        ValueError: if the pieces do not cover the text exactly once (a corrupt document).
    """
    placed: list[tuple[int, str]] = [(s.start, s.text) for s in document.separators]
    for part in (document.header, document.preamble, document.contents, document.closing, document.trailer):
        _paragraphs(placed, part)
    if document.page is not None:
        for page_part in document.page.parts:
            _paragraphs(placed, page_part.paragraphs)
    placed.extend((item.span[0], item.text) for item in document.set_aside)
    for section in document.walk():
        _section(placed, section)
    for attachment in document.attachments:
        for part in (attachment.header, attachment.preamble, attachment.contents, attachment.closing):
            _paragraphs(placed, part)
        for top in attachment.sections:
            for section in top.walk():
                _section(placed, section)
    # Empty pieces (none are made, but a hand-built document may hold one) take no room.
    placed = sorted((item for item in placed if item[1]), key=lambda item: item[0])
    position = 0
    parts = []
    for start, text in placed:
        if start != position:
            raise ValueError(f"pieces do not cover the text at offset {position}")
        parts.append(text)
        position += len(text)
    if position != document.source.length:
        raise ValueError(f"pieces end at {position}, the text has {document.source.length} characters")
    return "".join(parts)


def _paragraphs(placed: list[tuple[int, str]], paragraphs: tuple[Paragraph, ...]) -> None:
    for paragraph in paragraphs:
        if not paragraph.spans:
            placed.append((paragraph.span[0], paragraph.text))
            continue
        offset = 0
        for start, end in paragraph.spans:  # a joined paragraph: its pieces, in order
            placed.append((start, paragraph.text[offset : offset + end - start]))
            offset += end - start


def _section(placed: list[tuple[int, str]], section: Section) -> None:
    if section.label is not None and section.label_span is not None:
        placed.append((section.label_span[0], section.label))
    if section.title_span is not None:
        written = section.title_as_written if section.title_as_written is not None else section.title
        placed.append((section.title_span[0], written or ""))
    _paragraphs(placed, section.paragraphs)

