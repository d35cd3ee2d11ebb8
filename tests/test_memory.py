"""Memory: parsing a file peaks below 10× its size (issue 7; docs/performance.md, "Memory").

Measured as a ratio of bytes (tracemalloc's peak over the file's size), which does not depend
on the machine's speed or load. The 50 MB figure is `benchmarks/parse_bench.py --memory 50`.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

import policyparse
from policyparse import Document
from tests.conftest import GOLDEN

MAX_PEAK = 10.0  # × the file's size in bytes


def _peak(parse: Callable[[], Document]) -> tuple[Document, int]:
    """The document and tracemalloc's peak while ``parse`` ran (the parser and its caches,
    made once per process, are made before and not counted)."""
    policyparse.parse("一、总则\n")
    tracemalloc.start()
    try:
        document = parse()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return document, peak


def test_parsing_a_file_peaks_below_ten_times_its_size(tmp_path: Path) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(GOLDEN.glob("*/input.txt"))]
    data = "\n".join(texts * 8).encode("utf-8")  # about 1.5 MB: 13 documents and the seed page, 8 times
    path = tmp_path / "joined.txt"
    path.write_bytes(data)
    document, peak = _peak(lambda: policyparse.parse_file(path))
    assert len(document.walk()) + sum(len(attachment.walk()) for attachment in document.attachments) > 1000
    assert peak / len(data) < MAX_PEAK, f"peak {peak / len(data):.1f}× the file's {len(data):,} bytes"


@pytest.mark.parametrize("opening", ["附件", "2019年", "第1页"])
def test_a_long_run_of_spaces_after_a_closing_word_costs_no_backtracking_memory(opening: str) -> None:
    """One line of 200,000 spaces after 「附件」, a date or a page number: the signature regex's
    run of spaces is possessive (issue 21). A plain repeated group kept some 128 bytes of the
    regex engine's state per space: 128× the text's size."""
    text = opening + " " * 200_000 + "x"
    _, peak = _peak(lambda: policyparse.parse(text))
    assert peak / len(text.encode("utf-8")) < 20, f"peak {peak / len(text):.1f}× the text"
