"""Input stage: a file's bytes → the reader that fits them (text, web page, Word file) → Document."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Literal

from policyparse._decode import decode, parse_decoded
from policyparse.model import Document
from policyparse.readers.sniff import looks_like_html

InputKind = Literal["text", "html", "docx"]

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
# An OLE compound file: an old binary Word file (.doc), or a .docx encrypted with a password.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
# Markdown may hold HTML of its own: a .md file is read as text whatever it starts with.
_TEXT_SUFFIXES = frozenset({".md", ".markdown"})


def input_kind(data: bytes, name: str | None = None) -> InputKind:
    """Which reader fits ``data``: a Word file by its zip or OLE signature (or a .docx name),
    a web page by its name (.html, .htm) or its content, else text.

    Args:
        data: the file's bytes.
        name: its name, whose suffix is a hint; None for stdin.
    """
    suffix = PurePath(name).suffix.lower() if name else ""
    if data.startswith((_ZIP, _EMPTY_ZIP, _OLE)) or suffix in _DOCX_SUFFIXES:
        return "docx"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    if suffix in _HTML_SUFFIXES:
        return "html"
    return "html" if looks_like_html(data) else "text"


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
    kind = input_kind(data, name)
    if kind == "html":
        return parse_html(data, name=name, strict=strict, page=page)
    if kind == "docx":
        return parse_docx(data, name=name, strict=strict, page=page)
    text, note = decode(data)
    return parse_decoded(text, note, name=name, strict=strict, page=page)


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
    data = path.read_bytes()
    kind = input_kind(data, path.name)
    if kind != "text":
        return parse_bytes(data, name=path.name, strict=strict, page=page)
    text, note = decode(data)
    del data  # the bytes are freed before the parse
    return parse_decoded(text, note, name=path.name, strict=strict, page=page)


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

