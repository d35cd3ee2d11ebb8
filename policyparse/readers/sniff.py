"""Reader stage: tell a web page from plain text, Markdown or binary data by its first bytes (no HTML parser imported).

A page is recognised by how it begins, whatever its file name: after whitespace, a byte-order
mark, an XML declaration and comments, the first thing must be a doctype or one of the tags
pages open with. A tag further down (a Markdown file's stray ``<br>``, LawRefBook's
``<!-- INFO END -->``) is not enough: Markdown and plain text begin with text.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["OLE_SIGNATURE", "looks_like_html"]

# An OLE compound file: an old binary Word file (.doc), or a .docx encrypted with a password.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_SNIFF = 4096
# Tags that open a page or a saved fragment of one. A name must end there (「<p>」, 「<p class」,
# not 「<param」), hence the lookahead.
_OPENING = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|base|div|p|table|section|article|main|header|"
    r"h[1-6]|center|font|span|ul|ol|form|script|style)(?=[\s/>])",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
_ASCII_WHITESPACE = " \t\n\r\f"


def looks_like_html(data: bytes) -> bool:
    """Tell whether ``data`` is a web page, by its content.

    Args:
        data: the file's bytes (only the first 4 KB are read).

    Returns:
        True for a doctype, ``<html`` or a page's opening tag (``<head>``, ``<meta>``,
        ``<body>``, ``<div>``, ``<p>``, ``<table>`` …) at the start, after whitespace, a BOM
        and comments; False for plain text, Markdown and binary data.
    """
    head = _text_of(data[:_SNIFF])
    if head is None:
        return False
    position = 0
    while True:
        position = _skip_whitespace(head, position)
        if head.startswith("<!--", position):
            end = head.find("-->", position + 4)
            if end < 0:
                return False  # a comment that runs past the sniffed bytes: nothing seen yet
            position = end + 3
            continue
        declaration = _XML_DECLARATION.match(head, position)
        if declaration is not None:
            position = declaration.end()
            continue
        return _OPENING.match(head, position) is not None


def _text_of(head: bytes) -> str | None:
    """The sniffed bytes as text (tags are ASCII); None for binary data."""
    if head.startswith(codecs.BOM_UTF16_LE):
        return head[2:].decode("utf-16-le", errors="ignore")
    if head.startswith(codecs.BOM_UTF16_BE):
        return head[2:].decode("utf-16-be", errors="ignore")
    if b"\x00" in head:
        return None  # NUL bytes: binary (or BOM-less UTF-16, which no page is saved as)
    # Latin-1 never fails; ASCII markup reads the same in every encoding a page may use.
    return head.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _skip_whitespace(text: str, position: int) -> int:
    while position < len(text) and text[position] in _ASCII_WHITESPACE:
        position += 1
    return position
