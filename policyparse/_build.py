"""Model stage: turn drafts and lines into the frozen Document.

Decides each section's kind (（一） inside an article is an item), title, number, id and
path, cuts every line into pieces (label, title, paragraphs) and records the characters
between pieces as separators, so that pieces and separators cover the input exactly once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from policyparse._clauses import Tables
from policyparse._frame import ATTACHMENT_HEAD, Frame, Segment
from policyparse._ids import TOP, Parent, attachment_id, repeated
from policyparse._layout import Layout
from policyparse._line_view import LineView
from policyparse._meta import MetaBuilder, clean_title
from policyparse._pieces import Paragraphs, Pieces, joins_of, page_of
from policyparse._sections import SectionBuilder, wrap_fragment
from policyparse._tree import Draft
from policyparse.model import (
    Attachment,
    Diagnostic,
    Document,
    Paragraph,
    Reason,
    Section,
    SetAside,
    Source,
)
from policyparse.numerals import label_number

_HASH_SLICE = 1 << 18  # characters


class DocumentBuilder:
    """Builds one Document from the text, its lines, its frame and each segment's root draft."""

    def __init__(self, text: str, layout: Layout, name: str | None) -> None:
        self.text = text
        self.layout = layout
        self.name = name
        self.diagnostics: list[Diagnostic] = []
        self.attachment_paths: dict[str, int] = {}
        self.lines = LineView(text, layout.lines, layout.joins)
        self.pieces = Pieces(text)
        self.paragraphs = Paragraphs(self.lines, self.pieces, self.diagnostics)
        self.sections = SectionBuilder(self.lines, self.pieces, self.paragraphs, Tables(layout.tables))

    def build(self, frame: Frame, roots: list[Draft]) -> tuple[Document, list[Diagnostic]]:
        """Return the document (without numbering diagnostics) and the other diagnostics.

        The drafts are emptied as their sections are built, so that a large document's draft
        tree is freed while its model grows; ``roots`` are of no use afterwards.
        """
        main, *others = frame.segments
        preamble, contents, sections = self._body(roots[0])
        attachments = []
        counts = {"attachment": 0, "embedded": 0}
        for segment, root in zip(others, roots[1:], strict=True):
            counts[segment.kind] += 1
            attachments.append(self._attachment(segment, root, counts[segment.kind]))
        meta, meta_diagnostics = MetaBuilder(self.text, self.lines.lines, self.layout.joins).build(frame)
        self.diagnostics.extend(meta_diagnostics)
        self.diagnostics.extend(self.layout.diagnostics)
        page = page_of(self.layout.parts, self.lines.lines, self.paragraphs)
        set_aside = []
        for item in self.layout.set_aside:
            self.pieces.add(item.span)
            start, end = item.span
            reason = Reason(item.reason)
            set_aside.append(SetAside(text=self.text[start:end], span=item.span, reason=reason, line=item.line))
        source = Source(
            name=self.name,
            length=len(self.text),
            sha256=_sha256(self.text),
        )
        header = self._frame_pieces(i for i, _ in frame.header)
        closing = self._frame_pieces(i for i, _ in main.closing)
        trailer = self._frame_pieces(frame.trailer)
        joins = joins_of(self.layout.joins, self.lines.lines)
        self._release_lines()
        document = Document(
            source=source,
            meta=meta,
            header=header,
            preamble=preamble,
            contents=contents,
            sections=sections,
            closing=closing,
            attachments=tuple(attachments),
            trailer=trailer,
            page=page,
            joins=joins,
            set_aside=tuple(set_aside),
            separators=self.pieces.separators(),
        )
        return document, self.diagnostics

    def _release_lines(self) -> None:
        """Drop the line records (about 2.4× the text in memory) before the separators are
        made: nothing after needs them, and a large document's peak falls by as much."""
        self.layout.lines = []
        del self.lines, self.paragraphs, self.sections

    def _body(
        self, root: Draft, top: Parent = TOP
    ) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...], tuple[Section, ...]]:
        """Preamble, table of contents and sections of one segment's body."""
        preamble = self.paragraphs.of_ranges(root.body)
        contents: tuple[Paragraph, ...] = ()
        drafts = list(root.children)
        if drafts and drafts[0].rule == "contents":
            table, *drafts = drafts
            heading = (range(table.marker.line - 1, table.marker.line),) if table.marker else ()
            contents = self.paragraphs.of_ranges(heading + table.body)
        root.body, root.children = (), ()
        return preamble, contents, self.sections.sections(wrap_fragment(drafts), top)

    def _attachment(self, segment: Segment, root: Draft, position: int) -> Attachment:
        """An attachment (附件N) or an embedded document, with ids and paths of its own."""
        label = None
        number = position
        titles = [i for i, role in segment.head if role == "title"]
        title_texts = [self._content(i) for i in titles]
        if segment.label_line is not None:
            head = ATTACHMENT_HEAD.fullmatch(self._content(segment.label_line))
            assert head is not None
            if head.group("title"):
                label = self._content(segment.label_line)[: head.start("title")].rstrip("：: \u3000")
                title_texts = [head.group("title")]
            else:
                label = self._content(segment.label_line)
            if head.group("number"):
                number = label_number(head.group("number"))
        title = clean_title(title_texts) or None
        notes = [self._content(i) for i, role in segment.head if role == "note"]
        root_id = attachment_id(segment.kind, number)
        if segment.kind == "embedded":
            path = f"《{title.strip('《》')}》" if title else root_id
        else:
            path = label or f"附件{number}"
        # Two attachments with the same title or label keep distinct paths: 《…》~2.
        top = Parent(None, root_id, repeated(path, self.attachment_paths))
        preamble, contents, sections = self._body(root, top)
        header = self._frame_pieces(i for i, _ in segment.head)
        closing = self._frame_pieces(i for i, _ in segment.closing)
        pieces = [p.span for p in (*header, *preamble, *contents, *closing)] + [s.span for s in sections]
        span = (min(p[0] for p in pieces), max(p[1] for p in pieces)) if pieces else (0, 0)
        attachment = Attachment(
            label=label, number=number, title=title, notes=tuple(MetaBuilder.join_notes(notes)),
            id=top.id, path=top.path, span=span, header=header, preamble=preamble,
            contents=contents, sections=sections, closing=closing,
        )
        return attachment

    def _content(self, index: int) -> str:
        return self.lines.content(index)

    def _frame_pieces(self, indices: Iterable[int]) -> tuple[Paragraph, ...]:
        """Header and closing lines, whole, as pieces of their own."""
        return self.paragraphs.whole_lines(indices)


def _sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8, encoded a slice at a time (not a second copy of a large text)."""
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASH_SLICE):
        digest.update(text[start : start + _HASH_SLICE].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
