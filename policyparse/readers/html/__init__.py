"""Reader stage (HTML): web pages → a :class:`~policyparse.readers.reading.Reading`, the document's lines as BODY."""

from __future__ import annotations

from policyparse.readers.html.reader import read_html
from policyparse.readers.sniff import looks_like_html

__all__ = ["looks_like_html", "read_html"]
