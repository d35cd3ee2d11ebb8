"""Diff stage: compare two versions of a document and render the result.

>>> import policyparse
>>> from policyparse.diff import diff
>>> old = policyparse.parse("第一条　为了统一假期，制定本办法。\\n第二条　本办法自公布之日起施行。\\n")
>>> new = policyparse.parse(
...     "第一条　为了统一假期，制定本办法。\\n第二条　假期可以调休。\\n第三条　本办法自公布之日起施行。\\n"
... )
>>> d = diff(old, new)
>>> [(c.op, getattr(c, "renumbered", None)) for c in d.changes]
[('matched', False), ('added', None), ('matched', True)]
>>> d.summary.renumber_ranges[0].old, d.summary.renumber_ranges[0].new
(('第二条', '第二条'), ('第三条', '第三条'))
"""

from __future__ import annotations

from policyparse.diff.command import add_diff_parser, run_diff
from policyparse.diff.engine import diff
from policyparse.diff.invert import invert
from policyparse.diff.records import (
    Added,
    Change,
    DocumentDiff,
    KindCounts,
    Matched,
    Merged,
    Removed,
    RenumberRange,
    SectionRef,
    Split,
    Substitution,
    Summary,
    TextChange,
    Tier,
)
from policyparse.diff.render_html import diff_to_html
from policyparse.diff.render_json import diff_json_schema, diff_to_data, diff_to_json
from policyparse.diff.render_markdown import diff_to_markdown
from policyparse.diff.render_text import diff_to_text

__all__ = [
    "Added",
    "Change",
    "DocumentDiff",
    "KindCounts",
    "Matched",
    "Merged",
    "Removed",
    "RenumberRange",
    "SectionRef",
    "Split",
    "Substitution",
    "Summary",
    "TextChange",
    "Tier",
    "add_diff_parser",
    "diff",
    "diff_json_schema",
    "diff_to_data",
    "diff_to_html",
    "diff_to_json",
    "diff_to_markdown",
    "diff_to_text",
    "invert",
    "run_diff",
]
