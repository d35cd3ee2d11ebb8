"""Reader stage (Word): what one reading shares across its stories: definitions, counters, the blocks so far."""

from __future__ import annotations

from policyparse.readers.docx.numbering import Numbering
from policyparse.readers.docx.styles import Styles
from policyparse.readers.reading import Block

__all__ = ["Context"]


class Context:
    """What one reading shares across its stories: definitions, counters, and the blocks so far.

    Attributes:
        styles: the file's styles.
        numbering: the file's numbering definitions.
        blocks: the blocks read so far, in order.
        tables: how many tables have been numbered.
        insertions: tracked insertions seen (``w:ins``, ``w:moveTo``, inserted marks and rows).
        deletions: tracked deletions seen (``w:del``, ``w:moveFrom``, deleted marks and rows).
        footnotes: the footnote ids the stories referenced, in order of first reference.
        endnotes: the endnote ids likewise.
        unknown_formats: numbering formats written in decimal for want of support.
    """

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.tables = 0
        self.insertions = 0
        self.deletions = 0
        self.footnotes: dict[str, None] = {}
        self.endnotes: dict[str, None] = {}
        self.unknown_formats: dict[str, None] = {}

    def unknown_format(self, name: str) -> None:
        """Record a numbering format this reader cannot write."""
        self.unknown_formats.setdefault(name, None)
