"""Reader stage (HTML): a line's runs of text and their flags (bold, link, pre, file) as the walk collects them.

An element gives its text flags (:func:`element_flags`: bold in ``b``, ``strong``, ``th``, a
heading or by ``font-weight``; a link in ``<a href>``, to a file or not; whitespace kept in
``<pre>``); a finished line's runs collapse their ASCII whitespace as CSS does
(:func:`collapse_runs`), and tell how many characters at the line's start are bold
(:func:`bold_prefix`) and how many are inside links (:func:`link_chars`).
"""

from __future__ import annotations

import re

from lxml import html

from policyparse.readers.html.chrome import is_file_href
from policyparse.readers.html.css import font_weight

__all__ = [
    "FILE",
    "LINK",
    "PRE",
    "SPACE_CHARS",
    "STRONG",
    "bold_prefix",
    "collapse_runs",
    "collapse_spaces",
    "element_flags",
    "link_chars",
]

# Flags of a run of text.
STRONG = 1  # inside b, strong, th, a heading, or font-weight bold
LINK = 2  # inside <a href>
PRE = 4  # whitespace kept (inside <pre>)
FILE = 8  # inside <a href> to a file (「…/W0201912.pdf」) or <a download>: an attachment

_PRE_TAGS = frozenset({"pre", "listing", "xmp", "plaintext", "textarea"})
_STRONG_TAGS = frozenset({"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"})
# CSS collapses these; every other space character (U+00A0, U+3000 …) is text.
_ASCII_SPACES = re.compile(r"[ \t\n\r\f]+")
SPACE_CHARS = " \t\n\r\f"


def collapse_spaces(text: str) -> str:
    """A text's ASCII whitespace collapsed to one space and trimmed, as CSS shows it (a title, a meta's content)."""
    return _ASCII_SPACES.sub(" ", text).strip(SPACE_CHARS)


def element_flags(element: html.HtmlElement, tag: str, inherited: int) -> int:
    """The flags an element gives its text: those it inherits, with its own bold, link, file and pre."""
    flags = inherited
    if tag in _STRONG_TAGS:
        flags |= STRONG
    elif tag == "a" and element.get("href") is not None:
        flags |= LINK
        if element.get("download") is not None or is_file_href(element.get("href", "")):
            flags |= FILE
    if tag in _PRE_TAGS:
        flags |= PRE
    style = element.get("style")
    if style and "font-weight" in style:
        weight = font_weight(style)
        if weight is True:
            flags |= STRONG
        elif weight is False:
            flags &= ~STRONG
    return flags


def collapse_runs(runs: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Collapse ASCII whitespace as CSS does and trim it at the line's ends; pre runs stay as they are."""
    out: list[tuple[str, int]] = []
    after_space = True  # at the line's start a collapsible space is dropped
    for text, flags in runs:
        if flags & PRE:
            out.append((text, flags))
            after_space = False
            continue
        collapsed = _ASCII_SPACES.sub(" ", text)
        if after_space and collapsed.startswith(" "):
            collapsed = collapsed[1:]
        if collapsed:
            out.append((collapsed, flags))
            after_space = collapsed.endswith(" ")
    while out:
        text, flags = out[-1]
        if flags & PRE or not text.endswith(" "):
            break
        text = text[:-1]
        if text:
            out[-1] = (text, flags)
            break
        out.pop()
    return tuple(out)


def bold_prefix(runs: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> int:
    """How many characters at the line's start are bold.

    Spaces take the weight of what is around them (a space shows no weight): the count runs
    from the line's start, over indentation, to the last bold character before the first
    character that is not bold. ``「\u3000\u3000<b>一、总则</b>」`` has 6 bold characters.
    """
    position = 0
    bold = 0
    for text, flags in runs:
        if text.isspace():
            position += len(text)
            continue
        if not flags & STRONG:
            break
        bold = position + len(text.rstrip())
        position += len(text)
    return bold


def link_chars(runs: tuple[tuple[str, int], ...] | list[tuple[str, int]]) -> int:
    """How many of the line's non-space characters are inside links."""
    return sum(len("".join(text.split())) for text, flags in runs if flags & LINK)
