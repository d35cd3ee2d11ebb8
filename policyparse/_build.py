"""Model stage: assemble the frozen Document from the layout's lines, the frame and the drafts.

The jobs are in modules of their own, which this one drives: sections (``_sections.py``:
kinds in context, labels, numbers), their ids and paths (``_ids.py``), titles
(``_title_split.py`` with the rules of ``_titles.py``), 款 (``_clauses.py``), and pieces,
paragraphs, page parts, joins and separators (``_pieces.py``). Every piece of text made is
recorded, and the characters between pieces become separators, so that pieces and
separators cover the input exactly once.
"""

from __future__ import annotations

import collections
import hashlib
from collections.abc import Sequence

from policyparse._clauses import Tables
from policyparse._frame import Frame, Segment
from policyparse._frame_lines import ATTACHMENT_HEAD
from policyparse._ids import TOP, Parent, attachment_id, repeated
from policyparse._line_view import LineView
from policyparse._meta import MetaBuilder, clean_title
from policyparse._pieces import Paragraphs, Pieces, joins_of, page_of
from policyparse._sections import SectionBuilder, wrap_fragment
from policyparse._tree import Draft
from policyparse.layout import Layout
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

_Body = tuple[tuple[Paragraph, ...], tuple[Paragraph, ...], tuple[Section, ...]]


class DocumentBuilder:
    """Builds one Document from the text, its layout, each segment's root draft and the frame.

    The builder writes to nothing it is given: not the layout, its line list or its line
    records, not the drafts (an item without the lines after it is a new draft). It is
    handed the layout and the drafts and keeps its own references to what it reads, so
    that memory goes when the builder is done with it, as long as the caller keeps no
    reference of its own (``parse_text`` deletes its references):

    * the line records (about 2.4× the text) are read through one :class:`LineView`, which
      holds references, not a copy. The builder drops its view, and the helpers that read
      through it, once the last line is read, before the separators are made;
    * the drafts are taken out of lists the builder owns (a copy of ``roots``; each draft's
      children, copied when the draft is read), and each draft is let go once read, before
      its children are built, so that a built section's drafts are freed while the model
      grows (see :meth:`SectionBuilder.sections <policyparse._sections.SectionBuilder.sections>`).

    Owning a copy of the line records instead would cost their size again at the peak (the
    end of the sections). Before, the builder emptied the drafts and the layout's line list
    in place, which freed the same memory but changed what the earlier stages had handed
    over; a caller that keeps the layout or the drafts now keeps them intact, and keeps
    their memory too.

    Args:
        text: the decoded text.
        layout: the layout stage's result: lines, joins, set-aside text, page parts, tables.
        roots: the root draft of each of the frame's segments, in order.
        name: the source's name (a file name), or None.
    """

    def __init__(self, text: str, layout: Layout, roots: Sequence[Draft], name: str | None) -> None:
        self.text = text
        self.name = name
        self.diagnostics: list[Diagnostic] = []
        self._roots = collections.deque(roots)  # taken from the front, one per segment
        self._joins = layout.joins
        self._parts = layout.parts
        self._set_aside = layout.set_aside
        self._layout_diagnostics = layout.diagnostics
        self._pieces = Pieces(text)
        self._lines = LineView(text, layout.lines, layout.joins)
        self._paragraphs = Paragraphs(self._lines, self._pieces, self.diagnostics)
        self._sections = SectionBuilder(self._lines, self._pieces, self._paragraphs, Tables(layout.tables))

    def build(self, frame: Frame) -> tuple[Document, list[Diagnostic]]:
        """Return the document (without numbering diagnostics) and the other diagnostics.

        A builder builds one document: ``build`` is called once.
        """
        # First, while the model is small: the hash is taken a slice at a time, a spike of
        # about 1.3 MB (a slice and its UTF-8) that would add to the peak at the end.
        source = Source(name=self.name, length=len(self.text), sha256=_sha256(self.text))
        main, *others = frame.segments
        preamble, contents, sections = self._body(TOP)
        attachments = []
        counts = {"attachment": 0, "embedded": 0}
        paths: dict[str, int] = {}
        for segment in others:
            counts[segment.kind] += 1
            attachments.append(self._attachment(segment, counts[segment.kind], paths))
        meta, meta_diagnostics = MetaBuilder(self.text, self._lines.lines, self._joins).build(frame)
        self.diagnostics.extend(meta_diagnostics)
        self.diagnostics.extend(self._layout_diagnostics)
        page = page_of(self._parts, self._lines.lines, self._paragraphs)
        set_aside = self._set_aside_text()
        header = self._paragraphs.whole_lines(i for i, _ in frame.header)
        closing = self._paragraphs.whole_lines(i for i, _ in main.closing)
        trailer = self._paragraphs.whole_lines(frame.trailer)
        joins = joins_of(self._joins, self._lines.lines)
        self._let_go_of_lines()
        document = Document(
            source=source, meta=meta, header=header, preamble=preamble, contents=contents,
            sections=sections, closing=closing, attachments=tuple(attachments), trailer=trailer,
            page=page, joins=joins, set_aside=set_aside, separators=self._pieces.separators(),
        )
        return document, self.diagnostics

    def _let_go_of_lines(self) -> None:
        """Drop the builder's view of the lines and the helpers that read through it: nothing
        after needs the line records, and made beside them the separators would be a large
        document's peak."""
        del self._lines, self._paragraphs, self._sections

    def _body(self, top: Parent) -> _Body:
        """Preamble, table of contents and sections of the next segment's body."""
        ranges, drafts = self._take_root()
        preamble = self._paragraphs.of_ranges(ranges)
        contents: tuple[Paragraph, ...] = ()
        if drafts and drafts[0].rule == "contents":
            table, *drafts = drafts
            heading = (range(table.marker.line - 1, table.marker.line),) if table.marker else ()
            contents = self._paragraphs.of_ranges(heading + table.body)
        drafts = wrap_fragment(drafts)
        return preamble, contents, self._sections.sections(drafts, top)

    def _take_root(self) -> tuple[tuple[range, ...], list[Draft]]:
        """The next segment's root draft, taken out of the builder's list: its body's line
        ranges and a list of its sections that the builder owns (the root itself is let go)."""
        root = self._roots.popleft()  # (a list's pop(0) made 10,000 attachments quadratic)
        return root.body, list(root.children)

    def _attachment(self, segment: Segment, position: int, paths: dict[str, int]) -> Attachment:
        """An attachment (附件N) or an embedded document, with ids and paths of its own.

        Args:
            segment: the frame's segment.
            position: its number among the segments of its kind (when its label has none).
            paths: the attachment paths made so far, counted: a repeated one gets ``~2``.
        """
        label, number, title = self._attachment_head(segment, position)
        notes = [self._lines.content(i) for i, role in segment.head if role == "note"]
        root_id = attachment_id(segment.kind, number)
        if segment.kind == "embedded":
            path = f"《{title.strip('《》')}》" if title else root_id
        else:
            path = label or f"附件{number}"
        # Two attachments with the same title or label keep distinct paths: 《…》~2.
        top = Parent(None, root_id, repeated(path, paths))
        preamble, contents, sections = self._body(top)
        header = self._paragraphs.whole_lines(i for i, _ in segment.head)
        closing = self._paragraphs.whole_lines(i for i, _ in segment.closing)
        pieces = [p.span for p in (*header, *preamble, *contents, *closing)] + [s.span for s in sections]
        span = (min(p[0] for p in pieces), max(p[1] for p in pieces)) if pieces else (0, 0)
        return Attachment(
            label=label, number=number, title=title, notes=tuple(MetaBuilder.join_notes(notes)),
            id=top.id, path=top.path, span=span, header=header, preamble=preamble,
            contents=contents, sections=sections, closing=closing,
        )

    def _attachment_head(self, segment: Segment, position: int) -> tuple[str | None, int, str | None]:
        """An attachment's label (附件1), number and title, from its label line and title lines."""
        label = None
        number = position
        title_texts = [self._lines.content(i) for i, role in segment.head if role == "title"]
        if segment.label_line is not None:
            written = self._lines.content(segment.label_line)
            head = ATTACHMENT_HEAD.fullmatch(written)
            assert head is not None
            if head.group("title"):
                label = written[: head.start("title")].rstrip("：: \u3000")
                title_texts = [head.group("title")]
            else:
                label = written
            if head.group("number"):
                number = label_number(head.group("number"))
        return label, number, clean_title(title_texts) or None

    def _set_aside_text(self) -> tuple[SetAside, ...]:
        """The text the layout stage set aside (intrusions, repeats, page furniture …), as pieces."""
        found = []
        for item in self._set_aside:
            self._pieces.spans.append(item.span)
            start, end = item.span
            text = self.text[start:end]
            found.append(SetAside(text=text, span=item.span, reason=Reason(item.reason), line=item.line))
        return tuple(found)


def _sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8, encoded a slice at a time (not a second copy of a large text)."""
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASH_SLICE):
        digest.update(text[start : start + _HASH_SLICE].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
