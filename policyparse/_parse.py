"""Parse stage entry: text → lines → tokens → Lark → drafts → Document, with diagnostics."""

from __future__ import annotations

import attrs
import lark
import regex

from policyparse._build import DocumentBuilder
from policyparse._frame import find_frame
from policyparse._gc import collector_paused
from policyparse._lexer import split_lines, tokens
from policyparse._numbering import NUMBERING_CODES, check_numbering
from policyparse._references import find_references
from policyparse._tree import parse_tokens
from policyparse.errors import PolicyParseError
from policyparse.layout import ReaderHints, analyse_layout
from policyparse.model import Diagnostic, Document, Page, Severity


def parse(text: str, name: str | None = None, strict: bool = False, page: bool | None = None) -> Document:
    """Parse a Chinese policy or legal text into a Document.

    Args:
        text: the decoded text (see :func:`policyparse.parse_file` for bytes on disk).
        name: a name for the source (a file name), kept in ``document.source.name``.
        strict: raise on numbering problems instead of reporting them as diagnostics.
        page: extract the policy document from a newspaper page: None decides from the text
            (two or more page marks such as 「（上接第一版）」 and datelines), True forces it,
            False turns it off.

    Returns:
        The document; ``to_text(document) == text`` always holds.

    Raises:
        TypeError: if ``text`` is not a ``str``.
        PolicyParseError: with ``strict=True``, on the first numbering gap, repeat,
            disorder or unknown marker (with its line and column).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes() or parse_file() for bytes")
    return parse_text(text, name=name, strict=strict, page=page)


def parse_text(
    text: str, *, name: str | None = None, strict: bool = False, page: bool | None = None,
    reader: ReaderHints | None = None,
) -> Document:
    """:func:`parse`, with what a reader knows of the lines it made (see ``policyparse.readers``)."""
    with collector_paused():
        return _parse_text(text, name=name, strict=strict, page=page, reader=reader)


def _parse_text(
    text: str, *, name: str | None, strict: bool, page: bool | None, reader: ReaderHints | None
) -> Document:
    _refuse_lone_surrogates(text)
    layout = analyse_layout(text, split_lines(text), page=page, reader=reader)
    lines = layout.lines
    frame = find_frame(text, lines, layout.window, layout.joins)
    try:
        roots = [parse_tokens(tokens(lines[a:b], text)) for a, b in (s.body for s in frame.segments)]
    except lark.exceptions.LarkError as error:  # the grammar accepts any line sequence
        raise PolicyParseError(f"the parser failed: {error}") from error
    builder = DocumentBuilder(text, layout, roots, name)
    # Handed over: the builder then holds the only references to the line records and the
    # drafts, and lets each go when it no longer needs it (see DocumentBuilder).
    del lines, layout, roots
    document, other = builder.build(frame)
    numbering = check_numbering(document.sections)
    for attachment in document.attachments:
        numbering.extend(check_numbering(attachment.sections))
    references, unresolved = find_references(document, text)
    diagnostics = sorted([*other, *numbering, *unresolved], key=lambda d: (d.line or 0, d.span or (0, 0)))
    if not text.strip():
        diagnostics.insert(
            0,
            Diagnostic(code="empty-document", severity=Severity.INFO, message="the text is empty",
                       line=1 if text else None),
        )
    if strict:
        _raise_first_numbering_problem(diagnostics, text)
    return attrs.evolve(document, diagnostics=tuple(diagnostics), references=references)


# A str decoded with errors="surrogateescape" (or built by hand) may hold halves of UTF-16
# pairs: no text file holds them, and a document holding one could not be written as UTF-8.
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _refuse_lone_surrogates(text: str) -> None:
    found = _LONE_SURROGATE.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    raise PolicyParseError(
        f"the text holds a lone surrogate U+{ord(found.group()):04X} at offset {found.start()} (undecodable "
        "bytes kept by errors='surrogateescape'?); decode the file with parse_file or parse_bytes",
        line=line, column=column,
    )


def _raise_first_numbering_problem(diagnostics: list[Diagnostic], text: str) -> None:
    for diagnostic in diagnostics:
        if diagnostic.code in NUMBERING_CODES and diagnostic.severity is not Severity.INFO:
            column = None
            if diagnostic.span is not None:
                line_start = text.rfind("\n", 0, diagnostic.span[0]) + 1
                column = diagnostic.span[0] - line_start + 1
            raise PolicyParseError(
                diagnostic.message, line=diagnostic.line, column=column, code=diagnostic.code
            )


def extract(text: str) -> Page | None:
    """Find the parts of a newspaper page: the policy document, other articles, captions,
    credits, continuation marks and datelines, each with its span and paragraphs.

    Returns:
        The page, or None when the text does not look like a newspaper page.
    """
    return parse(text).page
