"""Layout stage: undo what page layout did to the text, before the frame and the parser see it.

The lexer's line table goes through an ordered list of passes (``PASSES``), each a function
of one :class:`Layout` state, as markdown-it's core rules are: a pass annotates lines (a line
set aside or joined leaves the flow: its kind becomes Role.SET_ASIDE or Role.JOINED; the lines
of a 目录 become Role.TOC_ENTRY) and records what it found (set-aside spans, joins, a newspaper page's parts and
window, diagnostics). No pass deletes or rewrites text. Each can be run and tested alone.

===============  =========================================================  =====================
pass             what it decides                                            module
===============  =========================================================  =====================
contents         the entries of a 目录 before the first heading             ``contents.py``
reader           the lines a web page's or Word file's reader set aside     ``reader.py``
furniture        page numbers and the running header or footer beside them  ``furniture.py``
newspaper        a newspaper page's parts and the policy part's window       ``newspaper.py``
intrusions       another article's line or clause inside the policy part     ``intrusions.py``
repeats          a line repeating an earlier line of its article            ``intrusions.py``
joins            a paragraph broken by a page's layout or a hard wrap       ``joins.py``, ``wraps.py``
lists            an article's items numbered 一、 (after 「…下列材料：」)      ``lists.py``
suspicious       a lowercase English word inside Chinese text               ``suspicious.py``
===============  =========================================================  =====================
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from policyparse._lexer import Line
from policyparse.layout.contents import mark_contents
from policyparse.layout.furniture import set_aside_furniture
from policyparse.layout.intrusions import set_aside_intrusions, set_aside_repeats
from policyparse.layout.joins import join_breaks
from policyparse.layout.lists import mark_article_lists
from policyparse.layout.newspaper import MAX_PAGE, find_page_parts
from policyparse.layout.reader import set_aside_reader_lines
from policyparse.layout.state import Layout, PagePart, ReaderHints, SetAsideText
from policyparse.layout.suspicious import flag_lowercase_words

__all__ = ["MAX_PAGE", "PASSES", "Layout", "PagePart", "ReaderHints", "SetAsideText", "analyse_layout"]

Pass = Callable[[Layout], None]

PASSES: tuple[tuple[str, Pass], ...] = (
    ("contents", mark_contents),
    ("reader", set_aside_reader_lines),
    ("furniture", set_aside_furniture),
    ("newspaper", find_page_parts),
    ("intrusions", set_aside_intrusions),
    ("repeats", set_aside_repeats),
    ("joins", join_breaks),
    ("lists", mark_article_lists),
    ("suspicious", flag_lowercase_words),
)
"""The passes in the order they run: (name, function)."""


def analyse_layout(
    text: str, lines: Sequence[Line], page: bool | None = None, reader: ReaderHints | None = None,
    passes: Sequence[tuple[str, Pass]] = PASSES,
) -> Layout:
    """Run the layout passes over the lexer's lines.

    Args:
        text: the decoded text.
        lines: the lexer's line table (not changed: the layout holds an annotated copy).
        page: True or False forces page extraction on or off; None decides from the text.
        reader: what the reader that made the text knows of its lines; None for plain text.
        passes: the passes to run (all of them by default; a test may run fewer).
    """
    layout = Layout(
        text=text, lines=list(lines), window=(0, len(lines)), page=page, reader=reader,
        tables=reader.tables if reader else (),
    )
    for _, run in passes:
        run(layout)
    return layout
