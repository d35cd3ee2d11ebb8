"""Diff stage (``policyparse.compare``): compare two versions of a document and render the result.

``policyparse.diff()`` is :func:`policyparse.compare.diff`; the command line is in
``policyparse._diff_command``.

>>> import policyparse
>>> from policyparse.compare import diff
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

from policyparse.compare.engine import diff
from policyparse.compare.invert import invert
from policyparse.compare.records import (
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
from policyparse.compare.render_html import diff_to_html
from policyparse.compare.render_json import diff_json_schema, diff_to_data, diff_to_json
from policyparse.compare.render_markdown import diff_to_markdown
from policyparse.compare.render_text import diff_to_text

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
    "diff",
    "diff_json_schema",
    "diff_to_data",
    "diff_to_html",
    "diff_to_json",
    "diff_to_markdown",
    "diff_to_text",
    "invert",
]
