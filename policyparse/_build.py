"""Model stage: turn drafts and lines into the frozen Document.

Decides each section's kind (（一） inside an article is an item), title, number, id and
path, cuts every line into pieces (label, title, paragraphs) and records the characters
between pieces as separators, so that pieces and separators cover the input exactly once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from policyparse import _titles
from policyparse._clauses import Tables, clauses
from policyparse._construct import new_section
from policyparse._frame import ATTACHMENT_HEAD, Frame, Segment
from policyparse._grammar import LAYOUT, UNNUMBERED
from policyparse._ids import TOP, Parent, attachment_id, repeated, section_id
from policyparse._layout import Layout
from policyparse._lexer import Line
from policyparse._line_view import LineView
from policyparse._meta import MetaBuilder, clean_title
from policyparse._pieces import Paragraphs, Pieces, joins_of, page_of
from policyparse._title_split import split_title
from policyparse._tree import RANK, Draft, Marker
from policyparse.model import (
    Attachment,
    Diagnostic,
    Document,
    Kind,
    Paragraph,
    Reason,
    Section,
    SetAside,
    Source,
    Span,
)
from policyparse.numerals import label_number, label_value

_RULE_KIND = {
    "book": Kind.BOOK, "subbook": Kind.SUBBOOK, "part": Kind.PART,
    "chapter": Kind.CHAPTER, "section": Kind.SECTION, "article": Kind.ARTICLE,
    "preface": Kind.PREFACE, "supplementary": Kind.SUPPLEMENTARY,
    "heading1": Kind.HEADING1, "heading2": Kind.HEADING2, "heading3": Kind.HEADING3,
    "heading4": Kind.HEADING4, "heading5": Kind.HEADING5,
    "outline1": Kind.OUTLINE, "outline2": Kind.OUTLINE, "outline3": Kind.OUTLINE,
    "outline4": Kind.OUTLINE,
}
_DIVISIONS = {Kind.BOOK, Kind.SUBBOOK, Kind.PART, Kind.CHAPTER, Kind.SECTION}
_NAMED = {Kind.PREFACE, Kind.SUPPLEMENTARY}  # the label is the name: 序言, 附则
_STATUTE_UNITS = {Kind.ARTICLE, Kind.ITEM, Kind.SUBITEM}
IMPLICIT_PATH_SEGMENT = "…"
_HASH_SLICE = 1 << 18  # characters
_FAMILY = {
    kind: "division" if kind in _DIVISIONS else "statute" if kind in _STATUTE_UNITS else "official"
    for kind in Kind
}


def wrap_fragment(sections: list[Draft]) -> list[Draft]:
    """Give the leading sections of a fragment an implicit parent.

    A text that starts at （五） and goes on with 四、 starts mid-way through 三、: the
    leading （五） is wrapped in an implicit 三、 (number inferred from the 四、 after it).
    Repeated while a shallower section further on is not the first of its level, so
    「3.」「（二）」「二、」 gives 一、 ⊃ （一） ⊃ 3., then （二）, then 二、.
    """
    while sections:
        first_rank = RANK[sections[0].rule]
        shallower = next((i for i, d in enumerate(sections) if RANK[d.rule] < first_rank), None)
        if shallower is None:
            break
        after = sections[shallower]
        numbered = after.marker is not None and after.marker.type not in UNNUMBERED
        number = label_value(after.marker.label) - 1 if numbered and after.marker is not None else 0
        if number < 1:
            break  # the shallower section is a first one: what precedes it is an introduction
        parent = Draft(after.rule, None, (), tuple(sections[:shallower]), implicit_number=number)
        sections = [parent, *sections[shallower:]]
    return sections


class DocumentBuilder:
    """Builds one Document from the text, its lines, its frame and each segment's root draft."""

    def __init__(self, text: str, layout: Layout, name: str | None) -> None:
        self.text = text
        self.layout = layout
        self.tables = Tables(layout.tables)
        self.name = name
        self.diagnostics: list[Diagnostic] = []
        self.attachment_paths: dict[str, int] = {}
        self.lines = LineView(text, layout.lines, layout.joins)
        self.pieces = Pieces(text)
        self.paragraphs = Paragraphs(self.lines, self.pieces, self.diagnostics)

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
        del self.lines, self.paragraphs

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
        return preamble, contents, self.sections(wrap_fragment(drafts), top)

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

    # -- sections -------------------------------------------------------------------

    def sections(self, drafts: Iterable[Draft], parent: Parent) -> tuple[Section, ...]:
        """Build sibling sections; a repeated number gets an id suffix (``h2-3~2``)."""
        seen: dict[str, int] = {}
        built = []
        for draft in drafts:
            built.append(self._section(draft, parent, seen))
            draft.body, draft.children = (), ()  # built: free its subtree now (see build())
        return tuple(built)

    def _own_id(
        self, kind: Kind, number: int | None, parent: Parent, seen: dict[str, int], label: str = ""
    ) -> str:
        return section_id(kind, number, parent=parent.id, label=label, seen=seen)

    def _section(self, draft: Draft, parent: Parent, seen: dict[str, int]) -> Section:
        """Build one section, its children first; each Section is made once."""
        kind = self._kind(draft.rule, parent)
        if draft.marker is None:
            return self._implicit(draft, kind, parent, seen)
        line = self._line_of(draft.marker)
        label_span = (line.label_start, line.label_end)
        label = draft.marker.label  # the text at label_span, kept from the token
        number = None if kind in _NAMED else label_value(label)
        body_lines = self._lines_of(draft.body)
        has_more = bool(draft.children) or any(
            b.content_start != b.content_end and b.kind != LAYOUT for b in body_lines
        )
        family = _family(kind)
        split = split_title(self.lines, line, family, has_more, body_lines)
        title, title_span, body_lines = split.title, split.span, split.body_lines
        inline = [self.pieces.paragraph_of(split.inline)] if split.inline else []
        written = self.text[title_span[0] : title_span[1]] if title_span else None
        if kind in _NAMED:
            title = _titles.clean_title(label, "division")
        paragraphs = inline + self.paragraphs.of_lines(body_lines)
        own = Parent(kind, self._own_id(kind, number, parent, seen, label), parent.path_of(label))
        self.pieces.add(label_span)
        end = label_span[1]
        if title_span:
            self.pieces.add(title_span)
            end = max(end, title_span[1])
        if kind is Kind.ARTICLE:
            paragraphs, children = clauses(self, own, line.number, paragraphs, draft.children)
        else:
            children = self.sections(draft.children, own)
        if paragraphs:
            end = max(end, max(p.span[1] for p in paragraphs))
        if children:
            end = max(end, max(c.span[1] for c in children))
        return new_section(
            kind=kind, label=label, number=number, title=title,
            paragraphs=tuple(paragraphs), children=children, id=own.id, path=own.path,
            line=line.number, span=(label_span[0], end), label_span=label_span,
            title_span=title_span, title_as_written=written if written != title else None,
        )

    def _implicit(
        self, draft: Draft, kind: Kind, parent: Parent, seen: dict[str, int]
    ) -> Section:
        number = draft.implicit_number
        segment = IMPLICIT_PATH_SEGMENT
        own = Parent(kind, self._own_id(kind, number, parent, seen), parent.path_of(segment))
        first = draft.children[0]
        while first.marker is None:
            first = first.children[0]
        children = self.sections(draft.children, own)
        return new_section(
            kind=kind, label=None, number=number, title=None, children=children,
            implicit=True, id=own.id, path=own.path, line=first.marker.line,
            span=(children[0].span[0], children[-1].span[1]),
        )

    @staticmethod
    def _kind(rule: str, parent: Parent) -> Kind:
        kind = _RULE_KIND[rule]
        if parent.kind is None:
            return kind
        if kind is Kind.HEADING1 and parent.kind in (Kind.CHAPTER, Kind.SECTION):
            # 一、 numbering the articles of a chaptered text (the 2004 State Council rules).
            return Kind.ARTICLE
        inside_article = parent.kind in _STATUTE_UNITS or parent.kind is Kind.CLAUSE
        if inside_article and kind is Kind.HEADING2:
            return Kind.ITEM
        if inside_article and kind is Kind.HEADING3:
            return Kind.SUBITEM
        return kind

    # -- lines and paragraphs -------------------------------------------------------

    def _line_of(self, marker: Marker) -> Line:
        return self.lines.lines[marker.line - 1]

    def _lines_of(self, ranges: tuple[range, ...]) -> Sequence[Line]:
        return self.lines.lines_of(ranges)

    def _paragraph_of(self, pieces: list[Span]) -> Paragraph:
        return self.pieces.paragraph_of(pieces)

    def _paragraph(self, start: int, end: int) -> Paragraph:
        return self.pieces.paragraph(start, end)


def _sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8, encoded a slice at a time (not a second copy of a large text)."""
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASH_SLICE):
        digest.update(text[start : start + _HASH_SLICE].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _family(kind: Kind) -> str:
    return _FAMILY[kind]
