"""Serializer stage (Markdown): the document's text made inert, so that CommonMark shows it.

Policy texts are pasted from web pages and converted Markdown is published: a paragraph that
holds ``<script>``, ``<img onerror=…>``, ``<a href="javascript:…">`` or a link
``[点此](javascript:…)`` must come out as text, not as live markup. Only what CommonMark would
read as markup is escaped, with a backslash (readable, and the parser reads 「\\<」 in a title
back as 「<」):

* ``<`` before a letter, ``/``, ``!`` or ``?``: raw HTML, comments, declarations and
  autolinks (``<javascript:…>``) all start so;
* ``[`` where a link or a reference definition could start: before a ``](``, ``][`` or ``]:``
  further on the line.

Everything else, Chinese text and punctuation above all, is written as it is.
"""

from __future__ import annotations

import regex

_MARKUP_START = regex.compile(r"<(?=[A-Za-z/!?])")
_LINK_OPEN = regex.compile(r"(?<!\\)\[(?=[^\n]*\](?:\(|\[|:))")


def escape_text(text: str) -> str:
    """``text`` with what CommonMark would read as HTML or a link escaped by a backslash."""
    if "<" in text:
        text = _MARKUP_START.sub(r"\\<", text)
    if "[" in text:
        text = _LINK_OPEN.sub(r"\\[", text)
    return text
