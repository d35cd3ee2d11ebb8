"""Stage goldens for the layout passes: the line table after layout, one line per source line
(number, kind, the pass that decided it, what it found), so that a change in one pass shows
where it happens. Regenerate with ``pytest --update-goldens`` and read the diff before committing."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse._lexer import split_lines
from policyparse.layout import PASSES, analyse_layout
from policyparse.layout.trace import trace_layout
from tests.conftest import GOLDEN

STAGES = GOLDEN / "layout"
INPUTS = {
    # a newspaper page: its parts, an intrusion, a repeat, paragraphs joined across columns
    "seed-carbon-market-opinion": GOLDEN / "seed-carbon-market-opinion" / "input.txt",
    # a 目录 whose entries the body headings repeat
    "gov-plan-grain-emergency-2005": GOLDEN / "gov-plan-grain-emergency-2005" / "input.txt",
    # a PDF's pages: hard wraps, page numbers and a running header (tests/noise.py pdf_pages)
    "pdf-pages-double-random-supervision": STAGES / "pdf-pages-double-random-supervision.input.txt",
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_layout_golden(name: str, update_goldens: bool) -> None:
    produced = trace_layout(INPUTS[name].read_text(encoding="utf-8"))
    expected = STAGES / f"{name}.layout.txt"
    if update_goldens:
        expected.write_text(produced, encoding="utf-8")
    assert expected.read_text(encoding="utf-8") == produced, f"layout of {name} changed"


def test_every_pass_credited_in_the_goldens_is_a_pass() -> None:
    names = {name for name, _ in PASSES}
    credited = set()
    for path in STAGES.glob("*.layout.txt"):
        credited |= {line.split()[2] for line in path.read_text(encoding="utf-8").splitlines()[1:]}
    assert credited - {"lexer"} <= names
    assert {"contents", "furniture", "newspaper", "intrusions", "repeats", "joins"} <= credited


@pytest.mark.parametrize("name", [name for name, _ in PASSES])
def test_a_pass_runs_alone(name: str) -> None:
    """Each pass is a function of the layout state: it runs without the others before it."""
    text = INPUTS["pdf-pages-double-random-supervision"].read_text(encoding="utf-8")
    lines = split_lines(text)
    layout = analyse_layout(text, lines, passes=[(n, run) for n, run in PASSES if n == name])
    assert len(layout.lines) == len(lines)
    assert lines == split_lines(text)  # the lexer's table is not changed: the layout holds a copy


def test_the_passes_are_documented_in_order() -> None:
    design = (Path(__file__).resolve().parents[1] / "docs" / "design.md").read_text(encoding="utf-8")
    positions = [design.find(f"| `{name}` |") for name, _ in PASSES]
    assert -1 not in positions and positions == sorted(positions)
