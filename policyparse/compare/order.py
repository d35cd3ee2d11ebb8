"""Diff stage: tell sections that moved from sections renumbered because of an insertion.

A paired section *moved* when its parent's partner is another section than its new parent (it
changed chapter, or its article), or when it is out of order among the paired sections it
shares its nearest paired ancestors with. A parent without a partner (a chapter the new version
adds, or an old version without chapters) is no move by itself: its sections are judged by order
under the nearest ancestors that are paired. Order is judged with longest increasing
subsequences: siblings listed in old order, their new positions must increase; a sibling that
is in every longest increasing subsequence stayed in place (what insertions and deletions
around it shifted is only renumbered), any other moved. When two siblings swap places, both are reported as moved:
either reading is as good, and the answer must not depend on which version is called old.
"""

from __future__ import annotations

import bisect

from policyparse.compare.state import Context, Relation

__all__ = ["moved_sections"]


def moved_sections(ctx: Context) -> set[int]:
    """Return the old indices of the paired sections that moved."""
    moved: set[int] = set()
    siblings: dict[Relation, list[tuple[int, int]]] = {}
    for o, n in ctx.old_to_new.items():
        if ctx.old.nodes[o].section is None:
            continue
        relation = ctx.relation_old(ctx.old.nodes[o].parent)
        new_relation = ctx.relation_new(ctx.new.nodes[n].parent)
        if relation is not None and new_relation is not None and relation != new_relation:
            moved.add(o)  # from one paired parent to another
            continue
        anchor = _paired_ancestor(ctx, o, old=True)
        if anchor is None or anchor != _paired_ancestor(ctx, n, old=False):
            moved.add(o)
        else:
            siblings.setdefault(anchor, []).append((o, n))
    for pairs in siblings.values():
        pairs.sort()
        stays = in_every_longest_run([n for _, n in pairs])
        moved.update(o for (o, _), stay in zip(pairs, stays, strict=True) if not stay)
    return moved


def _paired_ancestor(ctx: Context, index: int, *, old: bool) -> Relation | None:
    """What ties the nearest ancestor of a node that has a partner (or shares a group)."""
    side = ctx.old if old else ctx.new
    parent = side.nodes[index].parent
    while parent >= 0:
        relation = ctx.relation_old(parent) if old else ctx.relation_new(parent)
        if relation is not None:
            return relation
        parent = side.nodes[parent].parent
    return None


def in_every_longest_run(values: list[int]) -> list[bool]:
    """For each value: is it in every longest strictly increasing subsequence?

    Args:
        values: distinct integers.

    Returns:
        One flag per value. O(n log n).
    """
    if not values:
        return []
    ending = _lengths(values)
    starting = _lengths([-v for v in reversed(values)])[::-1]
    longest = max(ending)
    on = [e + s - 1 == longest for e, s in zip(ending, starting, strict=True)]
    layer: dict[int, int] = {}
    for e, flag in zip(ending, on, strict=True):
        if flag:
            layer[e] = layer.get(e, 0) + 1
    return [flag and layer[e] == 1 for e, flag in zip(ending, on, strict=True)]


def _lengths(values: list[int]) -> list[int]:
    """Length of the longest increasing subsequence ending at each position."""
    tails: list[int] = []
    found = []
    for value in values:
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
        else:
            tails[at] = value
        found.append(at + 1)
    return found
