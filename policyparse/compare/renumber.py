"""Diff stage: the renumbering map, collapsed into ranges (第十条–第四十五条 → 第十一条–第四十六条).

Only levels numbered through their body (条, 章, and 一、 or （一） where they run through the
document) get ranges: a 款 or 项 number means nothing outside its parent. Paired sections
are taken in old order; a range is a run in which old and new numbers both go up by one with
the same non-zero offset. Labels with 之一 stand outside any range.
"""

from __future__ import annotations

from policyparse.compare.records import RenumberRange
from policyparse.compare.state import Context

__all__ = ["renumber_ranges"]


def renumber_ranges(ctx: Context) -> tuple[RenumberRange, ...]:
    """Return the renumbering ranges of every level numbered through its body."""
    ranges: list[RenumberRange] = []
    for old_body, _, level in sorted(ctx.global_levels):
        pairs: list[tuple[int, int, str, str, str]] = []
        for o in ctx.old.level_nodes(old_body, level):
            n = ctx.old_to_new.get(o)
            if n is None:
                continue
            a, b = ctx.old.nodes[o], ctx.new.nodes[n]
            if a.section is None or b.section is None or a.section.number is None or b.section.number is None:
                continue
            if (a.ref and "-" in a.ref[1]) or (b.ref and "-" in b.ref[1]) or not a.section.label or not b.section.label:
                continue
            pairs.append((a.section.number, b.section.number, a.section.label, b.section.label, a.section.kind.value))
        pairs.sort()
        run: list[tuple[int, int, str, str, str]] = []
        for pair in [*pairs, (0, 0, "", "", "")]:
            if run and pair[0] == run[-1][0] + 1 and pair[1] == run[-1][1] + 1:
                run.append(pair)
                continue
            if run and run[0][1] != run[0][0]:
                ranges.append(
                    RenumberRange(
                        kind=run[0][4],
                        old=(run[0][2], run[-1][2]),
                        new=(run[0][3], run[-1][3]),
                        offset=run[0][1] - run[0][0],
                    )
                )
            run = [pair]
    return tuple(ranges)
