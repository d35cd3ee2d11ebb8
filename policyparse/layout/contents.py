"""Layout pass: a table of contents. The lines of a 目录 before the first heading are entries, up
to the body heading that repeats its first entry; a 目录 whose first entry never comes back is text.

A table of contents without the word 目录 is a run of division headings (第X章, 第X节 … and
nothing else) before the first article, whose entries the body repeats in order: its lines
are entries too (the grammar takes entries without a 目录 line at the top of a text).
"""

from __future__ import annotations

from policyparse._grammar import NOT_HEADINGS, Role
from policyparse._lexer import Line
from policyparse.kinds import DIVISION_TERMINALS
from policyparse.layout.state import Layout


def mark_contents(layout: Layout) -> None:
    """The pass: a 目录's lines become TOC_ENTRY (its heading stays Role.CONTENTS) or TEXT."""
    layout.lines = _mark_table_of_contents(layout.lines, layout.text)
    if not any(line.kind == Role.CONTENTS for line in layout.lines):
        _mark_unheaded_contents(layout.lines, layout.text)


def _mark_unheaded_contents(lines: list[Line], text: str) -> None:
    """Two or more division headings in a row before anything else, repeated in order by the
    body's headings (a Markdown statute's ``## 第一章 总则`` … list), become TOC_ENTRY lines."""
    first = next((i for i, line in enumerate(lines) if line.kind not in NOT_HEADINGS), None)
    if first is None or lines[first].kind not in DIVISION_TERMINALS:
        return
    run: list[int] = []
    for i in range(first, len(lines)):
        if lines[i].is_blank:
            continue
        if lines[i].kind not in DIVISION_TERMINALS:
            break
        run.append(i)
    squeezed = [_squeeze(text, lines[i]) for i in run]
    # The run may go on into the body's own first headings (a blank line apart): it ends where
    # its first entry comes back.
    repeat = next((k for k in range(1, len(run)) if squeezed[k] == squeezed[0]), len(run))
    run, entries = run[:repeat], squeezed[:repeat]
    if len(run) < 2:
        return
    body = [_squeeze(text, line) for line in lines[run[-1] + 1 :] if line.kind in DIVISION_TERMINALS]
    if body[: len(entries)] != entries:
        return  # the body does not repeat the run: these are the headings themselves
    for i in run:
        lines[i] = _unlabelled(lines[i], Role.TOC_ENTRY)


def _mark_table_of_contents(lines: list[Line], text: str) -> list[Line]:
    """Mark the lines of a 目录 as Role.TOC_ENTRY, up to the body heading that repeats its first entry.

    Only a 目录 before the first heading counts; one whose first entry never comes back is
    plain text.
    """
    position = next(
        (i for i, line in enumerate(lines) if line.kind not in NOT_HEADINGS or line.kind == Role.CONTENTS), None
    )
    accepted = position if position is not None and lines[position].kind == Role.CONTENTS else None
    for i, line in enumerate(lines):
        if line.kind == Role.CONTENTS and i != accepted:
            lines[i] = _unlabelled(line, Role.TEXT)
    if accepted is None or position is None:
        return lines
    entries = [i for i in range(position + 1, len(lines)) if not lines[i].is_blank]
    body_start = None
    if entries:
        first = _squeeze(text, lines[entries[0]])
        body_start = next((i for i in entries[1:] if _squeeze(text, lines[i]) == first), None)
    if body_start is None:
        lines[position] = _unlabelled(lines[position], Role.TEXT)
        return lines
    for i in range(position + 1, body_start):
        lines[i] = _unlabelled(lines[i], Role.TOC_ENTRY)
    return lines


def _unlabelled(line: Line, kind: str) -> Line:
    """The line as a non-heading ``kind``: no label, the text starts at its content."""
    return line._replace(
        kind=kind, label_start=line.content_start, label_end=line.content_start, rest_start=line.content_start
    )


def _squeeze(text: str, line: Line) -> str:
    return "".join(text[line.content_start : line.content_end].split())
