"""Model stage: the frozen, typed document tree that every parser output is made of.

Every leaf piece (a label, a title, a paragraph, a separator) carries its span: a pair of
character offsets ``(start, end)`` into the decoded text. Spans, lines, ids and paths are
kept out of equality, so that a section moved elsewhere with the same content compares
equal; the diff matches on ids and paths explicitly.

Over the 450-line guide on purpose: the public data model is one module that a user reads
top to bottom (and that ``docs/api.md`` renders), classes with their fields and docstrings,
no logic beyond navigation; splitting it would scatter the JSON schema's picture.
"""

from __future__ import annotations

import datetime
import enum

import attrs

__all__ = [
    "Attachment",
    "Diagnostic",
    "Document",
    "Join",
    "Kind",
    "Meta",
    "Origin",
    "Page",
    "PagePart",
    "Paragraph",
    "PartKind",
    "Reason",
    "Reference",
    "Section",
    "Separator",
    "SetAside",
    "Severity",
    "Source",
    "Span",
    "Table",
    "TableCell",
    "TableRow",
]

Span = tuple[int, int]
"""``(start, end)`` character offsets into the decoded text, end exclusive."""


class Kind(enum.StrEnum):
    """What a section is: its place in the statute or official-document hierarchy."""

    BOOK = "book"
    SUBBOOK = "subbook"
    PART = "part"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    CLAUSE = "clause"
    ITEM = "item"
    SUBITEM = "subitem"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    HEADING3 = "heading3"
    HEADING4 = "heading4"
    HEADING5 = "heading5"
    OUTLINE = "outline"
    PREFACE = "preface"
    SUPPLEMENTARY = "supplementary"


class Reason(enum.StrEnum):
    """Why text was set aside (kept out of the document's flow)."""

    INTRUSION = "intrusion"  # text of another article on a newspaper page
    REPEAT = "repeat"  # a line printed twice
    PAGE_FURNITURE = "page-furniture"  # page numbers, running headers and footers
    SITE_CHROME = "site-chrome"  # a web page's navigation, 【打印】, related links, footers
    METADATA = "metadata"  # a web page's metadata table (its facts are in ``meta``)
    PAGE_HEADER = "page-header"  # a Word file's page header
    PAGE_FOOTER = "page-footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    COMMENT = "comment"


class PartKind(enum.StrEnum):
    """What a part of a newspaper page is."""

    POLICY = "policy"  # the parsed document
    ARTICLE = "article"
    CAPTION = "caption"
    CREDITS = "credits"
    MARK = "mark"  # 「（上接第一版）」
    DATELINE = "dateline"


class Severity(enum.StrEnum):
    """How much a diagnostic matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Paragraph:
    """One paragraph of text: a line's content without indentation or line break.

    A paragraph that the page layout broke and the parser joined again stands in several
    places: ``spans`` then lists them, in order, and ``text`` is their texts joined;
    ``span`` runs from the first to the last.
    """

    text: str
    span: Span = attrs.field(eq=False)
    spans: tuple[Span, ...] = attrs.field(eq=False, default=())


@attrs.frozen(kw_only=True, weakref_slot=False)
class Separator:
    """Characters between pieces: indentation, line breaks, blank lines, a title's 。."""

    start: int
    text: str


@attrs.frozen(kw_only=True, weakref_slot=False)
class Section:
    """A numbered (or implicit) part of a document, with its own paragraphs and children.

    Attributes:
        kind: the level in the hierarchy.
        label: the marker as written (「四、」, 「（六）」, 「第十二条」, 「1.2.1」); None for an
            implicit placeholder.
        number: the label's integer value (the last component of a decimal outline).
        title: the heading text without the marker and the closing 。; None if none.
        paragraphs: the body text before the first child.
        children: nested sections.
        implicit: True for a placeholder standing in for a parent missing from a fragment.
        id: structural id from kinds and numbers (``h1-4/h2-6``).
        path: labels from the root joined by ``/`` (``四、/（六）``).
        line: 1-based line of the heading.
        span: from the first to the last character of the section.
        label_span: span of the label.
        title_span: span of the title.
        title_as_written: the title as it stands in the text, when that differs from
            ``title`` (「总　　则」 for the title 总则); None otherwise.
        generated: True when the label is not in the file's text but drawn by a program
            (Word's automatic numbering); its ``label_span`` is where the reader put it.
    """

    kind: Kind
    label: str | None
    number: int | None
    title: str | None
    id: str = attrs.field(eq=False)
    path: str = attrs.field(eq=False)
    line: int = attrs.field(eq=False)
    span: Span = attrs.field(eq=False)
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Section, ...] = ()
    implicit: bool = False
    label_span: Span | None = attrs.field(eq=False, default=None)
    title_span: Span | None = attrs.field(eq=False, default=None)
    title_as_written: str | None = attrs.field(eq=False, default=None)
    generated: bool = attrs.field(eq=False, default=False)

    def walk(self) -> tuple[Section, ...]:
        """Return this section and all its descendants, in document order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return tuple(found)

    @property
    def text(self) -> str:
        """The section's plain text as a reader would copy it: its heading (label and title, or
        label and first paragraph), its paragraphs and its children's, a line each; text set
        aside is not in it."""
        from policyparse._plain import section_text  # a view, kept out of the model's module

        return section_text(self)


@attrs.frozen(kw_only=True, weakref_slot=False)
class SetAside:
    """Text kept out of the document's flow, where it stands in the input.

    ``reason``: ``intrusion`` (text of another article on the page), ``repeat`` (a line
    printed twice), ``page-furniture`` (page numbers, running headers); from a web page,
    ``site-chrome`` (navigation, 【打印】, related links, footers) and ``metadata`` (the
    page's metadata table, whose facts are in ``meta``); from a Word file, ``page-header``,
    ``page-footer``, ``footnote``, ``endnote`` and ``comment``.
    """

    text: str
    span: Span = attrs.field(eq=False)
    reason: Reason
    line: int = attrs.field(eq=False)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Join:
    """Where a paragraph broken by the layout was joined: the spans of its pieces."""

    line: int = attrs.field(eq=False)
    spans: tuple[Span, ...] = attrs.field(eq=False)


@attrs.frozen(kw_only=True, weakref_slot=False)
class PagePart:
    """A part of a newspaper page: ``policy`` (the parsed document), ``article``, ``caption``,
    ``credits``, ``mark`` (「（上接第一版）」) or ``dateline``; the policy part's text is in the
    document's sections."""

    kind: PartKind
    span: Span = attrs.field(eq=False)
    paragraphs: tuple[Paragraph, ...] = ()


@attrs.frozen(kw_only=True, weakref_slot=False)
class Page:
    """A newspaper page around the document: its parts, in order."""

    parts: tuple[PagePart, ...]


@attrs.frozen(kw_only=True, weakref_slot=False)
class Diagnostic:
    """A problem or remark about the input, with where it is."""

    code: str
    severity: Severity
    message: str
    line: int | None = None
    span: Span | None = None


@attrs.frozen(kw_only=True, weakref_slot=False)
class Reference:
    """A cross-reference in the text (「依照本法第六十五条」, 「前款」), resolved to the sections it names.

    Attributes:
        text: the reference as written: ``text == source[span[0]:span[1]]`` (「本法第六十五条」,
            「前款」, 「第二项」 after 「第三十九条第一款第一项、」).
        span: where it stands in the text.
        targets: the ids of the sections it names, in document order (a range 第X条至第Y条
            gives every article from X to Y); empty when it names another document or when
            nothing in this one has that number (a diagnostic then says so).
        law: the other document it cites (「《中华人民共和国刑法》第X条」 → 中华人民共和国刑法,
            「刑法第X条」 → 刑法); None when it cites this document.
        section: the id of the section it stands in; None outside every section.
        line: the 1-based line it starts on.
    """

    text: str
    span: Span
    targets: tuple[str, ...] = ()
    law: str | None = None
    section: str | None = None
    line: int | None = None


@attrs.frozen(kw_only=True, weakref_slot=False)
class Source:
    """Where the text came from: a name, its length in characters and its SHA-256."""

    name: str | None
    length: int
    sha256: str


@attrs.frozen(kw_only=True, weakref_slot=False)
class Meta:
    """Header and footer facts of an official document (GB/T 9704 elements).

    Attributes:
        title: the title, its lines joined and letter-spacing removed.
        doc_number: 发文字号 (「国发〔2019〕3号」).
        issuers: 发文机关 from the signature (「国务院」; two for a joint document).
        recipients: 主送机关, one per organ.
        date: 成文日期 (the JSON writes it as ISO ``YYYY-MM-DD``).
        notes: 「（此件公开发布）」 and similar remarks, without brackets.
        history: promulgation and amendment lines of a statute (「1993年12月29日 … 通过」).
        attachment_list: the attachments named in 「附件：1. … 2. …」, without numbers.
        facts: other facts the file states outside the text, by name: a web page's
            ``published`` (发布日期), ``index_number`` (索引号), ``subject`` (主题分类),
            ``keywords`` (主题词), ``page_title`` (its ``<title>``) ….
        spans: where each field stands in the text, by field name.
        sources: where a field came from when not from the document's text, by field name:
            ``metadata-table`` (a web page's grid), ``html-heading`` (a page's title line),
            ``docx-title-style`` (Word's Title style).
    """

    title: str | None = None
    doc_number: str | None = None
    issuers: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    date: datetime.date | None = None
    notes: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    attachment_list: tuple[str, ...] = ()
    facts: dict[str, str] = attrs.field(factory=dict)
    spans: dict[str, tuple[Span, ...]] = attrs.field(factory=dict, eq=False)
    sources: dict[str, str] = attrs.field(factory=dict, eq=False)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Attachment:
    """An attachment (附件1) or an embedded document (the 办法 a notice 印发), as its own tree.

    Attributes:
        label: 「附件1」, 「附件一」, 「附件」; None for an embedded document.
        number: the attachment's number (附件3 → 3); its position for an embedded document.
        title: its title, lines joined and letter-spacing removed; None if it has none.
        notes: remarks under the title (「民政部　一九九七年一月二十八日」), without brackets.
        id: ``att-N`` for an attachment, ``doc-N`` for an embedded document; its sections'
            ids start with it.
        path: the label, or the title in 《》; its sections' paths start with it.
        header: the lines of the label, title and notes, as written.
        preamble, contents, sections, closing: as for a Document.
    """

    label: str | None
    number: int
    title: str | None
    notes: tuple[str, ...] = ()
    id: str = attrs.field(eq=False)
    path: str = attrs.field(eq=False)
    span: Span = attrs.field(eq=False)
    header: tuple[Paragraph, ...] = ()
    preamble: tuple[Paragraph, ...] = ()
    contents: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: tuple[Paragraph, ...] = ()

    def walk(self) -> tuple[Section, ...]:
        """Return every section of the attachment, in document order."""
        found: list[Section] = []
        for section in self.sections:
            found.extend(section.walk())
        return tuple(found)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Origin:
    """Where a line of the text came from in the file a reader read (a web page, a Word file).

    Attributes:
        span: the line's content in the text.
        element: the element that made the line: an HTML tag (``p``, ``h2``, ``tr``) or a
            Word part (``paragraph``, ``row``).
        locator: where that element is: an HTML element's path (``/html/body/div[2]/p[5]``),
            a Word paragraph's part and index (``word/document.xml#p17``).
        source_line: the element's line in the HTML source.
        index: a Word paragraph's index in its part.
        style: a Word paragraph's style.
        heading: heading evidence: an ``h1``-``h6`` element, a Heading style or an outline level.
        bold: how many characters at the line's start are bold.
        generated: the span of the characters a program drew (Word's numbering label and the
            tab or space after it); None when the author typed them all.
    """

    span: Span = attrs.field(eq=False)
    element: str
    locator: str
    source_line: int | None = None
    index: int | None = None
    style: str | None = None
    heading: int | None = None
    bold: int = 0
    generated: Span | None = attrs.field(eq=False, default=None)


@attrs.frozen(kw_only=True, weakref_slot=False)
class TableCell:
    """One cell of a table: its text and where it stands; a merged cell stands once."""

    text: str
    span: Span = attrs.field(eq=False)
    colspan: int = 1
    rowspan: int = 1


@attrs.frozen(kw_only=True, weakref_slot=False)
class TableRow:
    """One row of a table, a line of the text with its cells separated by tabs."""

    span: Span = attrs.field(eq=False)
    cells: tuple[TableCell, ...]


@attrs.frozen(kw_only=True, weakref_slot=False)
class Table:
    """A table of a web page or a Word file, as rows of cells; its rows are also lines of the
    text (and paragraphs of the section that holds it).

    Attributes:
        span: from its first row to its last.
        line: the 1-based line of its first row.
        section: the id of the innermost section (or attachment) that holds it; None outside both.
        rows: its rows, in order.
    """

    span: Span = attrs.field(eq=False)
    line: int = attrs.field(eq=False)
    section: str | None = attrs.field(eq=False, default=None)
    rows: tuple[TableRow, ...]


@attrs.frozen(kw_only=True, weakref_slot=False)
class Document:
    """A parsed document: everything in the input, in one of these fields.

    ``header`` holds the lines of the title, document number and recipients (and a Markdown
    file's front matter and history), ``preamble`` the text before the first section,
    ``contents`` a table of contents (目录, its heading line first), ``closing`` the lines
    after the body (attachment list, signature, date, notes), ``attachments`` the
    attachments and embedded documents, ``trailer`` what follows the document without being
    part of it (a list of download links), ``separators`` the characters between pieces:
    pieces and separators together cover the input exactly once. A document read from a web
    page or a Word file also has its ``tables`` (as rows of cells) and the ``provenance`` of
    each line (the element it came from). ``references`` are the cross-references in the
    text (「依照本法第六十五条」, 「前款」), resolved to the ids of the sections they name.
    """

    source: Source
    meta: Meta = attrs.field(factory=Meta)
    header: tuple[Paragraph, ...] = ()
    preamble: tuple[Paragraph, ...] = ()
    contents: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: tuple[Paragraph, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    trailer: tuple[Paragraph, ...] = ()
    page: Page | None = None
    joins: tuple[Join, ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    tables: tuple[Table, ...] = ()
    provenance: tuple[Origin, ...] = attrs.field(default=(), eq=False)
    separators: tuple[Separator, ...] = attrs.field(default=(), eq=False)
    references: tuple[Reference, ...] = attrs.field(default=(), eq=False)

    def walk(self, attachments: bool = False) -> tuple[Section, ...]:
        """Return every section of the document, in document order.

        Args:
            attachments: also every section of the attachments and embedded documents, after
                the document's own.
        """
        found: list[Section] = []
        for section in self.sections:
            found.extend(section.walk())
        if attachments:
            for attachment in self.attachments:
                found.extend(attachment.walk())
        return tuple(found)

    def find(self, key: str) -> Section | None:
        """The section whose id (``ch-3/art-10/cl-2``), else path (``第三章/第十条/第二款``) is
        ``key``, else the one section whose label or end of path is ``key`` (``第十条``,
        ``第十条/第二款``); None if none is. Attachments' sections are searched too.

        Raises:
            ValueError: if ``key`` is no id or path and several sections end with it.
        """
        from policyparse._navigate import find

        return find(self, key)

    def find_all(
        self, *, kind: Kind | str | None = None, label: str | None = None, number: int | None = None,
        title: str | None = None,
    ) -> tuple[Section, ...]:
        """Every section (attachments' too) with this kind, label, number and title, in
        document order; an argument left None matches anything."""
        from policyparse._navigate import find_all

        return find_all(self, kind=kind, label=label, number=number, title=title)

    def parent(self, section: Section) -> Section | None:
        """The section holding ``section``; None for a top-level one (of the document or of an
        attachment).

        Raises:
            ValueError: if ``section`` is not in this document (compared by id).
        """
        from policyparse._navigate import parent

        return parent(self, section)

    def ancestors(self, section: Section) -> tuple[Section, ...]:
        """The sections holding ``section``, the nearest first.

        Raises:
            ValueError: if ``section`` is not in this document (compared by id).
        """
        from policyparse._navigate import ancestors

        return ancestors(self, section)

    def references_to(self, section: Section) -> tuple[Reference, ...]:
        """The references that name ``section`` (its backlinks), in text order."""
        return tuple(reference for reference in self.references if section.id in reference.targets)

    @property
    def text(self) -> str:
        """The document's plain text as a reader would copy it: header, preamble, contents,
        sections, closing and attachments, a line per heading and paragraph; text set aside
        (page furniture, site chrome, a Word page header) is not in it. ``to_text`` gives the
        input back exactly."""
        from policyparse._plain import document_text

        return document_text(self)
