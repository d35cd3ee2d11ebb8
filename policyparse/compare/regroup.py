"""Diff stage: find splits (one old section → several new ones) and merges (the reverse).

A split of old section S into new sections N1…Nk (k ≥ 2) is accepted when the Ni stand next
to each other among the new sections of the level, each Ni is contained in S (≥ 75 % of its
bigrams occur in S, in order), S is covered by them (≥ 60 %), and S is more like N1…Nk joined
than like its present partner, if it has one (by 0.1). The Ni must be unplaced or be S's own
partner, whose pair the split then replaces. Merges are the same with the versions swapped,
and both are collected before any is accepted, best first, so that the outcome does not
depend on which version is called old.
"""

from __future__ import annotations

from policyparse.compare.similarity import contained_in, containment, similarity
from policyparse.compare.state import Context, Group
from policyparse.compare.tree import Side
from policyparse.compare.window import candidate_pairs

__all__ = ["regroup"]

_WEAK = 0.9  # a pair below this may give way to a split or merge
_PART = 0.75
_COVER = 0.6
_GROUP = 0.5
_GAIN = 0.1
_SHORTEST_PART = 4


def regroup(ctx: Context, level: str, old_body: int, new_body: int, through: bool) -> None:
    """Find and record the splits and merges of one level of one pair of bodies.

    On a level not numbered through the body (款, 项), the parts must stand under the
    single's parent's partner: a 款 is split within its article.
    """
    olds = ctx.old.level_nodes(old_body, level)
    news = ctx.new.level_nodes(new_body, level)
    if len(olds) + len(news) < 3:
        return
    found: list[tuple[tuple[object, ...], Group]] = []
    found.extend(_candidates(ctx, olds, news, split=True, through=through))
    found.extend(_candidates(ctx, news, olds, split=False, through=through))
    found.sort(key=lambda item: item[0])
    for _, group in found:
        if any(_taken(ctx, o, True, group) for o in group.old) or any(_taken(ctx, n, False, group) for n in group.new):
            continue
        for o in group.old:
            if o in ctx.old_to_new:
                ctx.unpair(o)
        ctx.add_group(group)


def _taken(ctx: Context, index: int, old: bool, group: Group) -> bool:
    """True when the node is grouped already, or paired outside ``group``."""
    if old:
        if index in ctx.old_group:
            return True
        partner = ctx.old_to_new.get(index)
        return partner is not None and partner not in group.new
    if index in ctx.new_group:
        return True
    partner = ctx.new_to_old.get(index)
    return partner is not None and partner not in group.old


def _pairs_within_parents(ctx: Context, wanted: list[int], pool: list[int], split: bool) -> list[tuple[int, int]]:
    """A 款 or 项 splits within its parent: each wanted single with the parts under its parent's partner."""
    this, other = (ctx.old, ctx.new) if split else (ctx.new, ctx.old)
    this_parent, other_parent = (ctx.relation_old, ctx.relation_new) if split else (ctx.relation_new, ctx.relation_old)
    by_parent: dict[object, list[int]] = {}
    for p in pool:
        relation = other_parent(other.nodes[p].parent)
        if relation is not None:
            by_parent.setdefault(relation, []).append(p)
    pairs: list[tuple[int, int]] = []
    for s in wanted:
        relation = this_parent(this.nodes[s].parent)
        if relation is not None:
            pairs.extend((s, p) for p in by_parent.get(relation, []))
    return pairs


def _candidates(
    ctx: Context, singles: list[int], parts: list[int], split: bool, through: bool
) -> list[tuple[tuple[object, ...], Group]]:
    """Splits (``split=True``: singles are old) or merges (singles are new)."""
    this, other = (ctx.old, ctx.new) if split else (ctx.new, ctx.old)
    partner = ctx.old_to_new if split else ctx.new_to_old
    scores = ctx.scores

    def weak(index: int) -> bool:
        if index not in partner:
            return not (ctx.placed_old(index) if split else ctx.placed_new(index))
        return (scores[index] if split else scores[partner[index]]) < _WEAK

    def loose(index: int) -> bool:
        return not (ctx.placed_new(index) if split else ctx.placed_old(index))

    wanted = [s for s in singles if weak(s) and len(this.nodes[s].match) >= 2 * _SHORTEST_PART]
    if not wanted:
        return []
    part_rank = {node: rank for rank, node in enumerate(parts)}
    single_rank = {node: rank for rank, node in enumerate(singles)}
    free = [p for p in parts if loose(p)]
    pool = sorted(set(free) | {partner[s] for s in wanted if s in partner})
    if through:
        anchors = [(single_rank[s], part_rank[partner[s]]) for s in singles if s in partner and partner[s] in part_rank]
        pairs = candidate_pairs(wanted, pool, single_rank, part_rank, anchors)
    else:
        pairs = _pairs_within_parents(ctx, wanted, pool, split)
    by_single: dict[int, list[int]] = {}
    for s, p in pairs:
        if p != partner.get(s) and not loose(p):
            continue
        size = len(other.nodes[p].match)
        if _SHORTEST_PART <= size <= len(this.nodes[s].match):
            by_single.setdefault(s, []).append(p)
    found: list[tuple[tuple[object, ...], Group]] = []
    for s, candidates in sorted(by_single.items()):
        if len(candidates) < 2:
            continue
        whole = ctx.grams.get(this.nodes[s].match)
        shares = contained_in([ctx.grams.get(other.nodes[p].match) for p in candidates], whole)
        inside = [p for p, share in zip(candidates, shares, strict=True) if share >= _PART]
        own = partner.get(s)
        for run in _runs(sorted(inside, key=part_rank.__getitem__), part_rank):
            if own is not None and own not in run:
                continue
            joined = ctx.grams.get("".join(other.nodes[p].match for p in run))
            if containment(whole, joined) < _COVER:
                continue
            score = similarity(whole, joined)
            before = scores[s if split else own] if own is not None else 0.0
            if score < _GROUP or score < before + _GAIN:
                continue
            group = Group("split", (s,), tuple(run), score) if split else Group("merged", tuple(run), (s,), score)
            found.append((_order(this, other, score, s, run), group))
    return found


def _runs(parts: list[int], rank: dict[int, int]) -> list[list[int]]:
    """Maximal runs of two or more parts that stand next to each other."""
    runs: list[list[int]] = []
    for p in parts:
        if runs and rank[p] == rank[runs[-1][-1]] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return [run for run in runs if len(run) >= 2]


def _order(this: Side, other: Side, score: float, single: int, run: list[int]) -> tuple[object, ...]:
    texts = [this.nodes[single].match, *(other.nodes[p].match for p in run)]
    return (-score, -len(run), min(texts), max(texts))
