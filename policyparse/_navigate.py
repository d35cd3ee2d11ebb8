"""Model stage (views): finding sections in a Document by id, path or label, and their parents.

What users of lxml or ElementTree expect: ``find``, ``find_all``, ``parent``, ``ancestors``.
A document's sections and those of its attachments and embedded documents are searched
together: their ids and paths never clash (an attachment's start with ``att-N``/``附件N``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policyparse.model import Document, Kind, Section


def every_section(document: Document) -> Iterator[Section]:
    """The document's sections, then each attachment's, in document order."""
    yield from document.walk()
    for attachment in document.attachments:
        yield from attachment.walk()


def find(document: Document, key: str) -> Section | None:
    """The section whose id is ``key``, else whose path is ``key``, else the one section whose
    path ends with ``key`` (a label, 「第十条」, or the end of a path, 「第十条/第二款」 under
    第二章); None when none is.

    Raises:
        ValueError: when ``key`` is no id or path and the ends of several paths match it
            (「第十条」 of the law and of its embedded 办法); the message lists their paths.
    """
    ending = "/" + key
    by_path = None
    by_ending = []
    for section in every_section(document):
        if section.id == key:
            return section
        if by_path is None and section.path == key:
            by_path = section
        if section.path.endswith(ending) or section.label == key:
            by_ending.append(section)
    if by_path is not None:
        return by_path
    if len(by_ending) > 1:
        paths = "、".join(section.path for section in by_ending[:5])
        more = " …" if len(by_ending) > 5 else ""
        raise ValueError(f"{len(by_ending)} sections match {key!r} ({paths}{more}); find one by its path or id")
    return by_ending[0] if by_ending else None


def find_all(
    document: Document, *, kind: Kind | str | None = None, label: str | None = None, number: int | None = None,
    title: str | None = None,
) -> tuple[Section, ...]:
    """Every section (attachments' included) with the given kind, label, number and title, in
    document order; an argument left None matches any value."""
    wanted_kind = None if kind is None else str(kind)
    return tuple(
        section for section in every_section(document)
        if (wanted_kind is None or section.kind.value == wanted_kind)
        and (label is None or section.label == label)
        and (number is None or section.number == number)
        and (title is None or section.title == title)
    )


def ancestors(document: Document, section: Section) -> tuple[Section, ...]:
    """The sections that hold ``section``, the nearest first (as lxml's ``iterancestors``).

    Raises:
        ValueError: if ``section`` is not in the document (compared by its id).
    """
    tops = [*document.sections, *(top for attachment in document.attachments for top in attachment.sections)]
    for top in tops:
        chain = _chain(top, section.id)
        if chain is not None:
            return tuple(reversed(chain[:-1]))
    raise ValueError(f"section {section.id!r} ({section.path}) is not in this document")


def parent(document: Document, section: Section) -> Section | None:
    """The section that holds ``section``; None for a top-level section of the document or of
    an attachment.

    Raises:
        ValueError: if ``section`` is not in the document.
    """
    found = ancestors(document, section)
    return found[0] if found else None


def _chain(section: Section, wanted: str) -> list[Section] | None:
    """The sections from ``section`` down to the one whose id is ``wanted``, if it is below."""
    if section.id == wanted:
        return [section]
    # Ids are structural: a descendant's id starts with its ancestors' (h1-4/h2-6 under h1-4).
    if not wanted.startswith(section.id + "/"):
        return None
    for child in section.children:
        below = _chain(child, wanted)
        if below is not None:
            return [section, *below]
    return None
