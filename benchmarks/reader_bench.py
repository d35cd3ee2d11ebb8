"""Benchmark: the readers' cost on web pages and Word files, against parsing the text they give.

Run from the repository root::

    .venv/bin/python benchmarks/reader_bench.py                # the pages and Word files of tests/data/corpus
    .venv/bin/python benchmarks/reader_bench.py --folder DIR   # every .html/.htm/.docx in DIR
    .venv/bin/python benchmarks/reader_bench.py --rounds 15

For each file it reports, each the best of ``--rounds`` rounds (one pass of every case per
round, so that a machine that slows down slows every case alike):

* ``read``: the reader alone (``read_html`` or ``read_docx``: bytes → blocks);
* ``parse``: ``policyparse.parse`` of the text the reader gives (the baseline, in the same process);
* ``whole``: ``parse_file`` (read, parse, tables, provenance, facts);
* ``read / parse``: the reader's cost as a multiple of parsing its text.

The target of the issue that added the readers is "well under 50 ms for a typical page or a
ten-page .docx"; the absolute figures are shown for that, the ratio for comparing machines.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import policyparse
from policyparse.readers.assemble import assemble
from policyparse.readers.docx import read_docx
from policyparse.readers.html import read_html
from policyparse.readers.reading import Reading

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = (ROOT / "tests" / "data" / "corpus" / "html", ROOT / "tests" / "data" / "corpus" / "docx")


def _reader(path: Path) -> Callable[[bytes], Reading]:
    return read_docx if path.suffix.lower() == ".docx" else read_html


def _best(rounds: int, cases: dict[str, Callable[[], object]]) -> dict[str, float]:
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(rounds):
        for name, case in cases.items():
            start = time.perf_counter()
            case()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def _cases(path: Path, data: bytes) -> dict[str, Callable[[], object]]:
    read = _reader(path)
    text = assemble(read(data)).text
    return {
        "read": lambda: read(data),
        "parse": lambda: policyparse.parse(text),
        "whole": lambda: policyparse.parse_file(path),
    }


def main() -> None:
    """Time each file's reader, the parse of its text and the whole ``parse_file``."""
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument(
        "--folder", type=Path, action="append", help="folder of .html/.htm/.docx files (repeatable)"
    )
    arguments.add_argument("--rounds", type=int, default=9, help="rounds; the best of each is kept")
    options = arguments.parse_args()
    folders = options.folder or SAMPLES
    files = sorted(p for folder in folders for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm", ".docx"))
    policyparse.parse("一、预热\n")  # the grammar is loaded once, before any timing
    print(f"{'file':60} {'KB':>6} {'read ms':>8} {'parse ms':>9} {'whole ms':>9} {'read/parse':>10}")
    for path in files:
        data = path.read_bytes()
        best = _best(options.rounds, _cases(path, data))
        print(
            f"{path.name[:60]:60} {len(data) / 1024:6.0f} {best['read'] * 1e3:8.1f} {best['parse'] * 1e3:9.1f}"
            f" {best['whole'] * 1e3:9.1f} {best['read'] / best['parse']:10.2f}"
        )


if __name__ == "__main__":
    main()
