"""Model stage: each kind of section described once, and each grammar rule that makes one.

Every stage that needs a fact about a kind reads it here: the builder (a rule's kind and
rank, ids, title rules), the serializers (how a label is written) and the diff (what is
matched by position). ``tests/test_kinds.py`` checks the table against the grammar.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from policyparse.model import Kind

__all__ = [
    "DIVISIONS",
    "DIVISION_TERMINALS",
    "KINDS",
    "LOCAL",
    "NAMED",
    "RANK",
    "RULES",
    "RULE_KIND",
    "SPACED",
    "STATUTE_UNITS",
    "KindInfo",
    "RuleInfo",
]


@attrs.frozen
class KindInfo:
    """What one kind is.

    ``id_prefix`` starts its id segment (``art-10``); ``name`` is how people call it.
    ``division``: 编 分编 部分 章 节, which hold articles and are matched by what they hold;
    ``statute_unit``: 条 款 项 目; ``local``: numbered afresh inside each parent (款 项 目);
    ``named``: the label is the name (序言, 附则); ``spaced``: a space parts the label from
    its title (「第一章 总则」, 「1.2 范围」), where 一、 and （一） are followed directly.
    """

    id_prefix: str
    name: str
    division: bool = False
    statute_unit: bool = False
    local: bool = False
    named: bool = False
    spaced: bool = False


KINDS: Mapping[Kind, KindInfo] = {
    Kind.BOOK: KindInfo("bk", "book (编)", division=True, spaced=True),
    Kind.SUBBOOK: KindInfo("sbk", "subbook (分编)", division=True, spaced=True),
    Kind.PART: KindInfo("pt", "part (部分)", division=True, spaced=True),
    Kind.CHAPTER: KindInfo("ch", "chapter (章)", division=True, spaced=True),
    Kind.SECTION: KindInfo("sec", "section (节)", division=True, spaced=True),
    Kind.ARTICLE: KindInfo("art", "article (条)", statute_unit=True, spaced=True),
    Kind.CLAUSE: KindInfo("cl", "clause (款)", statute_unit=True, local=True),
    Kind.ITEM: KindInfo("item", "item (项)", statute_unit=True, local=True),
    Kind.SUBITEM: KindInfo("sub", "subitem (目)", statute_unit=True, local=True),
    Kind.HEADING1: KindInfo("h1", "heading 一、"),
    Kind.HEADING2: KindInfo("h2", "heading （一）"),
    Kind.HEADING3: KindInfo("h3", "heading 1."),
    Kind.HEADING4: KindInfo("h4", "heading （1）"),
    Kind.HEADING5: KindInfo("h5", "heading ①"),
    Kind.OUTLINE: KindInfo("ol", "outline heading (1.2.1)", spaced=True),
    Kind.PREFACE: KindInfo("pre", "preface (序言)", named=True),
    Kind.SUPPLEMENTARY: KindInfo("supp", "supplementary provisions (附则)", named=True),
}


@attrs.frozen
class RuleInfo:
    """A grammar rule that makes a section: its marker terminal, the kind its drafts are
    before context (the builder makes （一） in an article an item), and its rank (a lower
    rank contains a higher one: ``docs/numbering.md``)."""

    terminal: str
    kind: Kind
    rank: int


RULES: Mapping[str, RuleInfo] = {
    "book": RuleInfo("BOOK", Kind.BOOK, 1),
    "subbook": RuleInfo("SUBBOOK", Kind.SUBBOOK, 2),
    "part": RuleInfo("PART", Kind.PART, 3),
    "chapter": RuleInfo("CHAPTER", Kind.CHAPTER, 4),
    "preface": RuleInfo("PREFACE", Kind.PREFACE, 4),
    "supplementary": RuleInfo("SUPPLEMENTARY", Kind.SUPPLEMENTARY, 4),
    "section": RuleInfo("SECTION", Kind.SECTION, 5),
    "article": RuleInfo("ARTICLE", Kind.ARTICLE, 6),
    "heading1": RuleInfo("H1", Kind.HEADING1, 6),
    "outline1": RuleInfo("OUTLINE1", Kind.OUTLINE, 6),
    "heading2": RuleInfo("H2", Kind.HEADING2, 7),
    "outline2": RuleInfo("OUTLINE2", Kind.OUTLINE, 7),
    "item1": RuleInfo("ITEM1", Kind.ITEM, 7),  # an article's 一、 list (the layout's lists pass)
    "heading3": RuleInfo("H3", Kind.HEADING3, 8),
    "outline3": RuleInfo("OUTLINE3", Kind.OUTLINE, 8),
    "heading4": RuleInfo("H4", Kind.HEADING4, 9),
    "outline4": RuleInfo("OUTLINE4", Kind.OUTLINE, 9),
    "heading5": RuleInfo("H5", Kind.HEADING5, 10),
}

RULE_KIND: Mapping[str, Kind] = {rule: info.kind for rule, info in RULES.items()}
RANK: Mapping[str, int] = {rule: info.rank for rule, info in RULES.items()}
DIVISIONS = frozenset(kind for kind, info in KINDS.items() if info.division)
STATUTE_UNITS = frozenset(kind for kind, info in KINDS.items() if info.statute_unit)
LOCAL = frozenset(kind for kind, info in KINDS.items() if info.local)
NAMED = frozenset(kind for kind, info in KINDS.items() if info.named)
SPACED = frozenset(kind for kind, info in KINDS.items() if info.spaced)
# The markers of the headings above articles: 第X编 … 第X节, 序言, 附则.
DIVISION_TERMINALS = frozenset(
    info.terminal for info in RULES.values() if KINDS[info.kind].division or KINDS[info.kind].named
)
