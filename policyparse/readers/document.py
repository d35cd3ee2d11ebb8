"""Reader stage: parse a reading's text, then add what only the file knew (tables, origins, facts).

The parser reads the assembled text as it reads any text, with the reader's set-aside lines
kept out of the flow. Afterwards the document gets the file's tables as rows of cells, the
origin of each line, the labels that Word's numbering drew marked as generated, and the
metadata facts of a web page's grid where the text lacks them or says otherwise.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from policyparse._meta import as_date
from policyparse._parse import parse_text
from policyparse.layout import ReaderHints
from policyparse.model import (
    Diagnostic,
    Document,
    Meta,
    Origin,
    Section,
    Severity,
    Span,
    Table,
    TableCell,
    TableRow,
)
from policyparse.readers.assemble import Assembled, Placed, assemble
from policyparse.readers.reading import Fact, Reading, Role

# The facts a metadata table states that ``Meta`` has fields for; the others go to ``meta.facts``.
_FIELDS = ("title", "doc_number", "date", "issuers")
# A source whose fact is the file's own word on the document and so stands over the text's.
_AUTHORITATIVE = frozenset({"metadata-table"})
# The sources that may fill a field of ``Meta``; a Word file's properties often name a template.
_FILLING = frozenset({"metadata-table", "docx-title-style", "html-heading"})
_NAMES = {"title": "标题", "doc_number": "发文字号", "date": "成文日期", "issuers": "发文机关"}
_ORGAN_SEPARATOR = regex.compile(r"[、，,；;\s\u3000]+")
_UNSPACE = regex.compile(r"[\s\u3000\u00a0\u2000-\u200b]+")


def document_from_reading(
    reading: Reading, *, name: str | None = None, strict: bool = False, page: bool | None = None
) -> Document:
    """Parse what a reader read into a Document.

    Args:
        reading: the blocks of a web page or a Word file.
        name: the source's name (a file name).
        strict: raise on numbering problems (see :func:`policyparse.parse`).
        page: newspaper-page extraction: off unless True (a reader's blocks are no newspaper page).
    """
    assembled = assemble(reading)
    hints = ReaderHints(set_aside=assembled.set_aside, tables=assembled.tables)
    document = parse_text(assembled.text, name=name, strict=strict, page=bool(page), reader=hints)
    generated = [
        (p.span[0], p.span[0] + p.block.generated_label) for p in assembled.placed if p.block.generated_label
    ]
    sections = _marked(document.sections, generated)
    attachments = tuple(
        attrs.evolve(attachment, sections=_marked(attachment.sections, generated))
        for attachment in document.attachments
    )
    document = attrs.evolve(document, sections=sections, attachments=attachments)
    meta, notes = _meta(document.meta, reading.facts, assembled)
    remarks = [Diagnostic(code=code, severity=Severity.INFO, message=message) for code, message in reading.remarks]
    return attrs.evolve(
        document,
        meta=meta,
        tables=_tables(assembled, document),
        provenance=_provenance(assembled.placed),
        diagnostics=(*remarks, *document.diagnostics, *notes),
    )


# -- generated labels -------------------------------------------------------------------------


def _marked(sections: tuple[Section, ...], generated: Sequence[Span]) -> tuple[Section, ...]:
    """The sections, with ``generated`` set on each whose label a program drew."""
    if not generated:
        return sections
    starts = [start for start, _ in generated]
    return tuple(_mark(section, generated, starts) for section in sections)


def _mark(section: Section, generated: Sequence[Span], starts: list[int]) -> Section:
    children = tuple(_mark(child, generated, starts) for child in section.children)
    drawn = False
    if section.label_span is not None:
        i = bisect.bisect_right(starts, section.label_span[0]) - 1
        drawn = i >= 0 and generated[i][0] <= section.label_span[0] and section.label_span[1] <= generated[i][1]
    # Identity, not equality: ``generated`` is left out of a section's equality.
    if not drawn and all(new is old for new, old in zip(children, section.children, strict=True)):
        return section
    return attrs.evolve(section, children=children, generated=drawn)


# -- provenance and tables -----------------------------------------------------------------------


def _provenance(placed: Iterable[Placed]) -> tuple[Origin, ...]:
    origins = []
    for item in placed:
        block = item.block
        if not block.text:
            continue
        start = item.span[0]
        origins.append(
            Origin(
                span=item.span, element=block.element, locator=block.locator, source_line=block.source_line,
                index=block.index, style=block.style, heading=block.heading, bold=block.bold,
                generated=(start, start + block.generated) if block.generated else None,
            )
        )
    return tuple(origins)


def _tables(assembled: Assembled, document: Document) -> tuple[Table, ...]:
    """The document's tables (those with a row in its body), as rows of cells.

    A row is one block (its cells joined by tabs) or several blocks with the same ``row``
    (one cell a line).
    """
    tables: dict[int, dict[int, list[Placed]]] = {}
    for position, item in enumerate(assembled.placed):
        block = item.block
        # The document's rows only: a metadata grid's facts are in ``meta``, chrome is chrome.
        if block.table is not None and block.role is Role.BODY:
            rows = tables.setdefault(block.table, {})
            rows.setdefault(position if block.row is None else block.row, []).append(item)
    line_starts = _line_starts(assembled.text)
    built = []
    for _, rows in sorted(tables.items()):
        table_rows = [_row(assembled.text, row) for _, row in sorted(rows.items())]
        built.append((table_rows, (table_rows[0].span[0], table_rows[-1].span[1])))
    holders = _holders(_section_spans(document), [span for _, span in built])
    return tuple(
        Table(span=span, line=bisect.bisect_right(line_starts, span[0]), section=holder, rows=tuple(rows))
        for (rows, span), holder in zip(built, holders, strict=True)
    )


def _row(text: str, blocks: list[Placed]) -> TableRow:
    cells: list[TableCell] = []
    for item in blocks:
        start = item.span[0]
        cells.extend(
            TableCell(
                text=text[start + cell.start : start + cell.end], span=(start + cell.start, start + cell.end),
                colspan=cell.colspan, rowspan=cell.rowspan,
            )
            for cell in item.block.cells
        )
    return TableRow(span=(blocks[0].span[0], blocks[-1].span[1]), cells=tuple(cells))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _section_spans(document: Document) -> list[tuple[Span, str]]:
    found = [(section.span, section.id) for section in document.walk()]
    for attachment in document.attachments:
        found.append((attachment.span, attachment.id))
        found.extend((section.span, section.id) for section in attachment.walk())
    return found


def _holders(sections: list[tuple[Span, str]], tables: list[Span]) -> list[str | None]:
    """For each table, the id of the innermost section holding all of it, in one sweep.

    Sections come in document order (a parent before its children), tables in order and
    apart: a section that closes before one table's end closes before every later table's.
    """
    holders: list[str | None] = []
    open_sections: list[tuple[Span, str]] = []
    following = 0
    for start, end in tables:
        while following < len(sections) and sections[following][0][0] <= start:
            open_sections.append(sections[following])
            following += 1
        holder = None
        for (section_start, section_end), section_id in reversed(open_sections):
            if section_start <= start and end <= section_end:
                holder = section_id
                break
        holders.append(holder)
        while open_sections and open_sections[-1][0][1] < end:
            open_sections.pop()
    return holders


# -- metadata facts ------------------------------------------------------------------------------


def _meta(meta: Meta, facts: Sequence[Fact], assembled: Assembled) -> tuple[Meta, list[Diagnostic]]:
    """``meta`` with the file's facts: a field the text lacks is filled; a metadata table's
    title, number, date or issuers stand over the text's when they differ (with a note), but
    not when the text says the same more precisely.
    Other facts (a page's 发布日期, 索引号, its ``<title>``) go to ``meta.facts``."""
    grouped: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        grouped.setdefault((fact.field, fact.source), []).append(fact)
    changes: dict[str, Any] = {}
    spans = dict(meta.spans)
    sources = dict(meta.sources)
    extra = dict(meta.facts)
    notes = []
    # The metadata table first: a Title style only fills what neither the text nor the table gave.
    for (field, source), group in sorted(grouped.items(), key=lambda item: item[0][1] not in _AUTHORITATIVE):
        found = tuple(span for span in (_fact_span(fact, assembled) for fact in group) if span is not None)
        joined = "".join(fact.value for fact in group)
        if field not in _FIELDS or source not in _FILLING:
            key = f"properties_{field}" if source == "docx-properties" else field
            extra.setdefault(key, joined)
            if found:
                spans.setdefault(key, found)
            continue
        value: object = joined
        if field == "issuers":
            value = tuple(organ for organ in _ORGAN_SEPARATOR.split(joined) if organ)
        elif field == "date":
            value = as_date(joined)
            if value is None:
                continue
        current = changes.get(field, getattr(meta, field))
        if current and (_agrees(current, value) or source not in _AUTHORITATIVE):
            continue
        if current:
            notes.append(
                Diagnostic(
                    code="meta-conflict", severity=Severity.INFO,
                    message=f"the page's metadata table gives the {_NAMES[field]} 「{_shown(value)}」, the "
                    f"text 「{_shown(current)}」; the table's is kept",
                    line=_line_of(found[0] if found else None, assembled), span=found[0] if found else None,
                )
            )
        changes[field] = value
        sources[field] = source
        if found:
            spans[field] = found
        else:
            spans.pop(field, None)
    return attrs.evolve(meta, **changes, spans=spans, sources=sources, facts=extra), notes


def _fact_span(fact: Fact, assembled: Assembled) -> Span | None:
    if fact.block is None:
        return None
    start = assembled.placed[fact.block].span[0]
    return (start + fact.start, start + fact.end)


def _line_of(span: Span | None, assembled: Assembled) -> int | None:
    if span is None:
        return None
    return assembled.text.count("\n", 0, span[0]) + 1


def _agrees(current: object, value: object) -> bool:
    """Whether the file's ``value`` says what the text's ``current`` says: the same, separators
    and spaces aside, or part of it (a table's 「省住房公积金管理局」 in a signature's
    「海南省住房公积金管理局」: the text is the more precise, and it stays)."""
    if isinstance(current, datetime.date) or isinstance(value, datetime.date):
        return current == value
    told, written = _comparable(value), _comparable(current)
    return bool(told) and told in written


def _comparable(value: object) -> str:
    joined = "".join(value) if isinstance(value, tuple) else str(value)
    return str(_ORGAN_SEPARATOR.sub("", _UNSPACE.sub("", joined)))


def _shown(value: object) -> str:
    return "、".join(value) if isinstance(value, tuple) else f"{value}"
