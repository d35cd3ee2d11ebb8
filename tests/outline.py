"""A plain-text outline of a Document, for golden files that a person reads by eye."""

from __future__ import annotations

from policyparse.model import Document, Section


def outline(document: Document) -> str:
    """Meta, then one line per section (indent, label, kind, title, paragraphs, line), per part."""
    rows = []
    meta = document.meta
    for name in ("title", "doc_number", "recipients", "issuers", "date", "notes", "history", "attachment_list"):
        value = getattr(meta, name)
        if value:
            rows.append(f"meta.{name}: {' | '.join(value) if isinstance(value, tuple) else value}")
    rows.append(f"header: {len(document.header)} line(s)")
    rows.append(f"preamble: {len(document.preamble)} paragraph(s)")
    if document.contents:
        rows.append(f"contents: {len(document.contents)} line(s), from 「{document.contents[0].text}」")
    rows.extend(_sections(document.sections, 0))
    if document.closing:
        rows.append(f"closing: {' | '.join(p.text for p in document.closing)}")
    for attachment in document.attachments:
        rows.append(
            f"attachment {attachment.id} {attachment.label or '(embedded)'} 「{attachment.title}」"
            + (f" notes: {' | '.join(attachment.notes)}" if attachment.notes else "")
        )
        rows.append(f"  preamble: {len(attachment.preamble)} paragraph(s)")
        if attachment.contents:
            rows.append(f"  contents: {len(attachment.contents)} line(s)")
        rows.extend(_sections(attachment.sections, 1))
        if attachment.closing:
            rows.append(f"  closing: {' | '.join(p.text for p in attachment.closing)}")
    if document.trailer:
        rows.append(f"trailer: {len(document.trailer)} line(s)")
    rows.extend(
        f"diagnostic L{d.line}: {d.severity.value} {d.code}: {d.message}" for d in document.diagnostics
    )
    return "\n".join(rows) + "\n"


def _sections(sections: tuple[Section, ...], indent: int) -> list[str]:
    rows = []
    for top in sections:
        for section in top.walk():
            depth = section.path.count("/") - (1 if indent else 0) + indent
            label = section.path.rsplit("/", 1)[-1]
            title = f" 「{section.title}」" if section.title is not None else ""
            rows.append(
                f"{'  ' * depth}{label} {section.kind.value}{title}"
                f" ¶{len(section.paragraphs)} L{section.line}"
            )
    return rows
