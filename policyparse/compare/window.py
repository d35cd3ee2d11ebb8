"""Diff stage: which leftover pairs are worth comparing: all of them when few, else a window.

Leftovers are the nodes of one level that the exact passes could not place. When there are
few of them every pair is compared; otherwise each node is compared only with leftovers near
where its neighbours went (between the partners of the nearest paired nodes before and after
it, widened by a margin). The window is taken from both sides and united, so the pairs do
not depend on which version is called old.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

__all__ = ["ALL_PAIRS_LIMIT", "candidate_pairs"]

ALL_PAIRS_LIMIT = 40_000
"""Up to this many leftover pairs, all are compared."""
_MARGIN = 40
_WIDEST = 160


def candidate_pairs(
    olds: Sequence[int],
    news: Sequence[int],
    old_ordinal: dict[int, int],
    new_ordinal: dict[int, int],
    anchors: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Return the (old, new) pairs to compare.

    Args:
        olds: leftover old nodes, in document order.
        news: leftover new nodes, in document order.
        old_ordinal: position of each old node among the nodes of its level.
        new_ordinal: the same for new nodes.
        anchors: ``(old ordinal, new ordinal)`` of the pairs already made at this level.

    Returns:
        The pairs, each once, in a fixed order.
    """
    if len(olds) * len(news) <= ALL_PAIRS_LIMIT:
        return [(o, n) for o in olds for n in news]
    forward = sorted(anchors)
    backward = sorted((b, a) for a, b in anchors)
    pairs = set(_windowed(olds, news, old_ordinal, new_ordinal, forward))
    pairs.update((o, n) for n, o in _windowed(news, olds, new_ordinal, old_ordinal, backward))
    return sorted(pairs)


def _windowed(
    sources: Sequence[int],
    targets: Sequence[int],
    source_ordinal: dict[int, int],
    target_ordinal: dict[int, int],
    anchors: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    keys = [a for a, _ in anchors]
    positions = [target_ordinal[t] for t in targets]
    found: list[tuple[int, int]] = []
    for source in sources:
        here = source_ordinal[source]
        at = bisect.bisect_left(keys, here)
        before = anchors[at - 1][1] if at else 0
        after = anchors[at][1] if at < len(anchors) else (positions[-1] if positions else 0)
        low, high = min(before, after) - _MARGIN, max(before, after) + _MARGIN
        if high - low > _WIDEST:
            middle = (before + after) // 2
            low, high = middle - _WIDEST // 2, middle + _WIDEST // 2
        first, last = bisect.bisect_left(positions, low), bisect.bisect_right(positions, high)
        found.extend((source, target) for target in targets[first:last])
    return found
