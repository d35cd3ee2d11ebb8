"""Diff stage: turn ``diff(a, b)`` into ``diff(b, a)`` without recomputing it.

Useful on its own (show a change the other way round) and as the statement of the mirror
property the tests check: ``invert(diff(a, b))`` has the same changes, summary and preamble
as ``diff(b, a)`` (changes may be listed in another order, since the order follows the new
version).
"""

from __future__ import annotations

import attrs

from policyparse.compare.records import (
    Added,
    Change,
    DocumentDiff,
    KindCounts,
    Matched,
    Merged,
    Removed,
    RenumberRange,
    Split,
    Substitution,
    Summary,
    TextChange,
)
from policyparse.compare.redline import mirror_redline
from policyparse.compare.retargeted import mirrored

__all__ = ["invert", "invert_change"]


def invert(result: DocumentDiff) -> DocumentDiff:
    """Return the diff of the same two versions taken the other way round."""
    return DocumentDiff(
        old_name=result.new_name,
        new_name=result.old_name,
        summary=_summary(result.summary),
        changes=tuple(invert_change(change) for change in result.changes),
        preamble=TextChange(
            old=result.preamble.new,
            new=result.preamble.old,
            text_changed=result.preamble.text_changed,
            format_only=result.preamble.format_only,
            redline=mirror_redline(result.preamble.redline),
        ),
        retargeted=mirrored(result.retargeted, result.changes),
    )


def invert_change(change: Change) -> Change:
    """Return one change taken the other way round (added ↔ removed, split ↔ merged)."""
    if isinstance(change, Added):
        return Removed(old=change.new)
    if isinstance(change, Removed):
        return Added(new=change.old)
    if isinstance(change, Split):
        return Merged(
            old=change.new, new=change.old, similarity=change.similarity, redline=mirror_redline(change.redline)
        )
    if isinstance(change, Merged):
        return Split(
            old=change.new, new=change.old, similarity=change.similarity, redline=mirror_redline(change.redline)
        )
    matched: Matched = change
    return attrs.evolve(matched, old=matched.new, new=matched.old, redline=mirror_redline(matched.redline))


def _counts(counts: KindCounts) -> KindCounts:
    return attrs.evolve(counts, added=counts.removed, removed=counts.added, split=counts.merged, merged=counts.split)


def _summary(summary: Summary) -> Summary:
    return attrs.evolve(
        summary,
        added=summary.removed,
        removed=summary.added,
        split=summary.merged,
        merged=summary.split,
        renumber_ranges=tuple(
            RenumberRange(kind=r.kind, old=r.new, new=r.old, offset=-r.offset) for r in summary.renumber_ranges
        ),
        substitutions=tuple(Substitution(old=s.new, new=s.old, count=s.count) for s in summary.substitutions),
        by_kind={kind: _counts(counts) for kind, counts in summary.by_kind.items()},
    )
