"""Decode stage: bytes on disk → text (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030)."""

from __future__ import annotations

import codecs

import attrs

from policyparse._parse import parse
from policyparse.errors import PolicyParseError
from policyparse.model import Diagnostic, Document, Severity

# Control characters that never occur in a text document; NUL above all.
_BINARY_BYTES = frozenset({*range(0, 9), 11, *range(14, 27), *range(28, 32), 127})
_SNIFF = 8192


def decode(data: bytes) -> tuple[str, Diagnostic | None]:
    """Return the text of ``data`` and, if it was not UTF-8, a diagnostic naming the encoding.

    Raises:
        PolicyParseError: for binary data or bytes that no supported encoding decodes.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                note = _fallback(encoding) if encoding != "utf-8" else None
                return data[len(bom) :].decode(encoding), note
            except UnicodeDecodeError as error:
                raise PolicyParseError(
                    f"starts with a {encoding} byte-order mark but {error.reason} at byte {error.start}"
                ) from error
    head = data[:_SNIFF]
    if any(byte in _BINARY_BYTES for byte in head):
        raise PolicyParseError("binary data, not a text document")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), _fallback("gb18030")
        except UnicodeDecodeError:
            raise PolicyParseError(
                f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and not GB18030"
            ) from utf8_error


def _fallback(encoding: str) -> Diagnostic:
    return Diagnostic(
        code="encoding-fallback", severity=Severity.INFO,
        message=f"the file is not UTF-8; decoded as {encoding.upper()}",
    )


def parse_decoded(
    text: str, note: Diagnostic | None, *, name: str | None = None, strict: bool = False, page: bool | None = None
) -> Document:
    """Parse text that :func:`decode` gave, with its encoding note (if any) as the first diagnostic."""
    document = parse(text, name=name, strict=strict, page=page)
    if note is None:
        return document
    return attrs.evolve(document, diagnostics=(note, *document.diagnostics))
