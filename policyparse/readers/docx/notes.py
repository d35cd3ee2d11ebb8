"""Reader stage (Word): what is set aside from the body: page headers and footers, notes, comments.

These come after all body blocks, in this order, each with the role that sets it aside:

- page headers (PAGE_HEADER), then page footers (PAGE_FOOTER): the parts the body's section
  properties (``w:sectPr``, the last one and those of earlier sections) reference, each
  distinct part once, in order of first reference; locators ``word/header1.xml#p0``.
- footnotes (FOOTNOTE), then endnotes (ENDNOTE): those the stories referenced, in order of
  first reference (the order Word numbers them), the separator notes (``w:type`` set)
  skipped; locators ``word/footnotes.xml#n1p0`` (note 1, its paragraph 0).
- comments (COMMENT), in the order of the comments part; locators ``word/comments.xml#c0p0``.

A reference mark (``w:footnoteRef`` in the note, the reference in the body) writes no text,
so a note's block starts with whatever the author typed after the mark.
"""

from __future__ import annotations

from lxml import etree

from policyparse.readers.docx.body import Story
from policyparse.readers.docx.context import Context
from policyparse.readers.docx.package import Package
from policyparse.readers.docx.xml import R_ID, P, w
from policyparse.readers.reading import Role

__all__ = ["read_set_aside"]

_SECT_PR_CHANGE = w("sectPrChange")


def read_set_aside(package: Package, context: Context, body: etree._Element) -> None:
    """Read the headers, footers, notes and comments of a file into ``context.blocks``.

    Args:
        package: the open package.
        context: the reading's state, the body already read (its note references collected).
        body: the ``w:body`` element, whose section properties name the headers and footers.

    Raises:
        PolicyParseError: a part is damaged or malformed.
    """
    for kind, role in (("headerReference", Role.PAGE_HEADER), ("footerReference", Role.PAGE_FOOTER)):
        for part in _referenced_parts(package, body, kind):
            root = package.xml(part)
            Story(context, part, root, role).read(root)
    _read_notes(package, context, "footnotes", "footnote", context.footnotes, Role.FOOTNOTE)
    _read_notes(package, context, "endnotes", "endnote", context.endnotes, Role.ENDNOTE)
    comments = package.target("comments")
    if comments is not None:
        root = package.xml(comments)
        story = Story(context, comments, root, Role.COMMENT)
        for comment in root.iter(w("comment")):
            story.read(comment, prefix=f"c{comment.get(w('id'), '')}", first=next(comment.iter(P), None))


def _referenced_parts(package: Package, body: etree._Element, kind: str) -> list[str]:
    """The header (or footer) parts the body's sections reference, each once, in order."""
    parts: dict[str, None] = {}
    for reference in body.iter(w(kind)):
        section = reference.getparent()
        holder = section.getparent() if section is not None else None
        if holder is not None and holder.tag == _SECT_PR_CHANGE:
            continue  # the section's properties before a tracked change
        part = package.by_id(reference.get(R_ID) or "")
        if part is not None:
            parts.setdefault(part, None)
    return list(parts)


def _read_notes(
    package: Package, context: Context, relationship: str, tag: str, referenced: dict[str, None], role: Role
) -> None:
    part = package.target(relationship)
    if part is None or not referenced:
        return
    root = package.xml(part)
    notes: dict[str, etree._Element] = {}
    for element in root.iter(w(tag)):
        if element.get(w("type"), "normal") == "normal":
            notes.setdefault(element.get(w("id"), ""), element)
    story = Story(context, part, root, role)
    for note_id in referenced:
        note = notes.get(note_id)
        if note is not None:
            story.read(note, prefix=f"n{note_id}", first=next(note.iter(P), None))
