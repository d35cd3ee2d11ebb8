"""Render stage (diff): split a redline into the old and the new side of a side-by-side table.

The old cell shows the old text with its deletions marked, the new cell the new text with its
insertions marked. Characters of an edit that only change formatting ((一) → （一）, at
either end of the edit) are marked ``format`` on both sides, so that a table can show them
quietly; :func:`stream` gives the one-column (inline) view.
"""

from __future__ import annotations

from policyparse.compare.fold import fold
from policyparse.compare.records import Redline
from policyparse.compare.redline import DELETE, EQUAL, INSERT

__all__ = ["FORMAT", "SAME", "Piece", "sides", "stream"]

SAME = "same"
FORMAT = "format"

Piece = tuple[str, str]
"""``(how, text)``: how is ``same``, ``delete`` (old side), ``insert`` (new side) or ``format``."""


def sides(runs: Redline) -> tuple[list[Piece], list[Piece]]:
    """Return the old side and the new side of a redline as marked pieces."""
    old: list[Piece] = []
    new: list[Piece] = []
    for kind, deleted, inserted in _edits(runs):
        if kind == SAME:
            old.append((SAME, deleted))
            new.append((SAME, deleted))
        elif kind == FORMAT:
            old.append((FORMAT, deleted))
            new.append((FORMAT, inserted))
        else:
            if deleted:
                old.append((DELETE, deleted))
            if inserted:
                new.append((INSERT, inserted))
    return old, new


def stream(runs: Redline) -> list[Piece]:
    """Return the inline view: equal text, deletions, insertions; formatting edits as new text."""
    pieces: list[Piece] = []
    for kind, deleted, inserted in _edits(runs):
        if kind == SAME:
            pieces.append((SAME, deleted))
        elif kind == FORMAT:
            pieces.append((FORMAT, inserted))
        else:
            if deleted:
                pieces.append((DELETE, deleted))
            if inserted:
                pieces.append((INSERT, inserted))
    return pieces


def _edits(runs: Redline) -> list[tuple[str, str, str]]:
    """``(same|format|edit, old text, new text)`` pieces, format ends split off each edit."""
    found: list[tuple[str, str, str]] = []
    index = 0
    while index < len(runs):
        op, text = runs[index]
        if op == EQUAL:
            found.append((SAME, text, text))
        elif op == DELETE and index + 1 < len(runs) and runs[index + 1][0] == INSERT:
            found.extend(_split(text, runs[index + 1][1]))
            index += 1
        elif op == DELETE:
            found.append(("edit", text, ""))
        else:
            found.append(("edit", "", text))
        index += 1
    return found


def _restyled(a: str, b: str) -> bool:
    """True for two different characters that fold alike (( and （, 1 and １)."""
    return a != b and fold(a) == fold(b) != ""


def _split(deleted: str, inserted: str) -> list[tuple[str, str, str]]:
    """Split characters that differ only in formatting off both ends of an edit.

    Only characters that differ (（ for (), never equal ones, so that a number token such as
    「3天」 → 「4天」 stays one replacement.
    """
    limit = min(len(deleted), len(inserted))
    head = 0
    while head < limit and _restyled(deleted[head], inserted[head]):
        head += 1
    tail = 0
    while tail < limit - head and _restyled(deleted[-1 - tail], inserted[-1 - tail]):
        tail += 1
    pieces: list[tuple[str, str, str]] = []
    if head:
        pieces.append((FORMAT, deleted[:head], inserted[:head]))
    middle_old, middle_new = deleted[head : len(deleted) - tail], inserted[head : len(inserted) - tail]
    if middle_old or middle_new:
        pieces.append((FORMAT if fold(middle_old) == fold(middle_new) else "edit", middle_old, middle_new))
    if tail:
        pieces.append((FORMAT, deleted[len(deleted) - tail :], inserted[len(inserted) - tail :]))
    return pieces
