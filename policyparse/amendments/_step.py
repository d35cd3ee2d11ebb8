"""One instruction being applied: the step that each kind's function receives, and the
spacing and label patterns they share."""

from __future__ import annotations

import attrs
import regex

from policyparse.amendments._blocks import State
from policyparse.amendments._model import Instruction
from policyparse.amendments._tracked import BLANK, Tracked
from policyparse.errors import AmendError
from policyparse.numerals import ORDINAL_NUMERAL

__all__ = ["BLANK", "ENDS_SENTENCE", "ITEM_LABEL", "Region", "Step"]

ENDS_SENTENCE = "。；;：:，,！？"
ITEM_LABEL = regex.compile(rf"^[（(][{ORDINAL_NUMERAL}]+[)）]")
Region = tuple[Tracked, int, int]


@attrs.define(weakref_slot=False)
class Step:
    """One instruction being applied, with the state it edits."""

    state: State
    instruction: Instruction
    renumbering: bool

    def fail(self, why: str) -> AmendError:
        """An AmendError naming this instruction."""
        target = self.instruction.target or "the whole text"
        return AmendError(f"{self.instruction.kind.value} {target}: {why}", line=self.instruction.line)

    def paragraphs(self, text: str | None) -> str:
        """New text, its paragraphs joined the way the base joins 款."""
        if not text:
            raise self.fail("no new text")
        return self.state.paragraph_gap.join(text.split("\n"))
