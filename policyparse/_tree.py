"""Parser stage: turn Lark's parse of the line tokens into draft sections.

The grammar's rule names are the section rules (``heading2``, ``article`` …); a draft keeps
the rule, its marker token, its body tokens and its child drafts. The model stage turns
drafts into frozen :class:`~policyparse.model.Section` objects.
"""

from __future__ import annotations

from typing import Any

import attrs
import lark

from policyparse._grammar import CONTENTS, NOT_HEADINGS, parser

# Rank of each section rule, mirroring the grammar's nesting (a lower rank contains a
# higher one). tests/test_grammar.py checks the table against the parser itself.
RANK = {
    "book": 1, "subbook": 2, "part": 3, "chapter": 4, "preface": 4, "supplementary": 4, "section": 5,
    "article": 6, "heading1": 6, "outline1": 6,
    "heading2": 7, "outline2": 7,
    "heading3": 8, "outline3": 8,
    "heading4": 9, "outline4": 9,
    "heading5": 10,
}


@attrs.define
class Draft:
    """A section as parsed: rule, marker token (None if implicit), body tokens, children."""

    rule: str
    marker: lark.Token | None
    body: list[lark.Token]
    children: list[Draft]
    implicit_number: int | None = None


class _ToDrafts(lark.Transformer[lark.Token, Draft]):
    """Builds one draft per rule; every rule has the shape MARKER body* child*."""

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Draft:
        del meta
        marker: lark.Token | None = None
        body: list[lark.Token] = []
        subsections: list[Draft] = []
        for child in children:
            if isinstance(child, Draft):
                subsections.append(child)
            elif child.type in NOT_HEADINGS and not (data == "contents" and child.type == CONTENTS):
                body.append(child)
            else:
                marker = child
        return Draft(str(data), marker, body, subsections)


def parse_tokens(tokens: list[lark.Token]) -> Draft:
    """Parse line tokens into the root draft (rule ``start``)."""
    tree = parser().parse(tokens)
    root = _ToDrafts().transform(tree)
    assert isinstance(root, Draft)
    return root
