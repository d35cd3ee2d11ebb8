"""Serializer stage (Markdown): cross-references as links, and anchors for what they name.

A reference with targets becomes ``[本法第六十五条](#art-65)``, to its first target; each
section that a reference names gets an anchor of its own, ``<a id="art-65"></a>``, on a line
before it (an HTML block: GitHub keeps the id, and policyparse reads such a line back as
layout, like a blank line). The anchor is the section's id with ``/`` written ``-``.
A reference inside a paragraph the layout broke across lines (several spans) stays text.
"""

from __future__ import annotations

import bisect

from policyparse._markdown_escape import escape_text
from policyparse.model import Document, Paragraph, Reference, Section


def anchor_name(section_id: str) -> str:
    """The anchor of a section: its id, ``/`` written ``-`` (``ch-8/art-65`` → ``ch-8-art-65``)."""
    return section_id.replace("/", "-")


class Links:
    """The references of one document, ready to be written into its paragraphs."""

    def __init__(self, document: Document) -> None:
        self._by_paragraph: dict[int, list[Reference]] = {}
        self._targets: set[str] = set()
        if not document.references:
            return
        starts = sorted((r.span[0], index) for index, r in enumerate(document.references) if r.targets)
        self._starts = [start for start, _ in starts]
        self._linked = [document.references[index] for _, index in starts]
        self._targets = {r.targets[0] for r in self._linked}

    def text(self, paragraph: Paragraph) -> str:
        """The paragraph's text, escaped, with its references as links."""
        if not self._targets or paragraph.spans:
            return escape_text(paragraph.text)
        start, end = paragraph.span
        inside = self._within(start, end)
        if not inside:
            return escape_text(paragraph.text)
        pieces, position = [], 0
        for reference in inside:
            begin, finish = reference.span[0] - start, reference.span[1] - start
            pieces.append(escape_text(paragraph.text[position:begin]))
            pieces.append(f"[{escape_text(paragraph.text[begin:finish])}](#{anchor_name(reference.targets[0])})")
            position = finish
        pieces.append(escape_text(paragraph.text[position:]))
        return "".join(pieces)

    def anchor(self, section: Section) -> list[str]:
        """The anchor block for ``section`` if a reference names it, else nothing."""
        if section.id in self._targets:
            return [f'<a id="{anchor_name(section.id)}"></a>']
        return []

    def _within(self, start: int, end: int) -> list[Reference]:
        first = bisect.bisect_left(self._starts, start)
        found = []
        for index in range(first, len(self._starts)):
            reference = self._linked[index]
            if reference.span[0] >= end:
                break
            if reference.span[1] <= end:
                found.append(reference)
        return found
