"""The documents a benchmark runs on: a folder given, else the project's corpus
(``tests/data/corpus``: 31 real documents, 0.9 MB, sources in its SOURCES.md).

``--corpus DIR`` (or ``POLICYPARSE_CORPUS=DIR``) points a benchmark at any folder of ``.txt``
and ``.md`` documents.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"


def default_folder() -> Path | None:
    """``POLICYPARSE_CORPUS``, else the project's corpus (None if a packaging left it out)."""
    named = os.environ.get("POLICYPARSE_CORPUS")
    if named:
        return Path(named)
    return CORPUS if CORPUS.is_dir() else None


def documents(folder: Path | None) -> list[Path]:
    """The folder's ``.txt`` and ``.md`` documents (not ``SOURCES.md``), sorted by name; with no
    folder, the goldens' inputs and the seed."""
    if folder is None:
        return [*sorted((ROOT / "tests" / "golden").glob("*/input.txt")), *sorted((ROOT / "seeds").glob("*.txt"))]
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".md") and p.name != "SOURCES.md"
    )


def describe(folder: Path | None) -> str:
    """Where the documents come from, for a benchmark's report."""
    return str(folder) if folder is not None else "the project's goldens and seed (no --corpus, no tests/data/corpus)"
