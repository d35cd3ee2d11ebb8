"""Render stage (diff): short human descriptions of a change, shared by every renderer.

The words are Chinese, as a 修订对照表 prints them (新增, 删除, 修改, 条号变更 …), each with
the English flag name in the text output, so that either reader finds their way.
"""

from __future__ import annotations

from policyparse.compare.records import Added, Change, Matched, Merged, Removed, SectionRef, Split, Tier

__all__ = ["change_notes", "heading_of", "is_row", "is_unchanged", "ref_name"]


def ref_name(ref: SectionRef) -> str:
    """How a section is named in a table: its label, or 第N款 for a clause, or its path."""
    if ref.label:
        return ref.label
    if ref.kind == "clause" and ref.number is not None:
        return f"第{ref.number}款"
    return ref.path.rsplit("/", 1)[-1]


def heading_of(ref: SectionRef) -> str:
    """A heading's label and title as one line (「第一章　总则」)."""
    parts = [p for p in (ref.label, ref.title) if p]
    return "　".join(parts) if parts else ref.path


def is_row(change: Change) -> bool:
    """True for the changes that get a row of their own: headings and units, not their 款 and 项."""
    ref = change.new if isinstance(change, (Added, Merged)) else change.old
    return ref.tier is not Tier.INNER


def is_unchanged(change: Change) -> bool:
    """True for a matched section with no flag set."""
    return isinstance(change, Matched) and not (
        change.text_changed
        or change.title_changed
        or change.renumbered
        or change.moved
        or change.format_only
        or change.reference_only
    )


def change_notes(change: Change) -> list[tuple[str, str]]:
    """Return ``(中文, flag)`` notes for a change, most important first."""
    if isinstance(change, Added):
        return [("新增", "added")]
    if isinstance(change, Removed):
        return [("删除", "removed")]
    if isinstance(change, Split):
        names = "、".join(ref_name(r) for r in change.new)
        return [(f"拆分为{names}", "split")]
    if isinstance(change, Merged):
        names = "、".join(ref_name(r) for r in change.old)
        return [(f"由{names}合并", "merged")]
    notes: list[tuple[str, str]] = []
    if change.text_changed:
        if change.substitution_only:
            notes.append(("仅术语替换", "substitution only"))
        else:
            notes.append(("修改", "text changed"))
    if change.title_changed and not change.text_changed:
        notes.append(("标题修改", "title changed"))
    if change.renumbered:
        notes.append((f"序号变更 {ref_name(change.old)}→{ref_name(change.new)}", "renumbered"))
    if change.moved:
        notes.append(("位置移动", "moved"))
    if change.reference_only:
        notes.append(("仅引用条号变更", "reference only"))
    if change.format_only:
        notes.append(("仅格式变化", "format only"))
    notes.extend(_evidence(change))
    return notes or [("未变", "unchanged")]


def _evidence(change: Matched) -> list[tuple[str, str]]:
    """What paired a changed section, where a reader would want to judge it: near-same titles,
    the units a heading holds, or a similar text (with how similar); not the same text or the
    same number with a similar text, which need no judging."""
    if change.evidence == "title":
        return [("按标题对应", "paired by title")]
    if change.evidence == "units":
        return [("按所含条文对应", "paired by its units")]
    if change.evidence == "text" and (change.text_changed or change.title_changed):
        return [(f"按内容对应（相似度 {change.similarity:.2f}）", "paired by text")]
    return []
