"""JSON: the contract's fields, UTF-8 without escapes, lossless round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import policyparse
from policyparse import PolicyParseError
from tests.conftest import GOLDEN, SEED, corpus_files

DOCUMENTS = [SEED, *sorted(GOLDEN.glob("*/input.txt")), *corpus_files()]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.name}" for p in DOCUMENTS])
def test_round_trip(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = policyparse.parse(text, name=path.name)
    encoded = policyparse.to_json(document)
    loaded = policyparse.from_json(encoded)
    assert loaded == document
    assert policyparse.to_text(loaded) == text
    assert policyparse.to_json(loaded) == encoded


def test_contract_fields_of_the_seed() -> None:
    data = json.loads(policyparse.to_json(policyparse.parse(SEED.read_text(encoding="utf-8"), name="seed.txt")))
    assert list(data) == [
        "schema", "source", "meta", "header", "preamble", "contents", "sections", "closing",
        "attachments", "trailer", "page", "joins", "set_aside", "diagnostics", "separators",
    ]
    assert data["schema"] == "policyparse/1"
    assert data["source"]["name"] == "seed.txt" and data["source"]["length"] == 8784
    six = data["sections"][1]["children"][0]
    assert {k: six[k] for k in ("kind", "label", "number", "title", "id", "path", "line")} == {
        "kind": "heading2", "label": "（六）", "number": 6, "title": "丰富交易产品",
        "id": "h1-4/h2-6", "path": "四、/（六）", "line": 171,
    }
    assert six["paragraphs"][0]["text"].startswith("稳健推进金融机构")
    assert data["sections"][0]["implicit"] is True and data["sections"][0]["label"] is None
    assert [d for d in data["diagnostics"] if d["code"] == "starts-mid-document"] == [
        {"code": "starts-mid-document", "severity": "info",
         "message": "the text starts at 「（五）」: what came before it is missing",
         "line": 167, "span": [5121, 5124]},
    ]


def test_json_is_utf8_without_escapes() -> None:
    encoded = policyparse.to_json(policyparse.parse("四、着力提升碳市场活力\n"))
    assert "\\u" not in encoded and "着力提升碳市场活力" in encoded


@pytest.mark.parametrize(
    "text",
    ["not json", "[]", '{"schema": "policyparse/9"}', '{"schema": "policyparse/1", "source": 3}'],
)
def test_from_json_rejects_other_input(text: str) -> None:
    with pytest.raises(PolicyParseError):
        policyparse.from_json(text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.name}" for p in DOCUMENTS])
def test_json_validates_against_the_shipped_schema(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = policyparse.parse(path.read_text(encoding="utf-8"), name=path.name)
    jsonschema.validate(json.loads(policyparse.to_json(document)), policyparse.json_schema())


def test_schema_rejects_a_wrong_kind() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(policyparse.to_json(policyparse.parse("四、着力提升碳市场活力\n")))
    data["sections"][0]["kind"] = "heading9"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, policyparse.json_schema())
