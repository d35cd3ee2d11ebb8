"""The model stage writes to nothing it is given, and keeps none of it (policyparse/_build.py)."""

from __future__ import annotations

import copy
import gc
import weakref

import attrs
import pytest

import policyparse
from policyparse._build import DocumentBuilder
from policyparse._frame import Frame, find_frame
from policyparse._lexer import split_lines, tokens
from policyparse._tree import Draft, parse_tokens
from policyparse.layout import Layout, analyse_layout
from tests.conftest import GOLDEN, SEED

FRAGMENT = "（五）加强监管。\n1.甲。\n四、保障措施\n（一）乙。\n"
STATUTE = "第一章　总则\n第一条　甲。\n乙。\n（一）丙；\n（二）丁。\n戊。\n第二条　己。\n"


def _stages(text: str) -> tuple[Layout, Frame, list[Draft]]:
    """The stages before the builder, as ``parse_text`` runs them."""
    layout = analyse_layout(text, split_lines(text))
    frame = find_frame(text, layout.lines, layout.window, layout.joins)
    roots = [parse_tokens(tokens(layout.lines[a:b], text)) for a, b in (s.body for s in frame.segments)]
    return layout, frame, roots


def _texts() -> list[tuple[str, str]]:
    found = [(path.parent.name, path.read_text(encoding="utf-8")) for path in sorted(GOLDEN.glob("*/input.txt"))]
    return [*found, ("seed-page", SEED.read_text(encoding="utf-8")), ("fragment", FRAGMENT), ("statute", STATUTE)]


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[name for name, _ in _texts()])
def test_the_builder_changes_none_of_its_inputs(name: str, text: str) -> None:
    layout, frame, roots = _stages(text)
    before = copy.deepcopy((layout, frame, roots))
    document, _ = DocumentBuilder(text, layout, roots, name).build(frame)
    assert (layout, frame, roots) == before
    # What parse adds after the builder: the diagnostics and the references.
    parsed = attrs.evolve(policyparse.parse(text, name=name), diagnostics=(), references=())
    assert policyparse.to_json(document) == policyparse.to_json(parsed)


def test_the_builder_keeps_no_draft_once_built() -> None:
    text = SEED.read_text(encoding="utf-8")
    layout, frame, roots = _stages(text)
    drafts = [weakref.ref(d) for root in roots for d in _walk(root)]
    builder = DocumentBuilder(text, layout, roots, None)
    del layout, roots  # handed over, as parse_text does
    builder.build(frame)
    gc.collect()
    assert len(drafts) > 10
    assert [ref() for ref in drafts if ref() is not None] == []


def _walk(draft: Draft) -> list[Draft]:
    return [draft, *(d for child in draft.children for d in _walk(child))]
