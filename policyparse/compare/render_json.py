"""Render stage (diff): a DocumentDiff as JSON, schema ``policyparse-diff/1``.

Keys follow the contract in the design sketch (``schema``, ``summary``, ``changes``) with
additions that never rename or drop a contract field: ``old``/``new`` source names at the
top, ``kind``/``id``/``line`` in each section reference (and ``text`` for added, removed,
split and merged sections), ``substitution_only`` on matched changes, ``kind`` on renumber
ranges, a ``by_kind`` breakdown of the counts, and the ``preamble`` comparison. docs/diff.md
lists every field; the JSON Schema that checks them ships as
``policyparse/schema/policyparse-diff-1.schema.json`` (:func:`diff_json_schema`).
"""

from __future__ import annotations

import json
from typing import Any

from policyparse._json import packaged_schema
from policyparse._json_writer import dumps_indented
from policyparse.compare.records import (
    COUNT_FIELDS,
    Added,
    Change,
    DocumentDiff,
    KindCounts,
    Matched,
    Merged,
    Removed,
    SectionRef,
    Split,
    Summary,
)

__all__ = ["SCHEMA", "diff_json_schema", "diff_to_data", "diff_to_json"]

SCHEMA = "policyparse-diff/1"
_FLAGS = ("text_changed", "title_changed", "renumbered", "moved", "format_only", "reference_only", "substitution_only")


def diff_to_json(result: DocumentDiff, indent: int | None = 1) -> str:
    """Return the diff as JSON text (UTF-8 characters, no ``\\u`` escapes).

    Args:
        result: what :func:`~policyparse.compare.diff` returned.
        indent: spaces per level; None for one line.
    """
    data = diff_to_data(result)
    if indent is None:
        return json.dumps(data, ensure_ascii=False)
    return dumps_indented(data, indent)


def diff_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the ``policyparse-diff/1`` format (shipped in the package)."""
    return packaged_schema("policyparse-diff-1.schema.json")


def diff_to_data(result: DocumentDiff) -> dict[str, Any]:
    """Return the diff as plain JSON-ready data (dicts, lists, strings, numbers)."""
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "old": {"name": result.old_name},
        "new": {"name": result.new_name},
        "summary": _summary(result.summary),
        "changes": [_change(change) for change in result.changes],
        "preamble": {
            "text_changed": result.preamble.text_changed,
            "format_only": result.preamble.format_only,
            "redline": [list(run) for run in result.preamble.redline],
        },
    }
    if result.retargeted:
        data["retargeted"] = [
            {
                "old_section": r.old_section, "new_section": r.new_section, "old_text": r.old_text,
                "new_text": r.new_text, "old_targets": list(r.old_targets), "new_targets": list(r.new_targets),
                "expected": list(r.expected), "old_line": r.old_line, "new_line": r.new_line,
            }
            for r in result.retargeted
        ]
    return data


def _summary(summary: Summary) -> dict[str, Any]:
    data: dict[str, Any] = {key: getattr(summary, key) for key in COUNT_FIELDS}
    data["renumber_ranges"] = [
        {"old": list(r.old), "new": list(r.new), "offset": r.offset, "kind": r.kind} for r in summary.renumber_ranges
    ]
    data["substitutions"] = [{"old": s.old, "new": s.new, "count": s.count} for s in summary.substitutions]
    data["by_kind"] = {kind: _counts(counts) for kind, counts in summary.by_kind.items()}
    return data


def _counts(counts: KindCounts) -> dict[str, int]:
    return {key: getattr(counts, key) for key in COUNT_FIELDS}


def _ref(ref: SectionRef, with_text: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"path": ref.path, "label": ref.label, "kind": ref.kind, "id": ref.id, "line": ref.line}
    if with_text:
        data["text"] = ref.text
    return data


def _change(change: Change) -> dict[str, Any]:
    if isinstance(change, Matched):
        data: dict[str, Any] = {"op": "matched", "old": _ref(change.old), "new": _ref(change.new)}
        data.update({flag: getattr(change, flag) for flag in _FLAGS})
        data["similarity"] = change.similarity
        data["evidence"] = change.evidence
        data["redline"] = [list(run) for run in change.redline]
        return data
    if isinstance(change, Added):
        return {"op": "added", "old": None, "new": _ref(change.new, with_text=True)}
    if isinstance(change, Removed):
        return {"op": "removed", "old": _ref(change.old, with_text=True), "new": None}
    if isinstance(change, Split):
        return {
            "op": "split",
            "old": [_ref(change.old, with_text=True)],
            "new": [_ref(r, with_text=True) for r in change.new],
            "similarity": change.similarity,
            "redline": [list(run) for run in change.redline],
        }
    merged: Merged = change
    return {
        "op": "merged",
        "old": [_ref(r, with_text=True) for r in merged.old],
        "new": [_ref(merged.new, with_text=True)],
        "similarity": merged.similarity,
        "redline": [list(run) for run in merged.redline],
    }
