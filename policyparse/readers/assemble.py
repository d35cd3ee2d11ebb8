"""Reader stage: a reading's blocks → the text the parser reads, and where each block stands in it.

The text is the blocks' texts, one line each, in reading order, each ended by ``\\n``: the
file as its reader sees it. Set-aside blocks stay in the text (nothing is dropped) and are
marked for the layout stage, which keeps them out of the document's flow.
"""

from __future__ import annotations

import attrs
import regex

from policyparse.model import Span
from policyparse.readers.reading import Block, Reading, Role

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


@attrs.frozen
class Placed:
    """A block and where it stands: its first line (0-based) and its span in the text."""

    block: Block
    line: int
    span: Span


@attrs.frozen
class Assembled:
    """The text of a reading, each block's place in it, the lines to set aside (index → reason)
    and the spans of the document's tables (their body rows, first to last)."""

    text: str
    placed: tuple[Placed, ...]
    set_aside: dict[int, str]
    tables: tuple[Span, ...] = ()


def assemble(reading: Reading) -> Assembled:
    """Lay a reading's blocks out as lines of text.

    A block is one line; should a reader leave a line break inside a block, the block
    stands on several lines (each set aside with it, if it is set aside).
    """
    parts: list[str] = []
    placed: list[Placed] = []
    set_aside: dict[int, str] = {}
    offset = 0
    line = 0
    for block in reading.blocks:
        lines = 1 + len(_LINE_BREAK.findall(block.text)) if block.text else 1
        placed.append(Placed(block=block, line=line, span=(offset, offset + len(block.text))))
        if block.role is not Role.BODY:
            for index in range(line, line + lines):
                set_aside[index] = block.role.value
        parts.append(block.text)
        parts.append("\n")
        offset += len(block.text) + 1
        line += lines
    tables: dict[int, Span] = {}
    for item in placed:
        if item.block.table is not None and item.block.role is Role.BODY:
            start, _ = tables.get(item.block.table, item.span)
            tables[item.block.table] = (start, item.span[1])
    return Assembled(
        text="".join(parts), placed=tuple(placed), set_aside=set_aside, tables=tuple(sorted(tables.values()))
    )
