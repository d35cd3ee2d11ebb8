"""The diff JSON (``policyparse-diff/1``) validates against the schema shipped in the package.

Checked: the schema is a valid draft 2020-12 schema that names every section kind; the JSON
of every corpus version pair (both directions), of ``diff(a, a)``, of edits to a real statute
(tests/test_diff_lawbuilder.py) and of small hand-made cases validates; and outputs broken on
purpose (a field missing, a wrong op, an extra field, a wrong schema string …) do not.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import policyparse
from policyparse.compare import DocumentDiff, diff, diff_json_schema, diff_to_json, invert
from policyparse.model import Kind
from tests.conftest import corpus_files
from tests.test_diff_corpus import PAIRS as CHECKED_PAIRS
from tests.test_diff_lawbuilder import Law, load_law, needs_corpus

jsonschema = pytest.importorskip("jsonschema")  # a dev dependency; untyped
Data = dict[str, Any]


@cache
def _validator() -> Any:
    return jsonschema.Draft202012Validator(diff_json_schema())


def _errors(data: Data) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in _validator().iter_errors(data)]


def _data(result: DocumentDiff) -> Data:
    """The JSON as written (tuples become lists, floats stay floats), read back."""
    loaded: Data = json.loads(diff_to_json(result))
    return loaded


def test_the_schema_is_valid_and_names_every_kind() -> None:
    schema = policyparse.diff_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"] == {"const": "policyparse-diff/1"}
    assert schema["$defs"]["kind"]["enum"] == [kind.value for kind in Kind]
    assert policyparse.diff_json_schema is diff_json_schema


def _corpus_pairs() -> list[tuple[Path, Path]]:
    """Versions of one text: corpus names that differ only in the year and a suffix (-trial)."""
    groups: dict[str, list[Path]] = {}
    for path in corpus_files():
        groups.setdefault(re.sub(r"-\d{4}(-[a-z]+)?$", "", path.stem), []).append(path)
    return [(paths[0], paths[1]) for paths in groups.values() if len(paths) == 2]


PAIRS = _corpus_pairs()
PAIRED = {path for pair in PAIRS for path in pair}


@pytest.mark.skipif(not PAIRS, reason="needs the corpus (tests/data/corpus)")
def test_the_pairs_include_those_checked_by_hand() -> None:
    assert set(CHECKED_PAIRS) <= {(old.name, new.name) for old, new in PAIRS}


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[p[0].stem for p in PAIRS])
def test_corpus_pairs_validate_both_ways(old: Path, new: Path) -> None:
    forward = diff(policyparse.parse_file(old), policyparse.parse_file(new))
    for result in (forward, invert(forward)):
        assert _errors(_data(result)) == []


# diff(a, a) of every text not in a pair, and of the old side of each pair.
IDENTITY = [p for p in corpus_files() if p not in PAIRED] + [old for old, _ in PAIRS]


@pytest.mark.parametrize("path", IDENTITY, ids=[p.stem for p in IDENTITY])
def test_identity_validates(path: Path) -> None:
    document = policyparse.parse_file(path)
    data = _data(diff(document, document))
    assert data["changes"] and _errors(data) == []


def _insert(law: Law) -> None:
    law.chapters[1].articles.insert(
        1, ["经营者不得利用数据和算法、技术、资本优势以及平台规则等从事本法禁止的垄断行为。"]
    )


def _delete(law: Law) -> None:
    law.chapters[3].articles.pop(4)


def _move(law: Law) -> None:
    law.chapters[6].articles.append(law.chapters[0].articles.pop(6))


def _split(law: Law) -> None:
    article = law.chapters[3].articles[1]
    law.chapters[3].articles[1:2] = [article[:1], article[1:]]


def _merge(law: Law) -> None:
    law.chapters[0].articles[3:5] = [law.chapters[0].articles[3] + law.chapters[0].articles[4]]


def _substitute(law: Law) -> None:
    for chapter in law.chapters:
        chapter.articles = [[p.replace("反垄断执法机构", "反垄断执法部门") for p in a] for a in chapter.articles]


def _clause(law: Law) -> None:
    law.chapters[0].articles[3].insert(1, "反垄断工作应当坚持统筹发展和安全。")


def _nothing(law: Law) -> None:
    """No edit: the new version is the same law written as plain text (format-only changes)."""


EDITS: dict[str, Callable[[Law], None]] = {
    "insert": _insert,
    "delete": _delete,
    "move": _move,
    "split": _split,
    "merge": _merge,
    "substitute": _substitute,
    "clause": _clause,
    "format": _nothing,
}


@needs_corpus
@pytest.mark.parametrize("name", list(EDITS))
def test_edited_statute_validates(name: str) -> None:
    old = load_law()
    new = old.copy()
    EDITS[name](new)
    forward = diff(old.parse(), new.parse(markdown=name != "format"))
    datas = [_data(forward), _data(invert(forward))]
    for data in datas:
        assert _errors(data) == []
    ops = {change["op"] for change in datas[0]["changes"]}
    expected = {"insert": "added", "delete": "removed", "split": "split", "merge": "merged"}.get(name, "matched")
    assert expected in ops
    if name == "substitute":
        assert datas[0]["summary"]["substitutions"]
    if name == "format":
        assert datas[0]["summary"]["format_only"] > 0


OLD = "第一条　为了统一假期，制定本办法。\n第二条　星期六放假。\n第三条　本办法自公布之日起施行。\n"
NEW = (
    "第一条　为了统一假期，制定本办法。\n第二条　假期可以调休。\n第三条　周六放假。\n第四条　本办法自公布之日起施行。\n"
)
_FIRST = "国家建立统一的数据安全审查制度，对影响或者可能影响国家安全的数据处理活动进行国家安全审查。"
_SECOND = "依法作出的安全审查决定为最终决定，任何单位不得擅自变更。"
WHOLE = f"第一条　{_FIRST}{_SECOND}\n"
PARTS = f"第一条　{_FIRST}\n第二条　{_SECOND}\n"
CLAUSES = "前言一句。\n第一条　甲。\n　　第二款内容。\n"

# Hand-made cases by name: (old text, new text).
CASES = {
    "empty": ("", ""),
    "all-added": ("", OLD),
    "all-removed": (OLD, ""),
    "edit": (OLD, NEW),
    "split": (WHOLE, PARTS),
    "merged": (PARTS, WHOLE),
    "clauses-and-preamble": (CLAUSES, OLD),
}


def _case(name: str) -> Data:
    old, new = CASES[name]
    return _data(diff(policyparse.parse(old, name="old.txt"), policyparse.parse(new)))


@pytest.mark.parametrize("name", list(CASES))
def test_hand_made_cases_validate(name: str) -> None:
    assert _errors(_case(name)) == []


def test_hand_made_cases_hold_every_op() -> None:
    ops = {change["op"] for name in CASES for change in _case(name)["changes"]}
    assert ops == {"matched", "added", "removed", "split", "merged"}


def _first(data: Data, op: str) -> Data:
    found: Data = next(change for change in data["changes"] if change["op"] == op)
    return found


def _changed(data: Data) -> Data:
    found: Data = next(change for change in data["changes"] if change.get("text_changed"))
    return found


def _set(path: str, value: object) -> Callable[[Data], None]:
    """A mutation that sets (or, for ``...``, deletes) the field at a dotted path.

    The path starts at the top or at the first change of an op (``@matched.old.line``); a
    number steps into a list.
    """

    def mutate(data: Data) -> None:
        steps = path.split(".")
        node: Any = _first(data, steps.pop(0)[1:]) if steps[0].startswith("@") else data
        for step in steps[:-1]:
            node = node[int(step)] if isinstance(node, list) else node[step]
        last: Any = int(steps[-1]) if isinstance(node, list) else steps[-1]
        if value is ...:
            del node[last]
        else:
            node[last] = value

    return mutate


_RANGE = {"old": ["第二条", "第三条"], "new": ["第三条", "第四条"], "offset": 1, "kind": "article"}
_REF = {"path": "第二条", "label": "第二条", "kind": "article", "id": "art-2", "line": 2, "text": "甲。"}

# Mutations of the "edit" case (or the case named before a colon) that the schema must reject.
BROKEN: dict[str, Callable[[Data], None]] = {
    "schema string": _set("schema", "policyparse-diff/2"),
    "top field missing": _set("preamble", ...),
    "top field extra": _set("extra", True),
    "version name a number": _set("old.name", 3),
    "summary count missing": _set("summary.moved", ...),
    "summary count negative": _set("summary.added", -1),
    "summary field extra": _set("summary.total", 4),
    "by_kind unknown kind": _set("summary.by_kind.paragraph", {}),
    "by_kind count missing": _set("summary.by_kind.article.split", ...),
    "renumber offset zero": _set("summary.renumber_ranges.0.offset", 0),
    "renumber range of three labels": _set("summary.renumber_ranges.0.old", ["第二条", "第三条", "第四条"]),
    "renumber kind missing": _set("summary.renumber_ranges.0.kind", ...),
    "substitution count zero": _set("summary.substitutions", [{"old": "星期", "new": "周", "count": 0}]),
    "substitution field extra": _set(
        "summary.substitutions", [{"old": "星期", "new": "周", "count": 3, "sections": 2}]
    ),
    "op unknown": _set("@matched.op", "changed"),
    "op missing": _set("@matched.op", ...),
    "matched flag missing": _set("@matched.moved", ...),
    "matched flag not a boolean": _set("@matched.moved", "no"),
    "matched similarity missing": _set("@matched.similarity", ...),
    "matched similarity above 1": lambda data: _changed(data).update(similarity=1.5),
    "matched field extra": _set("@matched.note", ""),
    "matched ref with text": _set("@matched.old.text", "为了统一假期，制定本办法。"),
    "matched ref line missing": _set("@matched.new.line", ...),
    "matched ref line zero": _set("@matched.new.line", 0),
    "matched ref kind unknown": _set("@matched.new.kind", "paragraph"),
    "matched ref as a list": _set("@matched.new", [_REF]),
    "text changed and format only": lambda data: _first(data, "matched").update(text_changed=True, format_only=True),
    "substitution only, text unchanged": _set("@matched.substitution_only", True),
    "unchanged text, similarity below 1": _set("@matched.similarity", 0.9),
    "redline op unknown": _set("@matched.redline.0.0", "replace"),
    "redline run empty": _set("@matched.redline.0.1", ""),
    "redline run of three": _set("@matched.redline.0", ["equal", "为了", "统一"]),
    "added ref without text": _set("@added.new.text", ...),
    "added with an old side": _set("@added.old", _REF),
    "added with a flag": _set("@added.renumbered", False),
    "preamble field missing": _set("preamble.format_only", ...),
    "preamble changed and format only": lambda data: data["preamble"].update(text_changed=True, format_only=True),
    "all-removed:removed with a new side": _set("@removed.new", _REF),
    "split:split into one": _set("@split.new", [_REF]),
    "split:split of two old sections": _set("@split.old", [_REF, _REF]),
    "split:split without redline": _set("@split.redline", ...),
    "merged:merged into two": _set("@merged.new", [_REF, _REF]),
    "merged:merged ref without text": _set("@merged.old.0.text", ...),
}

# Changes the schema must accept: what the contract allows but the base cases do not show.
ALLOWED: dict[str, Callable[[Data], None]] = {
    "version name null": _set("old.name", None),
    "label null": _set("@matched.old.label", None),
    "negative offset": _set("summary.renumber_ranges.0.offset", -1),
    "a substitution": _set("summary.substitutions", [{"old": "星期", "new": "周", "count": 3}]),
    "a second range": lambda data: data["summary"]["renumber_ranges"].append(_RANGE | {"kind": "chapter"}),
    "reference only": lambda data: _first(data, "matched").update(
        text_changed=False, reference_only=True, similarity=0.9
    ),
    "split:split into three": lambda data: _first(data, "split")["new"].append(_REF),
}


def _apply(name: str, mutation: Callable[[Data], None]) -> Data:
    case = name.split(":", 1)[0] if ":" in name else "edit"
    data = copy.deepcopy(_case(case))
    assert _errors(data) == []
    mutation(data)
    return data


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_output_is_rejected(name: str) -> None:
    assert _errors(_apply(name, BROKEN[name]))


@pytest.mark.parametrize("name", list(ALLOWED))
def test_allowed_variation_is_accepted(name: str) -> None:
    assert _errors(_apply(name, ALLOWED[name])) == []
