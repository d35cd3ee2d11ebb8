"""Shared test fixtures: paths to the goldens, the seed and the corpus (tests/data/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SEED = ROOT / "seeds" / "000_45a6f49ae89e1481.txt"
# Real documents, web pages, Word files and amendment decisions, with their sources in SOURCES.md.
CORPUS = ROOT / "tests" / "data" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected files under tests/golden (read the git diff before committing)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def corpus_files() -> list[Path]:
    """The corpus documents: every ``.txt`` and ``.md`` but SOURCES.md."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")
