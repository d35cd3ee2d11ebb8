"""Model stage: turn drafts and lines into the frozen Document.

Decides each section's kind (（一） inside an article is an item), title, number, id and
path, cuts every line into pieces (label, title, paragraphs) and records the characters
between pieces as separators, so that pieces and separators cover the input exactly once.
"""

from __future__ import annotations

import hashlib

import lark

from policyparse import _titles
from policyparse._grammar import TEXT, UNKNOWN
from policyparse._lexer import WHITESPACE, Line
from policyparse._tree import RANK, Draft
from policyparse.model import (
    Diagnostic,
    Document,
    Kind,
    Paragraph,
    Section,
    Separator,
    Severity,
    Source,
    Span,
)
from policyparse.numerals import label_value

_RULE_KIND = {
    "book": Kind.BOOK, "subbook": Kind.SUBBOOK, "part": Kind.PART,
    "chapter": Kind.CHAPTER, "section": Kind.SECTION, "article": Kind.ARTICLE,
    "heading1": Kind.HEADING1, "heading2": Kind.HEADING2, "heading3": Kind.HEADING3,
    "heading4": Kind.HEADING4, "heading5": Kind.HEADING5,
    "outline1": Kind.OUTLINE, "outline2": Kind.OUTLINE, "outline3": Kind.OUTLINE,
    "outline4": Kind.OUTLINE,
}
_ID_PREFIX = {
    Kind.BOOK: "bk", Kind.SUBBOOK: "sbk", Kind.PART: "pt", Kind.CHAPTER: "ch",
    Kind.SECTION: "sec", Kind.ARTICLE: "art", Kind.CLAUSE: "cl", Kind.ITEM: "item",
    Kind.SUBITEM: "sub", Kind.HEADING1: "h1", Kind.HEADING2: "h2", Kind.HEADING3: "h3",
    Kind.HEADING4: "h4", Kind.HEADING5: "h5", Kind.OUTLINE: "ol", Kind.PREFACE: "pre",
    Kind.SUPPLEMENTARY: "supp",
}
_DIVISIONS = {Kind.BOOK, Kind.SUBBOOK, Kind.PART, Kind.CHAPTER, Kind.SECTION}
_STATUTE_UNITS = {Kind.ARTICLE, Kind.ITEM, Kind.SUBITEM}
IMPLICIT_PATH_SEGMENT = "…"


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
        number = label_value(after.marker) - 1 if after.marker is not None else 0
        if number < 1:
            break  # the shallower section is a first one: what precedes it is an introduction
        parent = Draft(after.rule, None, [], sections[:shallower], implicit_number=number)
        sections = [parent, *sections[shallower:]]
    return sections


class DocumentBuilder:
    """Builds one Document from the text, its lines and the root draft."""

    def __init__(self, text: str, lines: list[Line], name: str | None) -> None:
        self.text = text
        self.lines = lines
        self.name = name
        self.pieces: list[Span] = []
        self.diagnostics: list[Diagnostic] = []

    def build(self, root: Draft) -> tuple[Document, list[Diagnostic]]:
        """Return the document (without numbering diagnostics) and the lexing diagnostics."""
        preamble = self._paragraphs(root.body)
        contents: tuple[Paragraph, ...] = ()
        drafts = root.children
        if drafts and drafts[0].rule == "contents":
            table, *drafts = drafts
            contents = self._paragraphs([*([table.marker] if table.marker else []), *table.body])
        sections = self._sections(wrap_fragment(drafts), parent=None)
        source = Source(
            name=self.name,
            length=len(self.text),
            sha256=hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest(),
        )
        document = Document(
            source=source,
            preamble=preamble,
            contents=contents,
            sections=sections,
            separators=self._separators(),
        )
        return document, self.diagnostics

    # -- sections -------------------------------------------------------------------

    def _sections(self, drafts: list[Draft], parent: Section | None) -> tuple[Section, ...]:
        """Build sibling sections; a repeated number gets an id suffix (``h2-3~2``)."""
        seen: dict[str, int] = {}
        built = []
        for draft in drafts:
            section = self._section(draft, parent, seen)
            built.append(section)
        return tuple(built)

    def _own_id(self, kind: Kind, number: int | None, parent: Section | None, seen: dict[str, int]) -> str:
        segment = _id_segment(kind, number)
        seen[segment] = seen.get(segment, 0) + 1
        if seen[segment] > 1:
            segment = f"{segment}~{seen[segment]}"
        return f"{parent.id}/{segment}" if parent else segment

    def _section(self, draft: Draft, parent: Section | None, seen: dict[str, int]) -> Section:
        kind = self._kind(draft.rule, parent)
        if draft.marker is None:
            return self._implicit(draft, kind, parent, seen)
        line = self._line_of(draft.marker)
        label_span = (line.content_start, line.label_end)
        label = self.text[label_span[0] : label_span[1]]
        number = label_value(label)
        body_lines = self._lines_of(draft.body)
        has_more = bool(draft.children) or any(not b.is_blank for b in body_lines)
        family = _family(kind)
        title, title_span, inline, body_lines = self._title(line, family, has_more, body_lines)
        written = self.text[title_span[0] : title_span[1]] if title_span else None
        paragraphs = inline + self._paragraphs_of_lines(body_lines)
        own_id = self._own_id(kind, number, parent, seen)
        own_path = f"{parent.path}/{label}" if parent else label
        self.pieces.append(label_span)
        if title_span:
            self.pieces.append(title_span)
        stub = Section(
            kind=kind, label=label, number=number, title=title, id=own_id, path=own_path,
            line=line.number, span=label_span,
        )
        children = self._sections(draft.children, stub)
        end = max([label_span[1], *(p.span[1] for p in paragraphs), *(c.span[1] for c in children)])
        if title_span:
            end = max(end, title_span[1])
        return Section(
            kind=kind, label=label, number=number, title=title,
            paragraphs=tuple(paragraphs), children=children, id=own_id, path=own_path,
            line=line.number, span=(label_span[0], end), label_span=label_span,
            title_span=title_span, title_as_written=written if written != title else None,
        )

    def _implicit(
        self, draft: Draft, kind: Kind, parent: Section | None, seen: dict[str, int]
    ) -> Section:
        number = draft.implicit_number
        own_id = self._own_id(kind, number, parent, seen)
        own_path = f"{parent.path}/{IMPLICIT_PATH_SEGMENT}" if parent else IMPLICIT_PATH_SEGMENT
        first = draft.children[0]
        while first.marker is None:
            first = first.children[0]
        line_number = self._line_of(first.marker).number
        stub = Section(
            kind=kind, label=None, number=number, title=None, implicit=True, id=own_id,
            path=own_path, line=line_number, span=(0, 0),
        )
        children = self._sections(draft.children, stub)
        return Section(
            kind=kind, label=None, number=number, title=None, children=children,
            implicit=True, id=own_id, path=own_path, line=line_number,
            span=(children[0].span[0], children[-1].span[1]),
        )

    @staticmethod
    def _kind(rule: str, parent: Section | None) -> Kind:
        kind = _RULE_KIND[rule]
        if parent is None:
            return kind
        if kind is Kind.HEADING1 and parent.kind in (Kind.CHAPTER, Kind.SECTION):
            # 一、 numbering the articles of a chaptered text (the 2004 State Council rules).
            return Kind.ARTICLE
        inside_article = parent.kind in _STATUTE_UNITS
        if inside_article and kind is Kind.HEADING2:
            return Kind.ITEM
        if inside_article and kind is Kind.HEADING3:
            return Kind.SUBITEM
        return kind

    # -- titles and paragraphs ------------------------------------------------------

    def _title(
        self, line: Line, family: str, has_more: bool, body_lines: list[Line]
    ) -> tuple[str | None, Span | None, list[Paragraph], list[Line]]:
        """Return title, title span, the inline body paragraph(s) and the remaining lines."""
        rest_start = line.label_end
        while rest_start < line.content_end and self.text[rest_start] in WHITESPACE:
            rest_start += 1
        rest = self.text[rest_start : line.content_end]
        if not rest:
            return self._title_on_next_line(family, body_lines)
        split = _titles.split_heading_rest(rest, family, has_more=has_more)
        if split is None:
            return None, None, [self._paragraph(rest_start, line.content_end)], body_lines
        title_span = (rest_start, rest_start + split.title_end)
        title = _titles.clean_title(rest[: split.title_end], family)
        body_start = rest_start + split.body_start
        while body_start < line.content_end and self.text[body_start] in WHITESPACE:
            body_start += 1
        inline = [self._paragraph(body_start, line.content_end)] if body_start < line.content_end else []
        return title, title_span, inline, body_lines

    def _title_on_next_line(
        self, family: str, body_lines: list[Line]
    ) -> tuple[str | None, Span | None, list[Paragraph], list[Line]]:
        """A label alone on its line may have its title on the next line (「（三）」 / 「合理用药」)."""
        if family == "statute":
            return None, None, [], body_lines
        filled = [i for i, b in enumerate(body_lines) if not b.is_blank]
        if not filled or body_lines[filled[0]].kind != TEXT:
            return None, None, [], body_lines
        candidate = body_lines[filled[0]]
        text = self.text[candidate.content_start : candidate.content_end]
        if not _titles.is_standalone_title(text):
            return None, None, [], body_lines
        span = (candidate.content_start, candidate.content_end)
        return _titles.clean_title(text, family), span, [], body_lines[filled[0] + 1 :]

    def _line_of(self, token: lark.Token) -> Line:
        assert token.line is not None
        return self.lines[token.line - 1]

    def _lines_of(self, tokens: list[lark.Token]) -> list[Line]:
        found: list[Line] = []
        for token in tokens:
            assert token.line is not None and token.end_line is not None
            found.extend(self.lines[token.line - 1 : token.end_line])
        return found

    def _paragraphs(self, tokens: list[lark.Token]) -> tuple[Paragraph, ...]:
        return tuple(self._paragraphs_of_lines(self._lines_of(tokens)))

    def _paragraphs_of_lines(self, lines: list[Line]) -> list[Paragraph]:
        paragraphs = []
        for line in lines:
            if line.is_blank:
                continue
            if line.kind == UNKNOWN:
                label = self.text[line.content_start : line.label_end]
                self.diagnostics.append(
                    Diagnostic(
                        code="unknown-marker",
                        severity=Severity.WARNING,
                        message=f"「{label}」 looks like numbering but is no scheme known here; kept as text",
                        line=line.number,
                        span=(line.content_start, line.label_end),
                    )
                )
            paragraphs.append(self._paragraph(line.content_start, line.content_end))
        return paragraphs

    def _paragraph(self, start: int, end: int) -> Paragraph:
        self.pieces.append((start, end))
        return Paragraph(text=self.text[start:end], span=(start, end))

    def _separators(self) -> tuple[Separator, ...]:
        separators = []
        position = 0
        for start, end in sorted(self.pieces):
            if start < position:
                raise AssertionError(f"overlapping pieces at {start}")
            if start > position:
                separators.append(Separator(start=position, text=self.text[position:start]))
            position = end
        if position < len(self.text):
            separators.append(Separator(start=position, text=self.text[position:]))
        return tuple(separators)


def _family(kind: Kind) -> str:
    if kind in _DIVISIONS:
        return "division"
    if kind in _STATUTE_UNITS:
        return "statute"
    return "official"


def _id_segment(kind: Kind, number: int | None) -> str:
    return f"{_ID_PREFIX[kind]}-{number if number is not None else 0}"
