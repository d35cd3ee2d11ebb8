"""Serializer stage: Document ⇄ JSON (schema ``policyparse/1``), through a private cattrs converter."""

from __future__ import annotations

import datetime
import importlib.resources
import json
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from policyparse._json_writer import dumps_indented
from policyparse.errors import PolicyParseError
from policyparse.model import Document, Meta, Origin, Paragraph, Section, Separator

SCHEMA = "policyparse/1"


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    # Dates are ISO strings in the JSON (``meta.date``).
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(datetime.date, lambda value, _: datetime.date.fromisoformat(value))
    # Separators are many and small: [start, "text"] pairs keep the JSON readable.
    converter.register_unstructure_hook(Separator, lambda s: [s.start, s.text])
    converter.register_structure_hook(
        Separator, lambda value, _: Separator(start=int(value[0]), text=str(value[1]))
    )
    # A joined paragraph lists the spans of its pieces; most paragraphs have one span only.
    converter.register_unstructure_hook(
        Paragraph, make_dict_unstructure_fn(Paragraph, converter, spans=override(omit_if_default=True))
    )
    converter.register_unstructure_hook(
        Section,
        make_dict_unstructure_fn(
            Section, converter, title_as_written=override(omit_if_default=True),
            generated=override(omit_if_default=True),
        ),
    )
    converter.register_unstructure_hook(
        Origin,
        make_dict_unstructure_fn(
            Origin, converter, source_line=override(omit_if_default=True), index=override(omit_if_default=True),
            style=override(omit_if_default=True), heading=override(omit_if_default=True),
            bold=override(omit_if_default=True), generated=override(omit_if_default=True),
        ),
    )
    converter.register_structure_hook(
        Section, make_dict_structure_fn(Section, converter, _cattrs_forbid_extra_keys=True)
    )
    # What only a web page or a Word file has stays out of a text document's JSON.
    converter.register_unstructure_hook(
        Meta,
        make_dict_unstructure_fn(
            Meta, converter, facts=override(omit_if_default=True), sources=override(omit_if_default=True)
        ),
    )
    # Registered last: it takes the hooks above for its fields.
    converter.register_unstructure_hook(
        Document,
        make_dict_unstructure_fn(
            Document, converter, tables=override(omit_if_default=True), provenance=override(omit_if_default=True),
            references=override(omit_if_default=True),
        ),
    )
    return converter


_CONVERTER = _make_converter()


def to_json(document: Document, *, indent: int | None = 1) -> str:
    """Return the document as JSON (UTF-8 text, no ``\\uXXXX`` escapes, stable key order).

    Args:
        document: the parsed document.
        indent: JSON indentation; None for one line (JSON Lines).
    """
    data: dict[str, Any] = {"schema": SCHEMA}
    data.update(_CONVERTER.unstructure(document))
    if indent is None:
        return json.dumps(data, ensure_ascii=False)
    return dumps_indented(data, indent)


def from_json(text: str) -> Document:
    """Load a document written by :func:`to_json`; ``from_json(to_json(d)) == d``.

    Raises:
        PolicyParseError: if the text is not JSON of schema ``policyparse/1``.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PolicyParseError(f"not JSON: {error.msg}", line=error.lineno, column=error.colno) from error
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise PolicyParseError(f"expected a {SCHEMA!r} document, found {found!r}")
    del data["schema"]
    try:
        return _CONVERTER.structure(data, Document)
    except (cattrs.BaseValidationError, KeyError, TypeError, ValueError) as error:
        raise PolicyParseError(f"invalid {SCHEMA} document: {error}") from error


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the ``policyparse/1`` format (shipped in the package)."""
    return packaged_schema("policyparse-1.schema.json")


def packaged_schema(name: str) -> dict[str, Any]:
    """Load one of the JSON Schemas shipped in ``policyparse/schema/``."""
    resource = importlib.resources.files("policyparse") / "schema" / name
    loaded: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return loaded
