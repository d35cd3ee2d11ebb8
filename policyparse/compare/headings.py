"""Diff stage: match headings by the units they hold, after the units.

编 章 节 (and 第X部分) are matched only here; other headings (一、 over its （一）…) are
matched on their whole text first and come here when that failed. A heading's identity is
its content: the old 第三章 is the new 第四章 when most of its units went there. For each
pair of headings of one level the pass counts the units (条, or leaf sections) of the old
one whose partners stand under the new one, and scores

    Dice(units) + 0.5 × title similarity + 0.25 × (same label)

accepting pairs from the best down while the score is at least 0.6 (so a heading with the
same label and title pairs even when all its articles were rewritten, one with the same title
pairs when a few of its articles stayed, and a renamed heading pairs when most of them did).
A heading whose units went, most of them, to two or more new headings that hold little else
is split; the reverse is a merge.
"""

from __future__ import annotations

from collections import Counter

from policyparse.compare.records import Tier
from policyparse.compare.similarity import similarity
from policyparse.compare.state import Context, Group
from policyparse.compare.tree import Side

__all__ = ["match_headings"]

_ACCEPT = 0.6
_SHARE = 0.5


def match_headings(ctx: Context) -> None:
    """Pair and group the headings of every pair of bodies that are still unplaced."""
    for old_body, new_body in ctx.bodies:
        olds = _headings(ctx.old, old_body)
        news = _headings(ctx.new, new_body)
        if not olds or not news:
            continue
        if all(ctx.placed_old(o) for o in olds) or all(ctx.placed_new(n) for n in news):
            continue
        old_units = _unit_counts(ctx.old, olds)
        new_units = _unit_counts(ctx.new, news)
        votes = _votes(ctx, old_body)
        candidates: set[tuple[int, int]] = {pair for pair in votes}
        by_title: dict[tuple[str, str], list[int]] = {}
        for n in news:
            node = ctx.new.nodes[n]
            by_title.setdefault((node.level, node.title), []).append(n)
            by_title.setdefault((node.level, "#" + (node.key or "")), []).append(n)
        for o in olds:
            node = ctx.old.nodes[o]
            candidates.update((o, n) for n in by_title.get((node.level, node.title), []))
            candidates.update((o, n) for n in by_title.get((node.level, "#" + (node.key or "")), []))
        found: list[tuple[tuple[object, ...], int, int, float]] = []
        for o, n in sorted(candidates):
            a, b = ctx.old.nodes[o], ctx.new.nodes[n]
            if a.level != b.level or ctx.placed_old(o) or ctx.placed_new(n):
                continue
            units = old_units[o] + new_units[n]
            dice = 2 * votes.get((o, n), 0) / units if units else 0.0
            title = similarity(ctx.grams.get(a.title), ctx.grams.get(b.title))
            score = dice + 0.5 * title + 0.25 * (a.key == b.key)
            if score >= _ACCEPT:
                texts = (a.title, b.title)
                found.append(((-score, min(o - olds[0], n - news[0]), min(texts), max(texts)), o, n, score))
        found.sort(key=lambda item: item[0])
        for _, o, n, score in found:
            if not ctx.placed_old(o) and not ctx.placed_new(n):
                ctx.pair(o, n, min(score, 1.0), "units")
        _regroup(ctx, olds, news, votes, old_units, new_units)


def _headings(side: Side, body: int) -> list[int]:
    return side.headings.setdefault(
        body,
        [
            i
            for i in range(side.bodies[body].root + 1, side.nodes[side.bodies[body].root].end)
            if side.nodes[i].tier is Tier.HEADING
        ],
    )


def _unit_counts(side: Side, headings: list[int]) -> dict[int, int]:
    """Units under each heading (cached on the side: the tree does not change)."""
    counts = side.unit_counts
    for h in headings:
        if h not in counts:
            node = side.nodes[h]
            counts[h] = sum(1 for i in range(h + 1, node.end) if side.nodes[i].tier is Tier.UNIT)
    return counts


def _voted_ancestors(side: Side, index: int) -> list[int]:
    found = []
    parent = side.nodes[index].parent
    while parent >= 0 and side.nodes[parent].section is not None:
        if side.nodes[parent].tier is Tier.HEADING:
            found.append(parent)
        parent = side.nodes[parent].parent
    return found


def _votes(ctx: Context, old_body: int) -> Counter[tuple[int, int]]:
    """For each (old heading, new heading) of one level: units of the one that went to the other."""
    votes: Counter[tuple[int, int]] = Counter()
    root = ctx.old.bodies[old_body].root
    for o in range(root + 1, ctx.old.nodes[root].end):
        if ctx.old.nodes[o].tier is not Tier.UNIT:
            continue
        if o in ctx.old_to_new:
            targets = [ctx.old_to_new[o]]
        elif o in ctx.old_group:
            targets = list(ctx.groups[ctx.old_group[o]].new)
        else:
            continue
        old_up = _voted_ancestors(ctx.old, o)
        for target in targets[:1]:
            for b in _voted_ancestors(ctx.new, target):
                level = ctx.new.nodes[b].level
                for a in old_up:
                    if ctx.old.nodes[a].level == level:
                        votes[(a, b)] += 1
    return votes


def _regroup(
    ctx: Context,
    olds: list[int],
    news: list[int],
    votes: Counter[tuple[int, int]],
    old_units: dict[int, int],
    new_units: dict[int, int],
) -> None:
    found: list[tuple[tuple[object, ...], Group]] = []
    for split in (True, False):
        singles, parts = (olds, news) if split else (news, olds)
        single_units, part_units = (old_units, new_units) if split else (new_units, old_units)
        for s in singles:
            if (ctx.placed_old(s) if split else ctx.placed_new(s)) or not single_units[s]:
                continue
            run = [
                p
                for p in parts
                if not (ctx.placed_new(p) if split else ctx.placed_old(p))
                and part_units[p]
                and votes.get((s, p) if split else (p, s), 0) >= _SHARE * part_units[p]
            ]
            shared = sum(votes.get((s, p) if split else (p, s), 0) for p in run)
            if len(run) < 2 or shared < _SHARE * single_units[s]:
                continue
            score = min(1.0, shared / single_units[s])  # an article split across two parts votes twice
            group = Group("split", (s,), tuple(run), score) if split else Group("merged", tuple(run), (s,), score)
            titles = [side.nodes[i].title for side, i in ((ctx.old, s), *((ctx.new, p) for p in run))]
            found.append(((-score, -len(run), min(titles), max(titles)), group))
    found.sort(key=lambda item: item[0])
    for _, group in found:
        if any(ctx.placed_old(o) for o in group.old) or any(ctx.placed_new(n) for n in group.new):
            continue
        ctx.add_group(group)
