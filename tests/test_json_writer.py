"""The indented JSON writer gives json.dumps's text exactly (issue 19: to_json's speed)."""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policyparse
from policyparse._json_writer import dumps_indented
from tests.conftest import SEED

_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=40,
)


@given(_VALUES, st.integers(min_value=0, max_value=4))
def test_any_json_value_is_written_as_json_dumps_writes_it(value: Any, indent: int) -> None:
    assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


class _Colour(enum.StrEnum):
    RED = "red"


class _Level(enum.IntEnum):
    HIGH = 3


class _Mapping(dict[str, int]):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {"kind": _Colour.RED, "level": _Level.HIGH, "ratio": math.nan, "big": 10**30, "flag": True},
        {1: "a key that is no str", "b": [None]},
        {"a": _Mapping(x=1)},
        ["\u2028 \x00 \x1b \ud800 \"quoted\" \\ 中文", [], {}, [[]], [{}]],
    ],
)
def test_unusual_values_are_written_as_json_dumps_writes_them(value: Any) -> None:
    assert dumps_indented(value, 1) == json.dumps(value, ensure_ascii=False, indent=1)


def test_to_json_of_a_document_is_unchanged() -> None:
    document = policyparse.parse_file(SEED)
    data = json.loads(policyparse.to_json(document, indent=None))
    assert policyparse.to_json(document) == json.dumps(data, ensure_ascii=False, indent=1)
    assert policyparse.to_json(document, indent=2) == json.dumps(data, ensure_ascii=False, indent=2)
