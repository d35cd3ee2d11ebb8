"""Diff stage: match the sections of one level by confidence, most certain first.

For each level (条, 款, 项, 一、, （一）…) and each pair of bodies:

1. **identical text**: a folded text found once on each side is one section (a 款 or 项 must
   be long enough, or under paired parents, since short ones repeat);
2. **same number, high similarity**: the same label (globally for levels numbered through the
   document, such as 条; under paired parents for 款 and 项) and similarity ≥ 0.8;
3. **same title**: sections with a title (公文's 「（六）丰富交易产品。……」) whose titles are
   near the same (character similarity ≥ 0.6, the title at least four characters) pair, best
   first, even when their bodies were rewritten: in a 公文 the title is the strongest evidence
   (「优化建设项目规划许可流程」 → 「优化规划许可流程」);
4. **fuzzy**: the leftovers (within a window when many) by bigram similarity, greedily from
   the best pair, with thresholds that depend on whether the parents are paired and on a
   margin over the runner-up (under paired parents, a text cut down to a part of itself, or
   grown around itself, also pairs when the margin is clear); the headings that the sure
   pairs vote for are paired first, so that a partner under the paired heading is preferred;
5. **split and merge** (:mod:`policyparse.compare.regroup`).

A level is *numbered through* a body when every label occurs once on each side (条 are;
款 and 项 never are).
"""

from __future__ import annotations

from collections.abc import Hashable

from policyparse.compare.headings import match_headings
from policyparse.compare.records import Tier
from policyparse.compare.regroup import regroup
from policyparse.compare.similarity import containment, text_scores, title_similarity
from policyparse.compare.state import Context
from policyparse.compare.tree import LOCAL_KINDS
from policyparse.compare.window import candidate_pairs

__all__ = ["match_level", "numbered_through", "pair_order"]

_SHORTEST_LOOSE = 8  # an identical 款/项 is matched across parents only when this long
_HIGH = 0.8
_FLOOR = 0.3
_MARGIN = 0.1
# (plain threshold, threshold with a clear margin) for paired parents and for a level
# numbered through the document; across parents a 款 or 项 needs _ACROSS and length.
_PAIRED = (0.5, 0.3)
_THROUGH = (0.55, 0.35)
_ACROSS = 0.8
_CONTAINED = 0.7  # under paired parents, a shortened or extended text with a clear margin
_ACROSS_LENGTH = 10


def numbered_through(ctx: Context, level: str, old_body: int, new_body: int) -> bool:
    """True when the level's labels are unique in both bodies (条 numbered through a law)."""
    olds, news = ctx.old.level_nodes(old_body, level), ctx.new.level_nodes(new_body, level)
    if not olds or not news:
        return False
    first = ctx.old.nodes[olds[0]].section
    if first is None or first.kind in LOCAL_KINDS:
        return False
    for side, nodes in ((ctx.old, olds), (ctx.new, news)):
        keys = [side.nodes[i].key for i in nodes]
        if None in keys or len(set(keys)) != len(keys):
            return False
    return True


def match_level(ctx: Context, level: str, old_body: int, new_body: int) -> None:
    """Run the four passes over one level of one pair of bodies."""
    through = (old_body, new_body, level) in ctx.global_levels
    _identical(ctx, level, old_body, new_body, through)
    _same_number(ctx, level, old_body, new_body, through)
    # Pair the headings the sure pairs already vote for, so that fuzzy matching can
    # prefer a partner under the paired heading (有限公司 article to 有限公司 chapter).
    if _under_headings(ctx, level, old_body, new_body):
        match_headings(ctx)
    _same_title(ctx, level, old_body, new_body)
    _fuzzy(ctx, level, old_body, new_body, through)
    regroup(ctx, level, old_body, new_body, through)


def _under_headings(ctx: Context, level: str, old_body: int, new_body: int) -> bool:
    """True when some section of the level stands right under a heading (条 under 章)."""
    for side, body in ((ctx.old, old_body), (ctx.new, new_body)):
        for index in side.level_nodes(body, level):
            if side.nodes[side.nodes[index].parent].tier is Tier.HEADING:
                return True
    return False


def pair_order(ctx: Context, score: float, old: int, new: int, old_rank: int, new_rank: int) -> tuple[object, ...]:
    """A sort key for greedy pairing that is the same when old and new are swapped."""
    a, b = ctx.old.nodes[old].match, ctx.new.nodes[new].match
    return (-score, abs(old_rank - new_rank), min(old_rank, new_rank), max(old_rank, new_rank), min(a, b), max(a, b))


def _leftovers(ctx: Context, level: str, old_body: int, new_body: int) -> tuple[list[int], list[int]]:
    olds = [i for i in ctx.old.level_nodes(old_body, level) if not ctx.placed_old(i)]
    news = [i for i in ctx.new.level_nodes(new_body, level) if not ctx.placed_new(i)]
    return olds, news


def _identical(ctx: Context, level: str, old_body: int, new_body: int, through: bool) -> None:
    olds, news = _leftovers(ctx, level, old_body, new_body)
    by_text: dict[str, list[int]] = {}
    for o in olds:
        if ctx.old.nodes[o].match:
            by_text.setdefault(ctx.old.nodes[o].match, []).append(o)
    new_by_text: dict[str, list[int]] = {}
    for n in news:
        if ctx.new.nodes[n].match in by_text:
            new_by_text.setdefault(ctx.new.nodes[n].match, []).append(n)
    for text, found_new in new_by_text.items():
        found_old = by_text[text]
        if len(found_old) == 1 and len(found_new) == 1:
            o, n = found_old[0], found_new[0]
            if through or len(text) >= _SHORTEST_LOOSE or ctx.related(o, n):
                ctx.pair(o, n, 1.0, "identical")
            continue
        if len(found_old) * len(found_new) > 4096:
            continue
        twins = [
            (o, n)
            for o in found_old
            for n in found_new
            if ctx.old.nodes[o].key == ctx.new.nodes[n].key and (through or ctx.related(o, n))
        ]
        old_count: dict[int, int] = {}
        new_count: dict[int, int] = {}
        for o, n in twins:
            old_count[o] = old_count.get(o, 0) + 1
            new_count[n] = new_count.get(n, 0) + 1
        for o, n in twins:
            if old_count[o] == 1 and new_count[n] == 1:
                ctx.pair(o, n, 1.0, "identical")


def _number_key(ctx: Context, index: int, new: bool, through: bool) -> Hashable | None:
    node = (ctx.new if new else ctx.old).nodes[index]
    if node.key is None:
        return None
    if through:
        return node.key
    relation = ctx.relation_new(node.parent) if new else ctx.relation_old(node.parent)
    return None if relation is None else (relation, node.key)


def _same_number(ctx: Context, level: str, old_body: int, new_body: int, through: bool) -> None:
    olds, news = _leftovers(ctx, level, old_body, new_body)
    by_key: dict[Hashable, list[int]] = {}
    for o in olds:
        key = _number_key(ctx, o, False, through)
        if key is not None:
            by_key.setdefault(key, []).append(o)
    ranks = _ranks(ctx, level, old_body, new_body)
    found: list[tuple[tuple[object, ...], int, int, float]] = []
    for n in news:
        key = _number_key(ctx, n, True, through)
        for o in by_key.get(key, []) if key is not None else []:
            score = ctx.similarity(o, n, _HIGH)
            if score >= _HIGH:
                found.append((pair_order(ctx, score, o, n, ranks[0][o], ranks[1][n]), o, n, score))
    _greedy(ctx, found, "number")


def _ranks(ctx: Context, level: str, old_body: int, new_body: int) -> tuple[dict[int, int], dict[int, int]]:
    return (
        {node: rank for rank, node in enumerate(ctx.old.level_nodes(old_body, level))},
        {node: rank for rank, node in enumerate(ctx.new.level_nodes(new_body, level))},
    )


def _greedy(ctx: Context, found: list[tuple[tuple[object, ...], int, int, float]], evidence: str = "text") -> None:
    found.sort(key=lambda item: item[0])
    for _, o, n, score in found:
        if not ctx.placed_old(o) and not ctx.placed_new(n):
            ctx.pair(o, n, score, evidence)


_TITLE_SIMILAR = 0.6
_SHORTEST_TITLE = 4


def _same_title(ctx: Context, level: str, old_body: int, new_body: int) -> None:
    """Pair titled sections whose titles are near the same (see the module docstring)."""
    olds, news = _leftovers(ctx, level, old_body, new_body)
    titled_old = [o for o in olds if len(ctx.old.nodes[o].title or "") >= _SHORTEST_TITLE]
    titled_new = [n for n in news if len(ctx.new.nodes[n].title or "") >= _SHORTEST_TITLE]
    if not titled_old or not titled_new or len(titled_old) * len(titled_new) > 4096:
        return
    ranks = _ranks(ctx, level, old_body, new_body)
    found: list[tuple[tuple[object, ...], int, int, float]] = []
    for o in titled_old:
        for n in titled_new:
            # on characters: a title is short, and its words get reordered (强化综合支持政策 →
            # 加强综合政策支持), which bigrams punish
            score = title_similarity(ctx.old.nodes[o].title, ctx.new.nodes[n].title)
            if score >= _TITLE_SIMILAR:
                found.append((pair_order(ctx, score, o, n, ranks[0][o], ranks[1][n]), o, n, score))
    _greedy(ctx, found, "title")


def _fuzzy(ctx: Context, level: str, old_body: int, new_body: int, through: bool) -> None:
    olds, news = _leftovers(ctx, level, old_body, new_body)
    if not olds or not news:
        return
    old_rank, new_rank = _ranks(ctx, level, old_body, new_body)
    anchors = [
        (old_rank[o], new_rank[ctx.old_to_new[o]])
        for o in ctx.old.level_nodes(old_body, level)
        if o in ctx.old_to_new and ctx.old_to_new[o] in new_rank
    ]
    pairs = set(candidate_pairs(olds, news, old_rank, new_rank, anchors))
    # Under paired parents every pair is compared, whatever the window.
    by_parent: dict[object, list[int]] = {}
    for n in news:
        relation = ctx.relation_new(ctx.new.nodes[n].parent)
        if relation is not None:
            by_parent.setdefault(relation, []).append(n)
    for o in olds:
        relation = ctx.relation_old(ctx.old.nodes[o].parent)
        if relation is not None:
            pairs.update((o, n) for n in by_parent.get(relation, []))
    scored = _score_pairs(ctx, sorted(pairs), through)
    best_old: dict[int, list[float]] = {}
    best_new: dict[int, list[float]] = {}
    for o, n, score, _ in scored:
        _keep_top_two(best_old.setdefault(o, []), score)
        _keep_top_two(best_new.setdefault(n, []), score)
    found: list[tuple[tuple[object, ...], int, int, float]] = []
    for o, n, score, related in scored:
        plain, with_margin = _PAIRED if related else _THROUGH if through else (_ACROSS, _ACROSS)
        clear = _runner_up(best_old[o], score) + _MARGIN <= score and _runner_up(best_new[n], score) + _MARGIN <= score
        if score >= plain or (score >= with_margin and clear) or (related and clear and _contained(ctx, o, n)):
            bonus = 0.05 * related + 0.05 * (ctx.old.nodes[o].key == ctx.new.nodes[n].key)
            found.append((pair_order(ctx, score + bonus, o, n, old_rank[o], new_rank[n]), o, n, score))
    _greedy(ctx, found)


def _score_pairs(ctx: Context, pairs: list[tuple[int, int]], through: bool) -> list[tuple[int, int, float, bool]]:
    """Similarity of each pair worth keeping: ``(old, new, score, parents paired)``."""
    by_old: dict[int, list[int]] = {}
    for o, n in pairs:
        by_old.setdefault(o, []).append(n)
    new_parent = {n: ctx.relation_new(ctx.new.nodes[n].parent) for _, n in pairs}
    scored: list[tuple[int, int, float, bool]] = []
    for o, news in by_old.items():
        query = ctx.old.nodes[o].match
        parent = ctx.relation_old(ctx.old.nodes[o].parent)
        near = [n for n in news if parent is not None and new_parent[n] == parent]
        close = set(near)
        far = [n for n in news if n not in close]
        if not through:
            if len(ctx.old.nodes[o].match) < _ACROSS_LENGTH:
                far = []
            far = [n for n in far if len(ctx.new.nodes[n].match) >= _ACROSS_LENGTH]
        for group, cutoff, related in ((near, _FLOOR, True), (far, _FLOOR if through else _ACROSS, False)):
            choices = [ctx.new.nodes[n].match for n in group]
            for position, score in text_scores(query, choices, ctx.grams, cutoff):
                if score > 0.0:
                    scored.append((o, group[position], score, related))
    return scored


def _contained(ctx: Context, old: int, new: int) -> bool:
    """True when the shorter text stands almost whole in the longer (an article cut down)."""
    a, b = ctx.grams.get(ctx.old.nodes[old].match), ctx.grams.get(ctx.new.nodes[new].match)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= _ACROSS_LENGTH and containment(shorter, longer) >= _CONTAINED


def _keep_top_two(top: list[float], score: float) -> None:
    top.append(score)
    top.sort(reverse=True)
    del top[2:]


def _runner_up(top: list[float], score: float) -> float:
    """The best score other than this pair's own (the second best, or the best if higher)."""
    if top[0] != score:
        return top[0]
    return top[1] if len(top) > 1 else 0.0
