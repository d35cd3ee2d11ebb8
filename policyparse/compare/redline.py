"""Diff stage: the redline of two texts, on tokens, in readable runs, the same every time.

Tokens (:mod:`policyparse.compare.tokens`) are aligned on their folded keys with an exact
longest-common-subsequence alignment (rapidfuzz's Indel opcodes: no junk heuristic, no
time-out). Tokens whose keys agree but whose raw text differs ((一) and （一）) become a small
delete and insert of the differing characters. Then one-character chaff is swept up: an
equal run of one character, or of two or three characters that is at most half as long as
the edits on both sides of it, is folded into the edits around it (an equal run holding punctuation is
kept: it is where a reader expects an edit to stop; so is one next to an edit that only
changes formatting). Inside an edit the deletion comes first.

The redline is symmetric: ``redline(b, a)`` is ``redline(a, b)`` with deletions and
insertions swapped, because the alignment is always computed in one canonical direction.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import Indel

from policyparse.compare.fold import fold, is_boundary
from policyparse.compare.records import Redline
from policyparse.compare.tokens import Token, tokenize

__all__ = [
    "DELETE",
    "EQUAL",
    "INSERT",
    "hunks",
    "is_format_edit",
    "mirror_redline",
    "redline",
    "redline_new",
    "redline_old",
]

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"
_SWAP = {EQUAL: EQUAL, DELETE: INSERT, INSERT: DELETE}


def redline(old: str, new: str) -> Redline:
    """Return the redline turning ``old`` into ``new``.

    Args:
        old: the old text.
        new: the new text.

    Returns:
        ``(op, text)`` runs: equal and delete runs concatenate to ``old``, equal and insert
        runs to ``new``; no run is empty and no two neighbours share an op.
    """
    if old == new:
        return ((EQUAL, old),) if old else ()
    if new < old:
        return mirror_redline(_compute(new, old))
    return _compute(old, new)


def mirror_redline(runs: Redline) -> Redline:
    """Return the redline of the reverse change: deletions become insertions and back."""
    return _emit(_items((_SWAP[op], text) for op, text in runs))


def redline_old(runs: Redline) -> str:
    """Return the old text of a redline (equal and delete runs)."""
    return "".join(text for op, text in runs if op != INSERT)


def redline_new(runs: Redline) -> str:
    """Return the new text of a redline (equal and insert runs)."""
    return "".join(text for op, text in runs if op != DELETE)


def hunks(runs: Redline) -> list[tuple[str, str, str, str]]:
    """Return each edit as ``(before, deleted, inserted, after)``.

    ``before`` and ``after`` are the equal runs around the edit (empty at either end).
    """
    found: list[tuple[str, str, str, str]] = []
    items = _items(runs)
    for index, item in enumerate(items):
        if isinstance(item, str):
            continue
        before = items[index - 1] if index else ""
        after = items[index + 1] if index + 1 < len(items) else ""
        found.append(
            (before if isinstance(before, str) else "", item[0], item[1], after if isinstance(after, str) else "")
        )
    return found


# An item is an equal run (str) or an edit (deleted, inserted).
_Item = str | tuple[str, str]


def _compute(old: str, new: str) -> Redline:
    a, b = tokenize(old), tokenize(new)
    start = 0
    while start < len(a) and start < len(b) and a[start][0] == b[start][0]:
        start += 1
    stop_a, stop_b = len(a), len(b)
    while stop_a > start and stop_b > start and a[stop_a - 1][0] == b[stop_b - 1][0]:
        stop_a -= 1
        stop_b -= 1
    runs: list[tuple[str, str]] = []
    _equal_tokens(a[:start], b[:start], runs)
    middle_a, middle_b = a[start:stop_a], b[start:stop_b]
    for opcode in Indel.opcodes([key for key, _ in middle_a], [key for key, _ in middle_b]):
        if opcode.tag == EQUAL:
            _equal_tokens(
                middle_a[opcode.src_start : opcode.src_end], middle_b[opcode.dest_start : opcode.dest_end], runs
            )
            continue
        if opcode.src_end > opcode.src_start:
            runs.append((DELETE, "".join(raw for _, raw in middle_a[opcode.src_start : opcode.src_end])))
        if opcode.dest_end > opcode.dest_start:
            runs.append((INSERT, "".join(raw for _, raw in middle_b[opcode.dest_start : opcode.dest_end])))
    _equal_tokens(a[stop_a:], b[stop_b:], runs)
    return _emit(_sweep(_items(runs)))


def _equal_tokens(a: list[Token], b: list[Token], runs: list[tuple[str, str]]) -> None:
    """Tokens with equal keys: equal where the raw text agrees, a small edit where it does not."""
    for (_, raw_a), (_, raw_b) in zip(a, b, strict=True):
        if raw_a == raw_b:
            runs.append((EQUAL, raw_a))
            continue
        head = 0
        limit = min(len(raw_a), len(raw_b))
        while head < limit and raw_a[head] == raw_b[head]:
            head += 1
        tail = 0
        while tail < limit - head and raw_a[-1 - tail] == raw_b[-1 - tail]:
            tail += 1
        runs.append((EQUAL, raw_a[:head]))
        runs.append((DELETE, raw_a[head : len(raw_a) - tail]))
        runs.append((INSERT, raw_b[head : len(raw_b) - tail]))
        runs.append((EQUAL, raw_a[len(raw_a) - tail :]))


def _items(runs: Iterable[tuple[str, str]]) -> list[_Item]:
    """Group runs into equal strings and (deleted, inserted) edits, merging neighbours."""
    items: list[_Item] = []
    for op, text in runs:
        if not text:
            continue
        last = items[-1] if items else None
        if op == EQUAL:
            if isinstance(last, str):
                items[-1] = last + text
            else:
                items.append(text)
        else:
            deleted, inserted = last if isinstance(last, tuple) else ("", "")
            edit = (deleted + text, inserted) if op == DELETE else (deleted, inserted + text)
            if isinstance(last, tuple):
                items[-1] = edit
            else:
                items.append(edit)
    return items


def _sweep(items: list[_Item]) -> list[_Item]:
    """Fold short equal runs lying between two edits into them (one-character chaff)."""
    changed = True
    while changed:
        changed = False
        swept: list[_Item] = []
        index = 0
        while index < len(items):
            item = items[index]
            previous = swept[-1] if swept else None
            following = items[index + 1] if index + 1 < len(items) else None
            if (
                isinstance(item, str)
                and isinstance(previous, tuple)
                and isinstance(following, tuple)
                and _is_chaff(item, previous, following)
            ):
                swept[-1] = (previous[0] + item + following[0], previous[1] + item + following[1])
                index += 2
                changed = True
                continue
            swept.append(item)
            index += 1
        items = swept
    return items


def _is_chaff(equal: str, before: tuple[str, str], after: tuple[str, str]) -> bool:
    if any(is_boundary(char) for char in equal):
        return False
    if is_format_edit(*before) or is_format_edit(*after):
        return False  # keep a width change apart from a change of wording
    if len(equal) == 1:
        return True
    smaller = min(max(len(before[0]), len(before[1])), max(len(after[0]), len(after[1])))
    return len(equal) <= 3 and 2 * len(equal) <= smaller


def _emit(items: list[_Item]) -> Redline:
    runs: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, str):
            runs.append((EQUAL, item))
            continue
        if item[0]:
            runs.append((DELETE, item[0]))
        if item[1]:
            runs.append((INSERT, item[1]))
    return tuple(runs)


def is_format_edit(deleted: str, inserted: str) -> bool:
    """True when an edit only changes formatting ((  → （, a line break)."""
    return fold(deleted) == fold(inserted)
