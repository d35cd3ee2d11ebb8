"""Diff stage: the matching under construction, shared by every matching pass.

Holds the pairs (old node ↔ new node, with their similarity), the split and merge groups,
and the per-diff caches (bigram sequences). Passes only add to it; the split and merge pass
may dissolve a weak pair it replaces with a group.
"""

from __future__ import annotations

import attrs

from policyparse.compare.similarity import BigramCache, text_similarity
from policyparse.compare.tree import Node, Side

__all__ = ["Context", "Group", "Relation"]

Relation = tuple[str, int]
"""What ties an old node to a new one: ``("m", old index)`` for a pair, ``("g", group)``."""


@attrs.frozen
class Group:
    """A split (one old → several new) or a merge (several old → one new)."""

    op: str
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float


class Context:
    """Both node tables, the pairs and groups found so far, and the caches."""

    def __init__(self, old: Side, new: Side, bodies: list[tuple[int, int]]) -> None:
        self.old = old
        self.new = new
        self.bodies = bodies
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}
        self.scores: dict[int, float] = {}
        self.evidence: dict[int, str] = {}  # old index → what paired it (Matched.evidence)
        self.groups: list[Group] = []
        self.old_group: dict[int, int] = {}
        self.new_group: dict[int, int] = {}
        self.grams = BigramCache()
        self.global_levels: set[tuple[int, int, str]] = set()

    # -- pairs and groups -------------------------------------------------------------

    def pair(self, old: int, new: int, score: float, evidence: str = "text") -> None:
        """Record that old node ``old`` is new node ``new``, and on what evidence (see
        ``Matched.evidence``)."""
        self.old_to_new[old] = new
        self.new_to_old[new] = old
        self.scores[old] = score
        self.evidence[old] = evidence

    def unpair(self, old: int) -> None:
        """Dissolve the pair of old node ``old``."""
        new = self.old_to_new.pop(old)
        del self.new_to_old[new]
        del self.scores[old]
        self.evidence.pop(old, None)

    def add_group(self, group: Group) -> None:
        """Record a split or merge; its members must be unpaired."""
        number = len(self.groups)
        self.groups.append(group)
        for old in group.old:
            self.old_group[old] = number
        for new in group.new:
            self.new_group[new] = number

    def placed_old(self, old: int) -> bool:
        """True when the old node is paired or in a group."""
        return old in self.old_to_new or old in self.old_group

    def placed_new(self, new: int) -> bool:
        """True when the new node is paired or in a group."""
        return new in self.new_to_old or new in self.new_group

    def relation_old(self, old: int) -> Relation | None:
        """What the old node is tied by, if anything."""
        if old in self.old_to_new:
            return ("m", old)
        if old in self.old_group:
            return ("g", self.old_group[old])
        return None

    def relation_new(self, new: int) -> Relation | None:
        """What the new node is tied by, if anything."""
        if new in self.new_to_old:
            return ("m", self.new_to_old[new])
        if new in self.new_group:
            return ("g", self.new_group[new])
        return None

    def related(self, old: int, new: int) -> bool:
        """True when the parents of the two nodes are paired or in one group."""
        relation = self.relation_old(self.old.nodes[old].parent)
        return relation is not None and relation == self.relation_new(self.new.nodes[new].parent)

    # -- texts ------------------------------------------------------------------------

    def old_node(self, index: int) -> Node:
        """The old node at ``index``."""
        return self.old.nodes[index]

    def new_node(self, index: int) -> Node:
        """The new node at ``index``."""
        return self.new.nodes[index]

    def similarity(self, old: int, new: int, cutoff: float = 0.0) -> float:
        """Similarity of the two nodes' matched texts (0.0 below ``cutoff``)."""
        return text_similarity(self.old.nodes[old].match, self.new.nodes[new].match, self.grams, cutoff)
