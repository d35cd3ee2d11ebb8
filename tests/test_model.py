"""The builder's fast constructors make the same objects as the model classes' own."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import policyparse
from policyparse._construct import _setters, new_paragraph, new_section, new_separator
from policyparse.model import Kind, Paragraph, Section, Separator
from tests.conftest import SEED


def _fields(value: Any) -> dict[str, object]:
    return {field.name: getattr(value, field.name) for field in attrs.fields(type(value))}


def test_each_fast_constructor_makes_the_class_s_own_object() -> None:
    paragraph = Paragraph(text="甲。", span=(4, 6), spans=((4, 5), (7, 8)))
    assert _fields(new_paragraph("甲。", (4, 6), ((4, 5), (7, 8)))) == _fields(paragraph)
    assert _fields(new_paragraph(text="甲。", span=(4, 6))) == _fields(Paragraph(text="甲。", span=(4, 6)))
    assert _fields(new_separator(start=3, text="\n")) == _fields(Separator(start=3, text="\n"))
    full = dict(
        kind=Kind.ARTICLE, label="第一条", number=1, title="目的", id="art-1", path="第一条", line=2, span=(0, 9),
        paragraphs=(paragraph,), children=(), implicit=False, label_span=(0, 3), title_span=(4, 6),
        title_as_written="目　的",
    )
    assert _fields(new_section(**full)) == _fields(Section(**full))  # type: ignore[arg-type]
    least = dict(kind=Kind.HEADING1, label=None, number=3, title=None, id="h1-3", path="…", line=1, span=(0, 1))
    made = new_section(**least)  # type: ignore[arg-type]
    assert _fields(made) == _fields(Section(**least)) and made == Section(**least)  # type: ignore[arg-type]
    assert hash(made) == hash(Section(**least))  # type: ignore[arg-type]


def test_a_field_the_constructor_does_not_set_fails_at_import() -> None:
    with pytest.raises(TypeError, match="Separator has the fields"):
        _setters(Separator, ("start",))


def test_a_parsed_document_round_trips_through_json() -> None:
    # Objects made by the fast constructors serialize and compare like any others.
    document = policyparse.parse_file(SEED)
    assert policyparse.from_json(policyparse.to_json(document)) == document
