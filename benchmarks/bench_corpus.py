"""The documents a benchmark runs on: a folder given, else the shared corpus beside the
checkout, else the project's own documents (every golden's input and the seed).

``--corpus DIR`` (or ``POLICYPARSE_CORPUS=DIR``) points a benchmark at any folder of ``.txt``
and ``.md`` documents. A fresh clone has no ``../shared/corpus``: the benchmarks then run on
the 14 goldens and the seed (about 0.3 MB), which is enough to compare two versions of the
code, if not to quote figures against the shared corpus.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def default_folder() -> Path | None:
    """``POLICYPARSE_CORPUS``, else the shared corpus if it is beside the checkout, else None."""
    named = os.environ.get("POLICYPARSE_CORPUS")
    if named:
        return Path(named)
    return SHARED if SHARED.is_dir() else None


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
    return str(folder) if folder is not None else "the project's goldens and seed (no --corpus, no ../shared/corpus)"
