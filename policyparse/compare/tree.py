"""Diff stage: flatten each version into a table of nodes that the matcher indexes.

Every section becomes a :class:`Node` with its compared text, the folded text it is matched
on, its numbering key and its tier; each body (the document's own sections, or the
embedded document that holds them, and each attachment) gets a root node. Nodes are numbered
in document order, so a subtree is the range ``[index, end)``.

**Which sections are the body.** A document whose own section list is empty but whose
first embedded document (an attachment without a label: the 条例 that a 国务院令 publishes)
has sections is compared through that embedded document: its sections are the body and its
preamble the body's preamble; the cover text around it (令 number, signature) is not
compared. The other attachments are bodies of their own, paired by title, then by label.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from policyparse.compare.fold import fold
from policyparse.compare.records import Tier
from policyparse.compare.references import reference_key
from policyparse.kinds import DIVISIONS, LOCAL, STATUTE_UNITS
from policyparse.model import Document, Kind, Paragraph, Section

__all__ = ["LOCAL_KINDS", "STATUTE_HEADINGS", "Body", "Node", "Side", "build_side", "pair_bodies"]

STATUTE_HEADINGS = DIVISIONS
"""Headings matched by the sections they hold, not by their text."""
LOCAL_KINDS = LOCAL
"""Kinds numbered afresh inside each parent: their numbers only mean something there."""
_RANK = {kind: rank for rank, kind in enumerate(Kind)}
ROOT = "root"


@attrs.define(eq=False)
class Node:
    """One section (or a body's root) with everything the matcher asks of it.

    Attributes:
        index: position in the side's table (document order).
        body: which body it belongs to.
        section: the section, or None for a root.
        parent: the parent's index; -1 for a root.
        depth: 0 for a top-level section, -1 for a root.
        level: ``article``, ``clause`` …; ``outline2`` for a second-level outline.
        tier: heading, unit or inner; None for a root.
        key: the numbering key (the folded label, ``#2`` for the second 款), or None.
        ref: ``(unit, key)`` for labels that cross-references cite (条 章 节 编).
        text: the compared text (see :class:`~policyparse.compare.records.SectionRef`).
        folded: ``text`` folded.
        match: the folded text the matcher compares (the whole subtree, except for 编 章 节).
        title: the folded title ("" when none).
        end: the index after its subtree.
        children: indices of its children.
    """

    index: int
    body: int
    section: Section | None
    parent: int
    depth: int
    level: str
    tier: Tier | None
    key: str | None
    ref: tuple[str, str] | None
    text: str
    folded: str
    match: str
    title: str
    end: int = 0
    children: list[int] = attrs.Factory(list)

    @property
    def voted(self) -> bool:
        """True for 编 章 节 and the like: matched by the units they hold."""
        return self.section is not None and self.section.kind in STATUTE_HEADINGS


@attrs.frozen
class Body:
    """A tree to compare: the document's own sections, or one attachment.

    Attributes:
        index: position in the side's body list (0 is the main body).
        root: index of its root node.
        label: the attachment's label (「附件1」), None for the main body.
        title: the attachment's folded title, or None.
        preamble: its preamble paragraphs joined by line breaks.
    """

    index: int
    root: int
    label: str | None
    title: str | None
    preamble: str


@attrs.define(eq=False)
class Side:
    """The node table of one version."""

    document: Document
    nodes: list[Node]
    bodies: list[Body]
    by_level: dict[tuple[int, str], list[int]]
    headings: dict[int, list[int]] = attrs.Factory(dict)
    """Per body, its heading nodes (filled on first use)."""
    unit_counts: dict[int, int] = attrs.Factory(dict)
    """Per heading node, how many units it holds (filled on first use)."""

    def level_nodes(self, body: int, level: str) -> list[int]:
        """Return the nodes of one level in one body, in document order."""
        return self.by_level.get((body, level), [])


def build_side(document: Document) -> Side:
    """Return the node table of ``document`` (see the module docstring for the bodies)."""
    nodes: list[Node] = []
    bodies: list[Body] = []
    for number, (label, title, sections, preamble) in enumerate(_bodies(document)):
        root = len(nodes)
        nodes.append(
            Node(
                index=root,
                body=number,
                section=None,
                parent=-1,
                depth=-1,
                level=ROOT,
                tier=None,
                key=None,
                ref=None,
                text="",
                folded="",
                match="",
                title="",
            )
        )
        for section in sections:
            _add(section, root, number, 0, False, nodes)
        nodes[root].end = len(nodes)
        titles = {fold(t) for t in (title, document.meta.title if number == 0 else None) if t}
        # the title printed again above the text (a page's heading, a reprint) is no preamble
        text = "\n".join(p.text for p in preamble if fold(p.text) not in titles)
        bodies.append(Body(number, root, label, fold(title) if title else None, text))
    by_level: dict[tuple[int, str], list[int]] = {}
    for node in nodes:
        if node.section is not None:
            by_level.setdefault((node.body, node.level), []).append(node.index)
    return Side(document, nodes, bodies, by_level)


def pair_bodies(old: Side, new: Side) -> list[tuple[int, int]]:
    """Pair the bodies of two versions.

    The main bodies pair; then attachments with the same title, then with the same label
    (in order, when several share one), then the rest in order.
    """
    pairs = [(0, 0)]
    free_old = [b.index for b in old.bodies[1:]]
    free_new = [b.index for b in new.bodies[1:]]
    for field in ("title", "label"):
        groups: dict[str, tuple[list[int], list[int]]] = {}
        for side, free, slot in ((old, free_old, 0), (new, free_new, 1)):
            for index in free:
                value = getattr(side.bodies[index], field)
                if value:
                    groups.setdefault(value, ([], []))[slot].append(index)
        for olds, news in groups.values():
            for a, b in zip(olds, news, strict=False):
                pairs.append((a, b))
                free_old.remove(a)
                free_new.remove(b)
    pairs.extend(zip(free_old, free_new, strict=False))
    return sorted(pairs)


def level_order(old: Side, new: Side) -> list[str]:
    """Return the levels to match, parents before children (编 章 节 excluded)."""
    depth: dict[str, tuple[int, int]] = {}
    for side in (old, new):
        for node in side.nodes:
            if node.section is None or node.voted:
                continue
            rank = (node.depth, _RANK[node.section.kind])
            depth[node.level] = min(depth.get(node.level, rank), rank)
    return sorted(depth, key=lambda level: (depth[level], level))


def _bodies(document: Document) -> list[tuple[str | None, str | None, Sequence[Section], Sequence[Paragraph]]]:
    sections, preamble, embedded = document.sections, document.preamble, None
    if not sections:
        for position, attachment in enumerate(document.attachments):
            if attachment.label is None and attachment.sections:
                sections, preamble, embedded = attachment.sections, attachment.preamble, position
                break
    found: list[tuple[str | None, str | None, Sequence[Section], Sequence[Paragraph]]] = [
        (None, None, sections, preamble)
    ]
    for position, attachment in enumerate(document.attachments):
        if position != embedded:
            label = fold(attachment.label) if attachment.label else None
            found.append((label, attachment.title, attachment.sections, attachment.preamble))
    return found


def _own_lines(section: Section) -> list[str]:
    lines = [section.title] if section.title else []
    lines.extend(p.text for p in section.paragraphs)
    return lines


def _add(section: Section, parent: int, body: int, depth: int, inside_unit: bool, nodes: list[Node]) -> list[str]:
    """Append ``section`` and its subtree; return its lines as written inside its parent."""
    kind = section.kind
    if inside_unit:
        tier = Tier.INNER
    elif kind in STATUTE_HEADINGS or (kind not in STATUTE_UNITS and section.children):
        tier = Tier.HEADING
    else:
        tier = Tier.UNIT
    level = kind.value
    if kind is Kind.OUTLINE:
        outline_depth, up = 1, nodes[parent]
        while up.section is not None and up.section.kind is Kind.OUTLINE:
            outline_depth += 1
            up = nodes[up.parent]
        level = f"outline{outline_depth}"
    label = fold(section.label) if section.label else None
    key = label if label else (f"#{section.number}" if section.number is not None else None)
    index = len(nodes)
    node = Node(
        index=index,
        body=body,
        section=section,
        parent=parent,
        depth=depth,
        level=level,
        tier=tier,
        key=key,
        ref=reference_key(label) if label else None,
        text="",
        folded="",
        match="",
        title=fold(section.title) if section.title else "",
    )
    nodes.append(node)
    nodes[parent].children.append(index)
    own = _own_lines(section)
    below: list[str] = []
    for child in section.children:
        below.extend(_add(child, index, body, depth + 1, inside_unit or tier is not Tier.HEADING, nodes))
    node.end = len(nodes)
    whole = "\n".join(own + below)
    node.text = "\n".join(own) if tier is Tier.HEADING else whole
    node.folded = fold(node.text)
    node.match = node.folded if tier is not Tier.HEADING else (node.folded if node.voted else fold(whole))
    if not section.label:
        return own + below
    if not own:
        return [section.label, *below]
    return [section.label + own[0], *own[1:], *below]
