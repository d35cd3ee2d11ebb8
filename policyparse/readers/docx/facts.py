"""Reader stage (Word): metadata facts: the title in Word's Title style, and the file's stated title.

- ``docx-title-style``: the first body paragraph in the Title style (or a style based on
  it), and each Title paragraph right after it (a title set on two lines gives one fact per
  line), the label and surrounding spaces left out; ``start``/``end`` place the value in
  the block's text.
- ``docx-properties``: ``dc:title`` of the core properties (``docProps/core.xml``), when
  not empty; it stands in no block.
"""

from __future__ import annotations

from collections.abc import Sequence

from policyparse.readers.docx.package import Package
from policyparse.readers.docx.xml import DC
from policyparse.readers.reading import Block, Fact, Role

__all__ = ["metadata_facts"]


def metadata_facts(package: Package, blocks: Sequence[Block]) -> tuple[Fact, ...]:
    """The title facts of a file.

    Args:
        package: the open package (for its core properties).
        blocks: the reading's blocks.

    Returns:
        The Title-style facts, then the core properties' title, if any.

    Raises:
        PolicyParseError: the core properties part is damaged or malformed.
    """
    facts = list(_title_style(blocks))
    if package.core is not None:
        element = package.xml(package.core).find(f"{{{DC}}}title")
        value = (element.text or "").strip() if element is not None else ""
        if value:
            facts.append(Fact(field="title", value=value, block=None, source="docx-properties"))
    return tuple(facts)


def _title_style(blocks: Sequence[Block]) -> list[Fact]:
    facts: list[Fact] = []
    started = False
    for number, block in enumerate(blocks):
        if block.role is not Role.BODY:
            break
        if not block.title:
            if started:
                break
            continue
        started = True
        own = block.text[block.generated :]
        value = own.strip()
        if value:
            start = block.generated + len(own) - len(own.lstrip())
            end = start + len(value)
            facts.append(
                Fact(field="title", value=value, block=number, start=start, end=end, source="docx-title-style")
            )
    return facts
