"""policyparse: the structure of Chinese policy and legal documents.

>>> import policyparse
>>> doc = policyparse.parse("四、着力提升碳市场活力\\n（六）丰富交易产品。稳健推进。\\n")
>>> [(s.label, s.title) for s in doc.walk()]
[('四、', '着力提升碳市场活力'), ('（六）', '丰富交易产品')]
"""

from __future__ import annotations

from policyparse._decode import parse_file
from policyparse._json import from_json, json_schema, to_json
from policyparse._markdown import to_markdown
from policyparse._parse import extract, parse
from policyparse._text import to_text
from policyparse.diff import DocumentDiff, diff, diff_to_html, diff_to_json, diff_to_markdown, diff_to_text
from policyparse.errors import PolicyParseError
from policyparse.model import (
    Attachment,
    Diagnostic,
    Document,
    Kind,
    Meta,
    Paragraph,
    Section,
    Separator,
    Severity,
    Source,
)

__all__ = [
    "Attachment",
    "Diagnostic",
    "Document",
    "DocumentDiff",
    "Kind",
    "Meta",
    "Paragraph",
    "PolicyParseError",
    "Section",
    "Separator",
    "Severity",
    "Source",
    "diff",
    "diff_to_html",
    "diff_to_json",
    "diff_to_markdown",
    "diff_to_text",
    "extract",
    "from_json",
    "json_schema",
    "parse",
    "parse_file",
    "to_json",
    "to_markdown",
    "to_text",
]
