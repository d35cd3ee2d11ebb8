"""policyparse: the structure of Chinese policy and legal documents.

>>> import policyparse
>>> doc = policyparse.parse("四、着力提升碳市场活力\\n（六）丰富交易产品。稳健推进。\\n")
>>> [(s.label, s.title) for s in doc.walk()]
[('四、', '着力提升碳市场活力'), ('（六）', '丰富交易产品')]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from policyparse._inputs import parse_bytes, parse_docx, parse_file, parse_html
from policyparse._json import from_json, json_schema, to_json
from policyparse._markdown import to_markdown
from policyparse._parse import extract, parse
from policyparse._text import to_text
from policyparse._version import __version__
from policyparse.errors import PolicyParseError
from policyparse.model import (
    Attachment,
    Diagnostic,
    Document,
    Join,
    Kind,
    Meta,
    Origin,
    Page,
    PagePart,
    Paragraph,
    PartKind,
    Reason,
    Section,
    Separator,
    SetAside,
    Severity,
    Source,
    Table,
    TableCell,
    TableRow,
)

if TYPE_CHECKING:
    from policyparse.compare import (
        DocumentDiff,
        diff,
        diff_json_schema,
        diff_to_html,
        diff_to_json,
        diff_to_markdown,
        diff_to_text,
    )

__all__ = [
    "Attachment",
    "Diagnostic",
    "Document",
    "DocumentDiff",
    "Join",
    "Kind",
    "Meta",
    "Origin",
    "Page",
    "PagePart",
    "Paragraph",
    "PartKind",
    "PolicyParseError",
    "Reason",
    "Section",
    "Separator",
    "SetAside",
    "Severity",
    "Source",
    "Table",
    "TableCell",
    "TableRow",
    "__version__",
    "diff",
    "diff_json_schema",
    "diff_to_html",
    "diff_to_json",
    "diff_to_markdown",
    "diff_to_text",
    "extract",
    "from_json",
    "json_schema",
    "parse",
    "parse_bytes",
    "parse_docx",
    "parse_file",
    "parse_html",
    "to_json",
    "to_markdown",
    "to_text",
]

# The diff costs ~70 ms to import and convert never uses it: its names load on first use.
_DIFF_NAMES = frozenset(
    {"DocumentDiff", "diff", "diff_json_schema", "diff_to_html", "diff_to_json", "diff_to_markdown", "diff_to_text"}
)


def __getattr__(name: str) -> Any:
    """Import ``policyparse.compare`` when one of its names is first asked for."""
    if name not in _DIFF_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("policyparse.compare"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | _DIFF_NAMES)

