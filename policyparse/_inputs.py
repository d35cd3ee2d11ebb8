"""Input stage: a file's bytes → the reader that fits them (text, web page, Word file) → Document."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Literal

import attrs

from policyparse._decode import decode, parse_decoded
from policyparse._formats import DOCX_SUFFIXES, HTML_SUFFIXES, MARKDOWN_SUFFIXES
from policyparse.model import Diagnostic, Document
from policyparse.readers.reading import Reading
from policyparse.readers.sniff import OLE_SIGNATURE, looks_like_html

InputKind = Literal["text", "html", "docx"]

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"


def input_kind(data: bytes, name: str | None = None) -> InputKind:
    """Which reader fits ``data``: a Word file by its zip or OLE signature (or a .docx name),
    a web page by its name (.html, .htm) or its content, else text.

    Args:
        data: the file's bytes.
        name: its name, whose suffix is a hint; None for stdin.
    """
    suffix = PurePath(name).suffix.lower() if name else ""
    if data.startswith((_ZIP, _EMPTY_ZIP, OLE_SIGNATURE)) or suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in MARKDOWN_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "html" if looks_like_html(data) else "text"


@attrs.frozen
class Input:
    """What a reader made of a file's bytes: decoded text (with its encoding note), or the
    reading of a web page or a Word file. The bytes are no longer needed."""

    text: str | None = None
    note: Diagnostic | None = None
    reading: Reading | None = None


def read_input(data: bytes, name: str | None = None) -> Input:
    """Read a file's bytes with the reader that fits them (see :func:`input_kind`).

    Raises:
        PolicyParseError: if no reader can read them (binary data, an undecodable text, a
            broken or encrypted Word file, a page with no document).
    """
    kind = input_kind(data, name)
    if kind == "html":
        from policyparse.readers.html import read_html  # lxml is imported for pages only

        return Input(reading=read_html(data))
    if kind == "docx":
        from policyparse.readers.docx import read_docx

        return Input(reading=read_docx(data))
    text, note = decode(data)
    return Input(text=text, note=note)


def parse_input(
    read: Input, *, name: str | None = None, strict: bool = False, page: bool | None = None
) -> Document:
    """Parse what :func:`read_input` gave."""
    if read.reading is not None:
        from policyparse.readers.document import document_from_reading

        return document_from_reading(read.reading, name=name, strict=strict, page=page)
    assert read.text is not None
    return parse_decoded(read.text, read.note, name=name, strict=strict, page=page)


def parse_bytes(
    data: bytes, *, name: str | None = None, strict: bool = False, page: bool | None = None
) -> Document:
    """Parse a file's bytes with the reader that fits them: text, a web page or a Word file.

    Args:
        data: the file's bytes.
        name: the file's name, kept in ``document.source.name``; its suffix is a hint.
        strict: raise on numbering problems (see :func:`policyparse.parse`).
        page: newspaper-page extraction (see :func:`policyparse.parse`).

    Raises:
        PolicyParseError: if the bytes are no document that a reader can read (binary data,
            an undecodable text, a broken or encrypted Word file, a page with no document),
            or (strict) the numbering is broken.
    """
    return parse_input(read_input(data, name), name=name, strict=strict, page=page)


def parse_file(path: str | Path, *, strict: bool = False, page: bool | None = None) -> Document:
    """Read and parse a file: text (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030), a web
    page (.html, .htm, or HTML by its content) or a Word file (.docx).

    Args:
        path: the file to read.
        strict: raise on numbering problems (see :func:`policyparse.parse`).
        page: newspaper-page extraction (see :func:`policyparse.parse`).

    Raises:
        OSError: if the file cannot be read.
        PolicyParseError: if no reader can read it, or (strict) its numbering is broken.
    """
    path = Path(path)
    read = read_input(path.read_bytes(), path.name)  # the bytes are freed before the parse
    return parse_input(read, name=path.name, strict=strict, page=page)


def parse_html(
    html: str | bytes, *, name: str | None = None, strict: bool = False, page: bool | None = None
) -> Document:
    """Parse a web page: find the document in it, set the site's chrome aside, read its
    metadata table into ``meta``, keep its tables as tables.

    Args:
        html: the page, as text or as bytes (decoded from its BOM or ``<meta charset>``,
            else UTF-8, else GB18030).
        name: a name for the source (a file name).
        strict: raise on numbering problems (see :func:`policyparse.parse`).
        page: newspaper-page extraction, off unless True.

    Raises:
        PolicyParseError: if the page holds no document or cannot be decoded, or (strict)
            the numbering is broken.
    """
    from policyparse.readers.document import document_from_reading
    from policyparse.readers.html import read_html

    return document_from_reading(read_html(html), name=name, strict=strict, page=page)


def parse_docx(data: bytes, *, name: str | None = None, strict: bool = False, page: bool | None = None) -> Document:
    """Parse a Word file (.docx), with its automatic numbering drawn as Word shows it.

    Page headers, footers, footnotes and comments are set aside; tracked changes are read
    as if accepted, with a diagnostic.

    Args:
        data: the file's bytes.
        name: a name for the source (a file name).
        strict: raise on numbering problems (see :func:`policyparse.parse`).
        page: newspaper-page extraction, off unless True.

    Raises:
        PolicyParseError: if the bytes are no readable Word file (a truncated zip, no
            ``word/document.xml``, an old .doc, an encrypted file), or (strict) the
            numbering is broken.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_docx() takes bytes, not {type(data).__name__}")
    from policyparse.readers.document import document_from_reading
    from policyparse.readers.docx import read_docx

    return document_from_reading(read_docx(bytes(data)), name=name, strict=strict, page=page)

