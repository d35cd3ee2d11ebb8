"""Reader stage (Word): a .docx file → a :class:`~policyparse.readers.reading.Reading`, one block per line Word shows.

The stages, each in its own module: ``package`` (the zip, its parts, the bad-file errors),
``xml`` (namespaces, the wrappers read through, the safe parser), ``styles``, ``numbering``
(definitions, counters, labels) with ``formats`` (a counter value in a numFmt), ``context``
(what the stories share), ``body`` (a story's paragraphs and tables as blocks, numbered) with
``inline`` (one paragraph's runs, fields, text boxes and tracked changes) and ``tables`` (a
table's rows and cell spans), ``notes`` (headers, footers, footnotes, endnotes, comments) and
``facts`` (the title).
"""

from __future__ import annotations

from policyparse.errors import PolicyParseError
from policyparse.readers.docx.body import Story
from policyparse.readers.docx.context import Context
from policyparse.readers.docx.facts import metadata_facts
from policyparse.readers.docx.notes import read_set_aside
from policyparse.readers.docx.numbering import Numbering
from policyparse.readers.docx.package import open_package
from policyparse.readers.docx.styles import Styles
from policyparse.readers.docx.xml import w
from policyparse.readers.reading import Reading, Role

__all__ = ["read_docx"]

# ISO 29500 Strict names every element in other namespaces; Word saves it only when asked to.
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def read_docx(data: bytes) -> Reading:
    """Read a Word file as Word shows it: one block per line, numbering labels drawn.

    Body blocks come first, in reading order (a table row is one block); then, set aside
    with their roles, the page headers, page footers, footnotes, endnotes and comments.

    Args:
        data: the bytes of a .docx file.

    Returns:
        The reading: blocks, the title facts, and remarks (``tracked-changes``,
        ``numbering-format``).

    Raises:
        PolicyParseError: the bytes are not a readable .docx (not a zip, a truncated zip, no
            word/document.xml, an old .doc, an encrypted file, malformed XML, a part too
            large, a Strict Open XML file); the message is one line.
    """
    package = open_package(data)
    document = package.xml(package.main)
    if document.tag != w("document"):
        raise PolicyParseError(_not_wordprocessing(package.main, str(document.tag)))
    styles_part = package.target("styles")
    styles = Styles(package.xml(styles_part) if styles_part is not None else None)
    numbering_part = package.target("numbering")
    numbering = Numbering(package.xml(numbering_part) if numbering_part is not None else None, styles)
    context = Context(styles, numbering)
    body = document.find(w("body"))
    if body is not None:
        Story(context, package.main, document, Role.BODY).read(body)
        read_set_aside(package, context, body)
    remarks: list[tuple[str, str]] = []
    if context.insertions or context.deletions:
        remarks.append(
            (
                "tracked-changes",
                "the Word file has tracked changes; read as if all were accepted "
                f"({context.insertions} insertions, {context.deletions} deletions)",
            )
        )
    remarks.extend(
        ("numbering-format", f"numbering format {name} is not supported; its labels are written in decimal")
        for name in context.unknown_formats
    )
    blocks = tuple(context.blocks)
    return Reading(kind="docx", blocks=blocks, facts=metadata_facts(package, blocks), remarks=tuple(remarks))


def _not_wordprocessing(part: str, tag: str) -> str:
    """The error for a main part that is no (transitional) WordprocessingML document."""
    if tag == "{" + _STRICT + "}document":
        return (
            "a Strict Open XML Word file, which this reader does not read; "
            "save it in Word as a Word Document (.docx)"
        )
    return f"not a Word file: {part} is not a WordprocessingML document"
