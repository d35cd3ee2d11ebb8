"""Layout stage, for people: which pass decided each line's role, as one line per source line.

Used by the stage goldens (``tests/golden/<case>/layout.txt``) and for debugging a document:
``python -m policyparse.layout.trace FILE``. The passes run one at a time; a line's role is
credited to the last pass that changed it (``lexer`` when none did); on a newspaper page, the
lines outside the policy part's window are the ``newspaper`` pass's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from policyparse._lexer import split_lines
from policyparse.layout import PASSES, Layout, ReaderHints
from policyparse.layout.lines import line_text

_EXCERPT = 16  # characters of each line's text shown


def trace_layout(text: str, page: bool | None = None, reader: ReaderHints | None = None) -> str:
    """The line table after layout: number, kind, the pass that decided it, what it found, an excerpt."""
    lines = split_lines(text)
    layout = Layout(
        text=text, lines=list(lines), window=(0, len(lines)), page=page, reader=reader,
        tables=reader.tables if reader else (),
    )
    decided = ["lexer"] * len(lines)
    for name, run in PASSES:
        before = list(layout.lines)
        joined = {k for chain in layout.joins.values() for k in chain}
        run(layout)
        now_joined = {k for chain in layout.joins.values() for k in chain}
        for index, (old, new) in enumerate(zip(before, layout.lines, strict=True)):
            if old != new or (index in now_joined) != (index in joined):
                decided[index] = name
        if name == "newspaper" and layout.parts is not None:
            start, stop = layout.window  # the lines of the page's other parts are not the document's
            decided = [name if not start <= k < stop else by for k, by in enumerate(decided)]
    notes = _notes(layout)
    start, stop = layout.window
    rows = [f"window: lines {start + 1}-{stop}" + (f", {len(layout.parts)} page parts" if layout.parts else "")]
    for index, line in enumerate(layout.lines):
        excerpt = line_text(text, line)[:_EXCERPT].translate(_VISIBLE)
        note = notes.get(index, "")
        rows.append(f"{line.number:>5} {line.kind:<13} {decided[index]:<11} {note:<24} {excerpt}".rstrip())
    return "\n".join(rows) + "\n"


def _notes(layout: Layout) -> dict[int, str]:
    """What a pass found on a line: the reason it was set aside, the line a continuation joins."""
    index_of = {line.number: index for index, line in enumerate(layout.lines)}
    notes: dict[int, str] = {}
    for aside in layout.set_aside:
        notes[index_of[aside.line]] = f"set aside: {aside.reason}"
    for part in layout.parts or ():
        notes[part.start] = f"part: {part.kind}" + (f"; {notes[part.start]}" if part.start in notes else "")
    for head, chain in layout.joins.items():
        for k in chain:
            notes[k] = f"joins line {layout.lines[head].number}"
    return notes


_VISIBLE = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def main() -> None:
    """Print the trace of the file named on the command line (UTF-8)."""
    print(trace_layout(Path(sys.argv[1]).read_text(encoding="utf-8")), end="")


if __name__ == "__main__":
    main()
