"""The grammar: terminals come from the .lark file, and RANK mirrors its nesting rules."""

from __future__ import annotations

import itertools

import pytest

import policyparse
from policyparse._grammar import marker_pattern, parser
from policyparse.kinds import RANK

SAMPLE_LINE = {
    "book": "第一编　总则",
    "subbook": "第一分编　通则",
    "part": "第一部分　总体要求",
    "chapter": "第一章　总则",
    "preface": "序言",
    "supplementary": "附　　则",
    "section": "第一节　一般规定",
    "article": "第一条　目的",
    "heading1": "一、总体要求",
    "outline1": "1　总则",
    "heading2": "（一）指导思想",
    "outline2": "1.1　编制目的",
    "heading3": "1.拓展两个市场",
    "outline3": "1.1.1　职责",
    "heading4": "（1）统一领导",
    "outline4": "1.1.1.1　细则",
    "heading5": "①第一点",
}


def test_every_section_rule_has_a_rank_and_a_sample() -> None:
    rules = {rule.origin.name for rule in parser().rules if not str(rule.origin.name).startswith("_")}
    assert rules - {"start", "contents"} == set(RANK)
    # item1 has no line of its own: the layout's lists pass makes it from 一、 in an article.
    assert set(RANK) - {"item1"} == set(SAMPLE_LINE)


def test_marker_pattern_is_built_from_the_grammar_terminals() -> None:
    names = set(marker_pattern().groupindex)
    assert names == {t.name for t in parser().terminals} - {"TEXT", "TOC_ENTRY", "ITEM1"}


@pytest.mark.parametrize(("upper", "lower"), list(itertools.permutations(SAMPLE_LINE, 2)))
def test_rank_decides_nesting(upper: str, lower: str) -> None:
    document = policyparse.parse(f"{SAMPLE_LINE[upper]}\n{SAMPLE_LINE[lower]}\n")
    nested = len(document.sections) == 1
    assert nested == (RANK[upper] < RANK[lower]), [s.path for s in document.walk()]
