"""Parser stage: turn Lark's parse of the line tokens into draft sections.

The grammar's rule names are the section rules (``heading2``, ``article`` …); a draft keeps
the rule, its marker, the lines of its body and its child drafts. The model stage turns
drafts into frozen :class:`~policyparse.model.Section` objects. Drafts keep no token, so that
the tokens are freed once parsed (they would hold two copies of every label).
"""

from __future__ import annotations

import sys
from typing import Any, NamedTuple

import attrs
import lark

from policyparse._grammar import NOT_HEADINGS, Role, parser


class Marker(NamedTuple):
    """A heading's marker: its terminal (``H2``), its label as written, its 1-based line."""

    type: str
    label: str
    line: int


@attrs.define
class Draft:
    """A section as parsed: rule, marker (None if implicit), the line indices of its body
    (one range per run of text lines), children."""

    rule: str
    marker: Marker | None
    body: tuple[range, ...]
    children: tuple[Draft, ...]
    implicit_number: int | None = None


def _draft(tree: lark.Tree[lark.Token]) -> Draft:
    """The draft of a rule's tree, its subtrees' drafts made on the way.

    A plain recursion: Lark's Transformer looks a method up for every token and subtree.
    """
    return _draft_of(str(tree.data), tree.children)


def _draft_of(rule: str, children: list[Any]) -> Draft:
    """A draft from a rule's children (every rule has the shape MARKER body* child*): subtrees
    (made into drafts here) or drafts (made by the inline transformer that
    ``benchmarks/parse_bench.py`` measures), and tokens."""
    marker: Marker | None = None
    body: list[range] = []
    subsections: list[Draft] = []
    for child in children:
        if isinstance(child, lark.Tree):
            subsections.append(_draft(child))
        elif isinstance(child, Draft):
            subsections.append(child)
        elif child.type in NOT_HEADINGS and not (rule == "contents" and child.type == Role.CONTENTS):
            body.append(range(child.line - 1, child.end_line))
        else:
            marker = Marker(child.type, sys.intern(child.value), child.line)  # 「（一）」 once
    return Draft(rule, marker, tuple(body), tuple(subsections))


def parse_tokens(tokens: list[lark.Token]) -> Draft:
    """Parse line tokens into the root draft (rule ``start``)."""
    return _draft(parser().parse(tokens))
