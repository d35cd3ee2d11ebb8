"""Render stage (diff): the rows of a 新旧对照表, aligned by article.

One row per heading or unit of either version, in reading order: a matched unit has its old
text on the left and its new text on the right, an added one only on the right, a removed one
only on the left; a split has the old unit on the left and the new units, one below the
other, on the right (a merge the reverse). 款 and 项 appear inside their unit.
"""

from __future__ import annotations

import attrs

from policyparse.compare.cells import SAME, Piece, sides
from policyparse.compare.describe import change_notes, is_row, is_unchanged
from policyparse.compare.records import Added, Change, DocumentDiff, Matched, Merged, Removed, SectionRef, Split, Tier

__all__ = ["Row", "table_rows"]


@attrs.frozen
class Row:
    """One row: what stands on each side, and what changed.

    Attributes:
        old: (name, pieces) per old section on the row (none for an added one).
        new: (name, pieces) per new section.
        notes: ``(中文, flag)`` descriptions of the change.
        heading: True for a heading row (章, 节, or 一、 over its sub-sections).
        unchanged: True when nothing at all changed.
        change: the change the row shows.
    """

    old: tuple[tuple[str, tuple[Piece, ...]], ...]
    new: tuple[tuple[str, tuple[Piece, ...]], ...]
    notes: tuple[tuple[str, str], ...]
    heading: bool
    unchanged: bool
    change: Change


def table_rows(result: DocumentDiff) -> list[Row]:
    """Return the rows of the 对照表 for ``result``."""
    rows: list[Row] = []
    for change in result.changes:
        if not is_row(change):
            continue
        notes = tuple(change_notes(change))
        old: tuple[tuple[str, tuple[Piece, ...]], ...]
        new: tuple[tuple[str, tuple[Piece, ...]], ...]
        if isinstance(change, Matched):
            old_pieces, new_pieces = sides(change.redline)
            old = ((_name(change.old), tuple(old_pieces)),)
            new = ((_name(change.new), tuple(new_pieces)),)
            heading = change.old.tier is Tier.HEADING
        elif isinstance(change, Added):
            old, new, heading = (), ((_name(change.new), _plain(change.new)),), change.new.tier is Tier.HEADING
        elif isinstance(change, Removed):
            old, new, heading = ((_name(change.old), _plain(change.old)),), (), change.old.tier is Tier.HEADING
        elif isinstance(change, Split):
            old = ((_name(change.old), _plain(change.old)),)
            new = tuple((_name(r), _plain(r)) for r in change.new)
            heading = change.old.tier is Tier.HEADING
        else:
            merged: Merged = change
            old = tuple((_name(r), _plain(r)) for r in merged.old)
            new = ((_name(merged.new), _plain(merged.new)),)
            heading = merged.new.tier is Tier.HEADING
        rows.append(Row(old, new, notes, heading, is_unchanged(change), change))
    return rows


def _name(ref: SectionRef) -> str:
    if ref.tier is Tier.HEADING:
        return ref.label or ""
    return ref.label or (f"第{ref.number}款" if ref.kind == "clause" and ref.number is not None else "")


def _plain(ref: SectionRef) -> tuple[Piece, ...]:
    return ((SAME, ref.text),) if ref.text else ()
