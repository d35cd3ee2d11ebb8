"""A piece of text that is being edited, with marks (named spans) that follow the edits."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["BLANK", "Mark", "Tracked"]

BLANK = " \t\u3000\u00a0\r\n"  # white space around the words an edit works on


@attrs.define(weakref_slot=False)
class Mark:
    """A span of a Tracked text with what it is: a reference of the base, the title, a 自然段."""

    start: int
    end: int
    key: Any


@attrs.define(weakref_slot=False)
class Tracked:
    """Text being edited. ``marks`` move with each splice; a splice over a mark drops it.
    ``written`` are the spans the decision wrote (its quotations), for the renumbering to leave
    alone."""

    text: str
    marks: list[Mark] = attrs.field(factory=list)
    written: list[tuple[int, int]] = attrs.field(factory=list)
    added: list[tuple[int, int]] = attrs.field(factory=list)

    def splice(self, start: int, end: int, replacement: str, *, written: bool = True, added: bool = False) -> None:
        """Replace ``text[start:end]`` with ``replacement``: text the decision wrote (unless
        ``written`` is False), a unit it added (``added``: a new 款 or item, not counted when a
        later instruction names a 款 by its number in the base)."""
        delta = len(replacement) - (end - start)
        self.text = self.text[:start] + replacement + self.text[end:]
        kept: list[Mark] = []
        for mark in self.marks:
            if mark.end <= start and not (mark.start == mark.end == start):
                kept.append(mark)
            elif mark.start >= end:
                kept.append(Mark(mark.start + delta, mark.end + delta, mark.key))
        self.marks = kept
        self.written = _shifted(self.written, start, end, delta, written and bool(replacement))
        self.added = _shifted(self.added, start, end, delta, added and bool(replacement))

    def is_written(self, position: int) -> bool:
        """Whether the decision wrote the character at ``position``."""
        return any(start <= position < end for start, end in self.written)

    def is_added(self, position: int) -> bool:
        """Whether ``position`` stands in a unit the decision added."""
        return any(start <= position < end for start, end in self.added)

    def overlaps_written(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` touches words the decision wrote."""
        return any(a < end and start < b for a, b in self.written)

    def find(self, key: Any) -> Mark | None:
        """The mark with this key, or None (dropped by an edit, or never set)."""
        return next((mark for mark in self.marks if mark.key == key), None)


def _shifted(spans: list[tuple[int, int]], start: int, end: int, delta: int, new: bool) -> list[tuple[int, int]]:
    """Spans after a splice of ``[start, end)`` that changed the length by ``delta``."""
    moved = [
        (a if a < start else a + delta, b if b <= start else b + delta) for a, b in spans if b <= start or a >= end
    ]
    if new:
        moved.append((start, end + delta))
    return sorted(moved)
