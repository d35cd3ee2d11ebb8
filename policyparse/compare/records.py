"""Diff stage: the frozen records that ``diff()`` returns and every renderer reads.

A :class:`DocumentDiff` holds one change per section of either version (``changes``), a
:class:`Summary` with counts, the renumbering collapsed into ranges and the terms replaced
throughout, and the comparison of the body text that stands before the first section.
Records hold :class:`SectionRef` values, never the model's sections, so a diff is cheap to
keep, compare and invert.
"""

from __future__ import annotations

import enum

import attrs

__all__ = [
    "Added",
    "Change",
    "DocumentDiff",
    "KindCounts",
    "Matched",
    "Merged",
    "Redline",
    "Removed",
    "RenumberRange",
    "Retargeted",
    "SectionRef",
    "Split",
    "Substitution",
    "Summary",
    "TextChange",
    "Tier",
]

Redline = tuple[tuple[str, str], ...]
"""``(op, text)`` runs, op ``equal``, ``delete`` or ``insert``: equal and delete runs
concatenate to the old text, equal and insert runs to the new text."""


class Tier(enum.StrEnum):
    """Where a section stands for rendering: a heading, a unit of text, or part of a unit."""

    HEADING = "heading"
    """A structural heading (编 章 节, or 一、 over its own sub-sections): compared on its own
    title and paragraphs; its children are compared on their own."""
    UNIT = "unit"
    """A unit of text under a heading or at the top (条, or a leaf 一、/（一）): compared on its
    whole text, its 款/项 included; one row of a 新旧对照表."""
    INNER = "inner"
    """Part of a unit (款 项 目): its changes are also shown in its unit's redline."""


@attrs.frozen(kw_only=True)
class SectionRef:
    """One section of one version, as a diff refers to it.

    Attributes:
        path: the section's path (``第二章/第十条``; embedded documents start with 《title》).
        label: its marker as written; None for a 款 and for implicit placeholders.
        kind: its kind (``article``, ``clause`` …).
        id: its structural id.
        line: 1-based line of its heading.
        number: its number (the position of a 款).
        title: its title, or None.
        text: the text compared: for a heading its title and own paragraphs, for a unit
            its whole text with the labels of its 项 (one line per paragraph).
        tier: heading, unit or inner (see :class:`Tier`).
        depth: how many sections enclose it (0 at the top of its document or attachment).
    """

    path: str
    label: str | None
    kind: str
    id: str
    line: int
    number: int | None
    title: str | None
    text: str
    tier: Tier
    depth: int


@attrs.frozen(kw_only=True)
class Matched:
    """A section found in both versions.

    Attributes:
        old, new: the section in each version.
        text_changed: the wording changed (not only formatting or a renumbered reference).
        title_changed: the title changed beyond formatting.
        renumbered: the number changed (第七条 → 第八条, a 款 that became the third).
        moved: it sits under a different parent, or out of order among its siblings beyond
            what insertions and deletions explain.
        format_only: the text differs only in width of punctuation and digits, whitespace,
            line wrapping or quote style.
        reference_only: the only change is a cross-reference that follows the renumbering
            (依照本法第十条 → 依照本法第十二条).
        substitution_only: the text changed, and every edit is one of the terms replaced
            throughout (``Summary.substitutions``) or a formatting edit.
        similarity: 1.0 for texts equal up to formatting, else the bigram similarity (0–1).
        evidence: what paired the two, for a reader to judge it: ``identical`` (the same text),
            ``number`` (the same number and a similar text), ``title`` (near-same titles, the
            bodies maybe rewritten), ``units`` (a heading whose units went to the other),
            ``text`` (similar text).
        redline: the old text turned into the new one (see :data:`Redline`).
    """

    old: SectionRef
    new: SectionRef
    text_changed: bool = False
    title_changed: bool = False
    renumbered: bool = False
    moved: bool = False
    format_only: bool = False
    reference_only: bool = False
    substitution_only: bool = False
    similarity: float = 1.0
    evidence: str = "identical"
    redline: Redline = ()

    op = "matched"

    @property
    def substantive(self) -> bool:
        """True when the change is more than formatting or renumbered references."""
        return self.text_changed or self.title_changed or self.renumbered or self.moved


@attrs.frozen(kw_only=True)
class Added:
    """A section only the new version has."""

    new: SectionRef
    op = "added"
    substantive = True


@attrs.frozen(kw_only=True)
class Removed:
    """A section only the old version has."""

    old: SectionRef
    op = "removed"
    substantive = True


@attrs.frozen(kw_only=True)
class Split:
    """One old section whose text now stands in several new ones (in their order).

    ``similarity`` and ``redline`` compare the old text with the new texts joined by line
    breaks.
    """

    old: SectionRef
    new: tuple[SectionRef, ...]
    similarity: float
    redline: Redline
    op = "split"
    substantive = True


@attrs.frozen(kw_only=True)
class Merged:
    """Several old sections (in their order) whose text now stands in one new section."""

    old: tuple[SectionRef, ...]
    new: SectionRef
    similarity: float
    redline: Redline
    op = "merged"
    substantive = True


Change = Matched | Added | Removed | Split | Merged
"""One entry of ``DocumentDiff.changes``."""


@attrs.frozen(kw_only=True)
class RenumberRange:
    """A run of sections of one kind renumbered by the same offset.

    Attributes:
        kind: the kind of the sections (``article``, ``chapter`` …).
        old: labels of the first and last old section (「第十条」, 「第四十五条」).
        new: labels of the first and last new section.
        offset: new number minus old number.
    """

    kind: str
    old: tuple[str, str]
    new: tuple[str, str]
    offset: int


@attrs.frozen(kw_only=True)
class Substitution:
    """A term replaced throughout: ``old`` became ``new`` ``count`` times."""

    old: str
    new: str
    count: int


@attrs.frozen(kw_only=True)
class KindCounts:
    """The summary counts for the sections of one kind."""

    added: int = 0
    removed: int = 0
    matched: int = 0
    text_changed: int = 0
    renumbered: int = 0
    moved: int = 0
    split: int = 0
    merged: int = 0
    format_only: int = 0
    reference_only: int = 0


@attrs.frozen(kw_only=True)
class Summary:
    """Counts over all changes, the renumbering map and the substitutions.

    The counts cover every level (章, 条, 款, 项 …); ``by_kind`` breaks them down by kind.
    ``split`` and ``merged`` count records, not sections.
    """

    added: int
    removed: int
    matched: int
    text_changed: int
    renumbered: int
    moved: int
    split: int
    merged: int
    format_only: int
    reference_only: int
    renumber_ranges: tuple[RenumberRange, ...] = ()
    substitutions: tuple[Substitution, ...] = ()
    by_kind: dict[str, KindCounts] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class TextChange:
    """The comparison of text outside the sections (the preamble before the first one).

    Attributes:
        old, new: the text in each version, paragraphs joined by line breaks.
        text_changed: the wording changed.
        format_only: only the formatting changed.
        redline: the old text turned into the new one.
    """

    old: str
    new: str
    text_changed: bool
    format_only: bool
    redline: Redline


@attrs.frozen(kw_only=True)
class Retargeted:
    """A cross-reference that names another section than its old version did, as the diff
    matched them (「依照本法第十条」 kept as written while the old 第十条 became 第十一条).

    Attributes:
        old_section, new_section: the ids of the (matched) sections it stands in.
        old_text, new_text: the reference as written in each version.
        old_targets: what it named in the old version (ids there).
        new_targets: what it names in the new version (ids there).
        expected: what the old targets became in the new version (ids there).
        old_line, new_line: its line in each version.
    """

    old_section: str
    new_section: str
    old_text: str
    new_text: str
    old_targets: tuple[str, ...]
    new_targets: tuple[str, ...]
    expected: tuple[str, ...]
    old_line: int | None = None
    new_line: int | None = None


@attrs.frozen(kw_only=True)
class DocumentDiff:
    """Everything ``diff(old, new)`` found.

    Attributes:
        old_name, new_name: the documents' source names (file names), or None.
        summary: counts, renumbering ranges and substitutions.
        changes: one record per section of either version, at every level, in the order of
            the new version with removed sections after their old predecessor.
        preamble: the text before the first section of each version's body.
        retargeted: the cross-references that now name another section than before.
    """

    old_name: str | None
    new_name: str | None
    summary: Summary
    changes: tuple[Change, ...]
    preamble: TextChange
    retargeted: tuple[Retargeted, ...] = ()

    @property
    def substantive(self) -> bool:
        """True when anything changed beyond formatting and renumbered references (a reference
        that now names another section is a change)."""
        return (
            self.preamble.text_changed or bool(self.retargeted) or any(change.substantive for change in self.changes)
        )


# The counts of a Summary and of a KindCounts, in the order the JSON writes them.
COUNT_FIELDS = (
    "added",
    "removed",
    "matched",
    "text_changed",
    "renumbered",
    "moved",
    "split",
    "merged",
    "format_only",
    "reference_only",
)
