"""The names of the levels a diff counts, in the order a summary lists them (by_kind keys)."""

from __future__ import annotations

from collections.abc import Iterable

from policyparse.kinds import KINDS
from policyparse.model import Kind

__all__ = ["LEVEL_NAMES", "ordered_levels"]

# How a 对照表 names each level: 条文 for articles, as the tables people circulate do.
LEVEL_NAMES: dict[str, tuple[str, str]] = {
    Kind.BOOK: ("编", "books"),
    Kind.SUBBOOK: ("分编", "subbooks"),
    Kind.PART: ("部分", "parts"),
    Kind.CHAPTER: ("章", "chapters"),
    Kind.SECTION: ("节", "sections"),
    Kind.ARTICLE: ("条文", "articles"),
    Kind.CLAUSE: ("款", "clauses"),
    Kind.ITEM: ("项", "items"),
    Kind.SUBITEM: ("目", "subitems"),
    Kind.HEADING1: ("一级标题（一、）", "headings 一、"),
    Kind.HEADING2: ("二级标题（（一））", "headings （一）"),
    Kind.HEADING3: ("三级标题（1.）", "headings 1."),
    Kind.HEADING4: ("四级标题（（1））", "headings （1）"),
    Kind.HEADING5: ("五级标题（①）", "headings ①"),
    Kind.OUTLINE: ("大纲标题", "outline headings"),
    Kind.PREFACE: ("序言", "prefaces"),
    Kind.SUPPLEMENTARY: ("附则", "supplementary provisions"),
}


def ordered_levels(kinds: Iterable[str]) -> list[str]:
    """The kinds given, in the order of the kind table (编, 章, 节, 条, 款, 项 …)."""
    order = {kind.value: position for position, kind in enumerate(KINDS)}
    return sorted(kinds, key=lambda kind: order.get(kind, len(order)))
