"""Model stage: structural ids, one segment per level (``h1-4/h2-6``, ``ch-3/art-10/item-2``).

An id is made of kinds and numbers only, so that it stays the same when a title or a text
changes; the diff matches sections on it first. ``docs/design.md`` ("Model") describes it.
A path is made the same way from the labels as written (``四、/（六）``).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from policyparse.kinds import KINDS
from policyparse.model import Kind
from policyparse.numerals import label_value

_PREFIX = {kind: info.id_prefix for kind, info in KINDS.items()}
# The root of an attachment's ids (att-2/h1-1) or of an embedded document's (doc-1/art-3).
_ROOT_PREFIX = {"attachment": "att", "embedded": "doc"}


class Parent(NamedTuple):
    """What a section's children need of it while they are built: its kind (（一） in an
    article is an item), its id and its path, which theirs start with.

    The top of the text is a parent of no kind, id or path (:data:`TOP`); the top of an
    attachment or embedded document has its id and path (``att-1``, ``附件1``).
    """

    kind: Kind | None
    id: str
    path: str

    def path_of(self, segment: str) -> str:
        """The path of a child whose own segment (its label as written) is ``segment``."""
        return f"{self.path}/{segment}" if self.path else segment


TOP = Parent(None, "", "")


def section_id(
    kind: Kind, number: int | None, parent: str = "", label: str = "", seen: dict[str, int] | None = None
) -> str:
    """Return a section's id: its parent's id, then its own segment.

    The segment is the kind's prefix and the number (``art-10``, ``h2-6``, ``ol-1``; ``pre``
    for 序言, which has none). An article numbered 第三条之一 gets ``art-3-1``, beside
    ``art-3``. Among siblings, a segment seen before gets ``~2``, ``~3`` … (two 「（三）」 under
    one heading: ``h2-3`` and ``h2-3~2``).

    Args:
        kind: the section's kind in its context (an item, not a heading2, inside an article).
        number: the label's value, or None for a section named by its label (序言, 附则).
        parent: the parent's id; empty at the top of the text.
        label: the label as written, for 之 (第三条之一).
        seen: the segments made so far among the siblings, counted here; None when the
            section can have no repeated sibling (a 款).

    Returns:
        The id, e.g. ``ch-3/art-10/item-2``.
    """
    segment = _segment(kind, number)
    if "之" in label:  # 第三条之一 → art-3-1
        segment += f"-{label_value(label.rpartition('之')[2])}"
    if seen is not None:
        uses = seen[segment] = seen.get(segment, 0) + 1
        if uses > 1:
            segment = f"{segment}~{uses}"
    return f"{parent}/{segment}" if parent else segment


def attachment_id(kind: str, number: int) -> str:
    """The id under which an attachment's sections are (``att-2``), or an embedded document's (``doc-1``)."""
    return f"{_ROOT_PREFIX[kind]}-{number}"


def repeated(name: str, seen: dict[str, int]) -> str:
    """``name`` the first time ``seen`` counts it, then ``name~2``, ``name~3`` …: the rule of
    :func:`section_id`'s repeats, for the paths of attachments with the same label or title."""
    uses = seen[name] = seen.get(name, 0) + 1
    return name if uses == 1 else f"{name}~{uses}"


@functools.lru_cache(maxsize=4096)
def _segment(kind: Kind, number: int | None) -> str:
    return f"{_PREFIX[kind]}-{number}" if number is not None else _PREFIX[kind]
