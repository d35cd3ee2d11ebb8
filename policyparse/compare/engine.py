"""Diff stage: ``diff(old, new)``, the pure function that compares two parsed versions.

The passes, in order (docs/diff.md tells why):

1. flatten both versions into node tables and pair their bodies (:mod:`.tree`);
2. for each level, parents first, match by identical text, same number, fuzzy similarity,
   then split and merge (:mod:`.cascade`, :mod:`.regroup`);
3. match 编 章 节 by the units they hold (:mod:`.headings`);
4. run 2 and 3 once more over what is left, now that parents are known;
5. tell moves from renumbering (:mod:`.order`), collapse the renumbering into ranges
   (:mod:`.renumber`), find terms replaced throughout (:mod:`.substitutions`);
6. describe every section of either version once, in reading order.
"""

from __future__ import annotations

from collections.abc import Iterable

from policyparse.compare.cascade import match_level, numbered_through
from policyparse.compare.fold import fold
from policyparse.compare.headings import match_headings
from policyparse.compare.order import moved_sections
from policyparse.compare.records import (
    COUNT_FIELDS,
    Added,
    Change,
    DocumentDiff,
    KindCounts,
    Matched,
    Merged,
    Redline,
    Removed,
    RenumberRange,
    SectionRef,
    Split,
    Substitution,
    Summary,
    TextChange,
    Tier,
)
from policyparse.compare.redline import redline
from policyparse.compare.references import RefMap, canonical_references
from policyparse.compare.renumber import renumber_ranges
from policyparse.compare.retargeted import retargeted
from policyparse.compare.similarity import text_similarity
from policyparse.compare.state import Context
from policyparse.compare.substitutions import explained, find_substitutions
from policyparse.compare.tree import Node, Side, build_side, level_order, pair_bodies
from policyparse.model import Document

__all__ = ["diff"]

_SWEEPS = 2


def diff(old: Document, new: Document) -> DocumentDiff:
    """Compare two versions of a document, section by section, at every level.

    Args:
        old: the earlier version, as parsed.
        new: the later version.

    Returns:
        A :class:`~policyparse.compare.records.DocumentDiff`: one change per section of either
        version (matched, added, removed, split or merged), a summary with counts, the
        renumbering ranges and the terms replaced throughout, and the preamble compared.
        ``diff(a, a)`` has only matched changes with no flag set; ``diff(b, a)`` is
        ``diff(a, b)`` mirrored.
    """
    old_side, new_side = build_side(old), build_side(new)
    ctx = Context(old_side, new_side, pair_bodies(old_side, new_side))
    for old_body, new_body in ctx.bodies:
        ctx.pair(old_side.bodies[old_body].root, new_side.bodies[new_body].root, 1.0, "identical")
    levels = level_order(old_side, new_side)
    for old_body, new_body in ctx.bodies:
        for level in levels:
            if numbered_through(ctx, level, old_body, new_body):
                ctx.global_levels.add((old_body, new_body, level))
    for _ in range(_SWEEPS):
        for level in levels:
            for old_body, new_body in ctx.bodies:
                match_level(ctx, level, old_body, new_body)
        match_headings(ctx)
    return _describe(ctx)


def _describe(ctx: Context) -> DocumentDiff:
    moved = moved_sections(ctx)
    ranges = renumber_ranges(ctx)
    maps = _reference_maps(ctx)
    pairs = sorted((o, n) for o, n in ctx.old_to_new.items() if ctx.old.nodes[o].section is not None)
    redlines = {o: redline(ctx.old.nodes[o].text, ctx.new.nodes[n].text) for o, n in pairs}
    atoms = [
        redlines[o]
        for o, n in pairs
        if ctx.old.nodes[o].tier in (Tier.HEADING, Tier.UNIT) and _wording_changed(ctx, o, n, maps)
    ]
    substitutions = find_substitutions(atoms, _whole_text(ctx.old), _whole_text(ctx.new))
    placed: list[tuple[tuple[int, int, int], Change]] = []
    new_position = _new_positions(ctx)
    for o, n in pairs:
        change = _matched(ctx, o, n, o in moved, maps, substitutions, redlines[o])
        placed.append(((2 * new_position[n], 0, o), change))
    for group in ctx.groups:
        old_refs = tuple(_ref(ctx.old.nodes[i]) for i in group.old)
        new_refs = tuple(_ref(ctx.new.nodes[i]) for i in group.new)
        runs = redline("\n".join(r.text for r in old_refs), "\n".join(r.text for r in new_refs))
        score = round(group.similarity, 4)
        record: Change
        if group.op == "split":
            record = Split(old=old_refs[0], new=new_refs, similarity=score, redline=runs)
        else:
            record = Merged(old=old_refs, new=new_refs[0], similarity=score, redline=runs)
        placed.append(((2 * new_position[group.new[0]], 0, group.old[0]), record))
    for node in ctx.new.nodes:
        if node.section is not None and not ctx.placed_new(node.index):
            placed.append(((2 * new_position[node.index], 0, -1), Added(new=_ref(node))))
    for node in ctx.old.nodes:
        if node.section is not None and not ctx.placed_old(node.index):
            placed.append(((_removed_position(ctx, node.index, new_position), 1, node.index), Removed(old=_ref(node))))
    placed.sort(key=lambda item: item[0])
    changes = tuple(change for _, change in placed)
    return DocumentDiff(
        old_name=ctx.old.document.source.name,
        new_name=ctx.new.document.source.name,
        summary=_summary(changes, ranges, substitutions),
        changes=changes,
        preamble=_preamble(ctx.old.bodies[0].preamble, ctx.new.bodies[0].preamble),
        retargeted=retargeted(ctx.old.document, ctx.new.document, changes),
    )


def _ref(node: Node) -> SectionRef:
    section = node.section
    assert section is not None and node.tier is not None
    return SectionRef(
        path=section.path,
        label=section.label,
        kind=section.kind.value,
        id=section.id,
        line=section.line,
        number=section.number,
        title=section.title,
        text=node.text,
        tier=node.tier,
        depth=node.depth,
    )


def _reference_maps(ctx: Context) -> dict[int, RefMap]:
    """Per old body: old reference key → new key, for 条 章 节 编 paired one to one."""
    maps: dict[int, RefMap] = {}
    for old_body, _ in ctx.bodies:
        seen: dict[str, dict[str, set[str]]] = {}
        root = ctx.old.nodes[ctx.old.bodies[old_body].root]
        for o in range(root.index + 1, root.end):
            a = ctx.old.nodes[o]
            n = ctx.old_to_new.get(o)
            if a.ref is None or n is None:
                continue
            b = ctx.new.nodes[n]
            if b.ref is None or b.ref[0] != a.ref[0]:
                continue
            seen.setdefault(a.ref[0], {}).setdefault(a.ref[1], set()).add(b.ref[1])
        maps[old_body] = {
            unit: {old: next(iter(new)) for old, new in keys.items() if len(new) == 1} for unit, keys in seen.items()
        }
    return maps


def _wording_changed(ctx: Context, o: int, n: int, maps: dict[int, RefMap]) -> bool:
    a, b = ctx.old.nodes[o], ctx.new.nodes[n]
    if a.folded == b.folded:
        return False
    return canonical_references(a.folded, maps.get(a.body)) != canonical_references(b.folded)


def _whole_text(side: Side) -> str:
    """The text of every heading and unit, one per line: where substituted terms are read."""
    return "\n".join(node.text for node in side.nodes if node.tier in (Tier.HEADING, Tier.UNIT))


def _matched(
    ctx: Context,
    o: int,
    n: int,
    moved: bool,
    maps: dict[int, RefMap],
    substitutions: tuple[Substitution, ...],
    runs: Redline,
) -> Matched:
    a, b = ctx.old.nodes[o], ctx.new.nodes[n]
    assert a.section is not None and b.section is not None
    flags = {"text_changed": False, "format_only": False, "reference_only": False, "substitution_only": False}
    score = 1.0
    if a.folded == b.folded:
        flags["format_only"] = a.text != b.text or (a.section.label != b.section.label and a.key == b.key)
    else:
        score = round(text_similarity(a.folded, b.folded, ctx.grams), 4)
        old_canonical = canonical_references(a.folded, maps.get(a.body))
        new_canonical = canonical_references(b.folded)
        if old_canonical == new_canonical:
            flags["reference_only"] = True
        else:
            flags["text_changed"] = True
            flags["substitution_only"] = explained(runs, substitutions)
    return Matched(
        old=_ref(a),
        new=_ref(b),
        title_changed=a.title != b.title,
        renumbered=a.key != b.key,
        moved=moved,
        similarity=score,
        evidence=ctx.evidence.get(o, "text"),
        redline=runs,
        **flags,
    )


def _new_positions(ctx: Context) -> dict[int, int]:
    """Reading position of each new node: bodies in the order of the old bodies they pair with."""
    order = [n for _, n in sorted(ctx.bodies)]
    order += [b.index for b in ctx.new.bodies if b.index not in order]
    positions: dict[int, int] = {}
    for body in order:
        root = ctx.new.nodes[ctx.new.bodies[body].root]
        for index in range(root.index, root.end):
            positions[index] = len(positions)
    return positions


def _removed_position(ctx: Context, index: int, new_position: dict[int, int]) -> int:
    """Where a removed section goes: after the new partner of the nearest placed section before it.

    Right after that partner when it is the removed section's ancestor (a first 款 removed),
    else after the partner's whole subtree. Sections of an unpaired old body go last.
    """
    node = ctx.old.nodes[index]
    anchor = index - 1
    while anchor >= 0 and ctx.old.nodes[anchor].body == node.body:
        partners = _partners(ctx, anchor)
        if partners:
            if ctx.old.nodes[anchor].end > index:  # an ancestor
                return 2 * new_position[partners[0]] + 1
            last = max(partners, key=new_position.__getitem__)
            return 2 * (new_position[last] + ctx.new.nodes[last].end - last) - 1
        anchor -= 1
    return 2 * len(new_position) + 1


def _partners(ctx: Context, old: int) -> list[int]:
    if old in ctx.old_to_new:
        return [ctx.old_to_new[old]]
    if old in ctx.old_group:
        return list(ctx.groups[ctx.old_group[old]].new)
    return []


def _summary(
    changes: Iterable[Change], ranges: tuple[RenumberRange, ...], substitutions: tuple[Substitution, ...]
) -> Summary:
    totals: dict[str, int] = dict.fromkeys(COUNT_FIELDS, 0)
    by_kind: dict[str, dict[str, int]] = {}
    for change in changes:
        if isinstance(change, Matched):
            kind = change.old.kind
            keys = ["matched"] + [
                flag
                for flag in ("text_changed", "renumbered", "moved", "format_only", "reference_only")
                if getattr(change, flag)
            ]
        elif isinstance(change, Added):
            kind, keys = change.new.kind, ["added"]
        elif isinstance(change, Removed):
            kind, keys = change.old.kind, ["removed"]
        elif isinstance(change, Split):
            kind, keys = change.old.kind, ["split"]
        else:
            kind, keys = change.new.kind, ["merged"]
        counts = by_kind.setdefault(kind, dict.fromkeys(COUNT_FIELDS, 0))
        for key in keys:
            totals[key] += 1
            counts[key] += 1
    return Summary(
        **totals,
        renumber_ranges=ranges,
        substitutions=substitutions,
        by_kind={kind: KindCounts(**counts) for kind, counts in sorted(by_kind.items())},
    )




def _preamble(old: str, new: str) -> TextChange:
    same = fold(old) == fold(new)
    runs: Redline = redline(old, new)
    return TextChange(old=old, new=new, text_changed=not same, format_only=same and old != new, redline=runs)
