"""Layout pass: suspicious text in the document's window: a lowercase English word between Chinese
characters (「碳排放权 and 核证」), left by a bad extraction."""

from __future__ import annotations

import regex

from policyparse._grammar import OUT_OF_FLOW
from policyparse.layout.state import Layout
from policyparse.model import Diagnostic, Severity

_LOWERCASE_RUN = regex.compile(r"[a-z]{2}")


_LOWERCASE_WORD = regex.compile(r"(?<=\p{Han}[ \u3000]?)[a-z]{2,}(?=[ \u3000]?\p{Han})")


def flag_lowercase_words(layout: Layout) -> None:
    """The pass: a lowercase English word between Chinese characters (「碳排放权 and 核证」) is suspicious."""
    text = layout.text
    start, stop = layout.window
    if start >= stop or not _LOWERCASE_RUN.search(text, layout.lines[start].start, layout.lines[stop - 1].end):
        return  # one scan of the text finds no lowercase word at all
    for line in layout.lines[start:stop]:
        if line.is_blank or line.kind in OUT_OF_FLOW:
            continue
        for found in _LOWERCASE_WORD.finditer(text, line.content_start, line.content_end):
            layout.diagnostics.append(
                Diagnostic(
                    code="suspicious-text", severity=Severity.WARNING,
                    message=f"「{found.group()}」: a lowercase English word inside Chinese text",
                    line=line.number, span=found.span(),
                )
            )
