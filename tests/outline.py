"""A plain-text outline of a Document, for golden files that a person reads by eye."""

from __future__ import annotations

from policyparse.model import Document


def outline(document: Document) -> str:
    """One line per section (indent, label, kind, title, paragraph count, line), then diagnostics."""
    rows = [f"preamble: {len(document.preamble)} paragraph(s)"]
    if document.contents:
        rows.append(f"contents: {len(document.contents)} line(s), from 「{document.contents[0].text}」")
    for section in document.walk():
        depth = section.id.count("/")
        label = section.label if section.label is not None else "(implicit)"
        title = f" 「{section.title}」" if section.title is not None else ""
        rows.append(
            f"{'  ' * depth}{label} {section.kind.value}{title}"
            f" ¶{len(section.paragraphs)} L{section.line}"
        )
    rows.extend(
        f"diagnostic L{d.line}: {d.severity.value} {d.code}: {d.message}" for d in document.diagnostics
    )
    return "\n".join(rows) + "\n"
